/**
 * Each target as the digest words it, from the engine's TargetState: levels labelled with their
 * baseline (「较基数」 first report, 「较年初」/「较期初」 the plan's), 「完成目标的84%」 with no pace
 * verdict while only the baseline is known, values in the unit's precision.
 */
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../bot/domain/digest/build-digest.js';
import { digestText } from '../../../bot/domain/digest/digest-text.js';
import type { StateTarget } from '../../../bot/domain/task-state/types.js';
import { digestCards } from '../../../bot/feishu/cards/digest-cards.js';
import { decode, markdownOf } from './card-helpers.js';
import { bj, contextAt, digestTask, inputOf, target, YEAR } from './fixtures.js';

const QUARTER = { start: '2022-04-01', end: '2022-06-30' };
const level = (history: [string, number][], extra: Partial<StateTarget> = {}) => target(1, '有效期高企', 140, '家', 'level', history, extra);

/** The target's line in the text and in the card, at `now` (Beijing time), the plan's period `plan`. */
function lines(t: StateTarget, now: string, plan = YEAR): [string, string] {
  const at = bj(now);
  const task = digestTask('1', { targets: [t], deadline: plan.end }, contextAt(at, plan));
  const model = buildDigest(inputOf([task], { now: at, today: now.slice(0, 10), plan: { ...inputOf([]).plan, periodStart: plan.start, periodEnd: plan.end } }));
  const text = digestText(model).split('\n').find((l) => l.startsWith(`    ${t.label}`)) ?? '';
  const card = decode(markdownOf(digestCards(model, { audience: 'admin' })[0]!).find((m) => m.includes('**任务1 ')) ?? '');
  return [text.trim(), card];
}

describe('targets', () => {
  const table: [string, StateTarget, string, string, RegExp | null, typeof YEAR?][] = [
    ['a level with only its first report: share of the target, its baseline, no verdict', level([['2022-03-21 10:00', 118]]), '2022-03-25 16:00',
      '有效期高企 118/140家 · 完成目标的84%（较基数118，仅首次填报，暂不评序时）', /落后|时间/],
    ['a level after its first report: paced from that value and date', level([['2022-03-21 10:00', 118], ['2022-04-11 10:00', 120]]), '2022-04-11 16:00',
      '有效期高企 120/140家 · 完成目标的86%，较基数118完成9%，时间8%', /落后/],
    ['a level with the plan’s baseline: 较年初', level([['2022-04-11 10:00', 120]], { baseline: 118 }), '2022-04-15 16:00',
      '有效期高企 120/140家 · 完成目标的86%，较年初118完成9%，时间28%，严重落后序时，序时应达124家', null],
    ['a level with the baseline of a quarter’s plan: 较期初', level([['2022-05-16 10:00', 125]], { baseline: 118 }), '2022-05-16 16:00',
      '有效期高企 125/140家 · 完成目标的89%，较期初118完成32%，时间48%，落后序时，序时应达129家', null, QUARTER],
    ['a count: whole numbers, 序时应达 in 家', target(1, '注册企业', 100, '家', 'cumulative', [['2022-04-14 10:00', 10]]), '2022-04-15 16:00',
      '注册企业 10/100家 · 完成10%，时间28%，严重落后序时，序时应达28家', null],
    ['money: two decimals', target(1, '技术合同成交额', 11, '亿元', 'money', [['2022-04-14 10:00', 2.6]]), '2022-04-15 16:00',
      '技术合同成交额 2.6/11亿元 · 完成24%，时间28%，落后序时，序时应达3.09亿元', null],
    ['a rate: the rate against the target rate, no time', target(1, '研发投入增长', 8, '%', 'percent', [['2022-04-14 10:00', 6.5]]), '2022-04-15 16:00',
      '研发投入增长 6.5/8% · 完成目标的81%', /时间/],
    ['a cap exceeded', target(1, '安全事故', 5, '起', 'cumulative', [['2022-04-14 10:00', 6]], { comparator: 'at_most' }), '2022-04-15 16:00',
      '安全事故 6/≤5起 · 已超上限', null],
    ['nothing reported', target(1, '注册企业', 100, '家', 'cumulative'), '2022-04-15 16:00', '注册企业 —/100家（未填报）', null],
    ['a pace note: the owner’s reason, no verdict words', target(1, '技术合同成交额', 11, '亿元', 'money', [['2022-04-14 10:00', 1]], { paceNote: '集中在下半年签订' }), '2022-04-15 16:00',
      '技术合同成交额 1/11亿元 · 完成9%，时间28%（说明：集中在下半年签订）', /落后/],
  ];
  it.each(table)('%s', (_what, t, now, says, never, plan = YEAR) => {
    const [text, card] = lines(t, now, plan);
    expect(text).toBe(says);
    expect(card).toContain(says);
    if (never) expect(text).not.toMatch(never);
  });
});
