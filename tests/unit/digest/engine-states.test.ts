/**
 * The digest over engine states, table by table: lifecycles, the period's reporting (a fresh store),
 * dates with their year, the none light. Each row builds tasks through the task-state engine and reads
 * what the digest says (its text, and the admins' card).
 */
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../bot/domain/digest/build-digest.js';
import { digestText } from '../../../bot/domain/digest/digest-text.js';
import type { DigestInput, DigestTaskInput } from '../../../bot/domain/digest/types.js';
import { digestCards } from '../../../bot/feishu/cards/digest-cards.js';
import { expectValid, markdownOf } from './card-helpers.js';
import { bj, CODES, contextAt, digestTask, inputOf, report, type TaskSpec } from './fixtures.js';

const W15 = '2022-W15';
const render = (tasks: DigestTaskInput[], extra: Partial<DigestInput> = {}) => {
  const model = buildDigest(inputOf(tasks, extra));
  const cards = digestCards(model, { audience: 'admin' });
  expectValid(cards);
  return { model, text: digestText(model), card: cards.flatMap(markdownOf).join('\n') };
};
/** The line of task `code` in the digest's text. */
const lineOf = (text: string, code: string) => text.split('\n').find((l) => l.includes(` 任务${code} `) && l.includes('｜时限')) ?? '';

describe('lifecycles: what a task’s line says', () => {
  const far = { targets: [{ id: 1, label: '注册企业', value: 100, unit: '家', comparator: 'at_least' as const, kind: 'cumulative' as const, baseline: null, paceNote: null, history: [{ value: 1, at: bj('2022-04-12 10:00') }] }] };
  const table: [string, TaskSpec, string, boolean][] = [
    ['an owner said done: awaiting confirmation', { lifecycle: 'done_pending', reports: [report(W15, '2022-04-13 09:00', 'done', '已完成')] }, '🟢 任务5 加强研发平台建设｜已完成（待确认）｜', false],
    ['awaiting confirmation past its deadline, a target far behind: still green, never 逾期', { lifecycle: 'done_pending', deadline: '2022-03-31', ...far }, '🟢 任务5 加强研发平台建设｜已完成（待确认）｜责任人5｜时限3月31日', false],
    ['confirmed', { lifecycle: 'closed' }, '🟢 任务5 加强研发平台建设｜已办结｜', false],
    ['paused past its deadline: no light, no 逾期', { lifecycle: 'paused', deadline: '2022-03-31' }, '⚪ 任务5 加强研发平台建设｜已暂停｜责任人5｜时限3月31日', false],
    ['active, a report said done the lifecycle did not take up: 已报完成, never 已完成', { reports: [report(W15, '2022-04-13 09:00', 'done', '做完了')], ...far }, '🔴 任务5 加强研发平台建设｜已报完成｜', true],
    ['active past its deadline', { deadline: '2022-03-31' }, '🔴 任务5 加强研发平台建设｜逾期｜责任人5｜时限3月31日（已逾期10个工作日）', true],
  ];
  it.each(table)('%s', (_what, spec, head, leaders) => {
    const { model, text } = render([digestTask('5', spec)]);
    expect(lineOf(text, '5').startsWith(head)).toBe(true);
    expect(lineOf(text, '5')).not.toMatch(/｜已完成｜/);
    expect(model.needsLeaders.length > 0).toBe(leaders);
    expect(model.dueSoon).toEqual([]);
  });

  it('never shows 已完成 beside a red light', () => {
    const specs: TaskSpec[] = [{ lifecycle: 'done_pending', deadline: '2022-03-31', ...far }, { reports: [report(W15, '2022-04-13 09:00', 'done', '完')], ...far }, { lifecycle: 'closed', ...far }];
    const { model } = render(specs.map((s, i) => digestTask(String(i + 1), s)));
    for (const t of model.sections.flatMap((s) => s.tasks)) if (t.state.light === 'red') expect(t.status).not.toMatch(/done_pending|closed/);
  });
});

describe('reporting: 「本期已全部报送」 only when someone was asked and everyone asked reported', () => {
  const asked = { askedPeriods: [W15] };
  const reported = { ...asked, reports: [report(W15, '2022-04-13 09:00', 'on_track', '按计划')] };
  const away = { ...asked, owners: [{ personId: 9, name: '李九', leave: [{ from: '2022-04-11', to: '2022-04-22' }] }] };
  const table: [string, TaskSpec[], string, string | null][] = [
    ['a fresh store: nobody asked', CODES.map(() => ({})), '本期尚未催报', '暂无进展 23'],
    ['reports but no check-in went out', [reported, {}].map((s) => ({ ...s, askedPeriods: [] })), '本期尚未催报', null],
    ['everyone asked reported', [reported, reported, {}], '本期已全部报送', null],
    ['the only one asked and silent is on leave', [reported, away], '本期无未报送（1项的责任人均在休假）', null],
    ['one asked and silent', [reported, asked], '责任人2：任务2 培育科技型企业', null],
  ];
  it.each(table)('%s', (_what, specs, says, counted) => {
    const { text, card } = render(specs.map((s, i) => digestTask(String(i + 1), s)));
    const block = text.slice(text.indexOf('【未报送】'));
    expect(block).toContain(says);
    expect(card).toContain(says);
    if (says !== '本期已全部报送') expect(`${text}${card}`).not.toContain('本期已全部报送');
    if (counted) expect(text.split('\n')[1]).toContain(counted);
  });

  it('a task asked whose owners were all unassigned is still listed, never hidden', () => {
    const { text } = render([digestTask('3', { owners: [], askedPeriods: [W15] })]);
    expect(text.slice(text.indexOf('【未报送】'))).toContain('（无责任人）：任务3 培育高成长企业');
  });
});

describe('dates carry their year when it is not the digest’s', () => {
  const in2023 = { now: bj('2023-01-06 16:00'), today: '2023-01-06', week: { id: '2023-W01', number: 1, firstWorkday: '2023-01-03', lastWorkday: '2023-01-06' } };
  const ctx2023 = contextAt(in2023.now);
  const extended = { deadline: '2023-03-31', plannedDeadline: '2022-12-31' };
  const table: [string, DigestTaskInput, Partial<DigestInput>, string][] = [
    ['an extension into 2023, in a 2022 digest', digestTask('5', extended), {}, '时限2023年3月31日（原定12月31日）'],
    ['the same, in a 2023 digest', digestTask('5', extended, ctx2023), in2023, '时限3月31日（原定2022年12月31日）'],
    ['a request to extend into 2023', digestTask('13', { extensionRequests: [{ requestId: 900, by: '赵六', to: '2023-03-31', reason: '设备未到位' }] }), {}, '申请延期至2023年3月31日（赵六：设备未到位）'],
    ['a report of last year', digestTask('5', { ...extended, reports: [report('2022-W52', '2022-12-30 09:00', 'on_track', '年底推进')] }, ctx2023), in2023, '最新进展（2022年12月30日）'],
    ['this year’s dates without it', digestTask('8', { deadline: '2022-04-28' }), {}, '8 组织项目申报 — 4月28日到期（还剩10个工作日）'],
  ];
  it.each(table)('%s', (_what, task, extra, says) => {
    const { text, card } = render([task], extra);
    expect(text).toContain(says);
    expect(card).toContain(says);
  });
});

describe('the none light', () => {
  it('paused and unreported tasks are ⚪, and a digest of only those has a grey header', () => {
    const { model, text } = render([digestTask('18'), digestTask('22', { lifecycle: 'paused' })]);
    expect(model.lights).toEqual({ red: 0, yellow: 0, none: 2, green: 0 });
    expect([model.worst, model.sections[0]?.light]).toEqual(['none', 'none']);
    expect(text.split('\n')[1]).toMatch(/^共2项 ⚪2｜按计划 0 · 有风险 0 · 受阻 0 · 逾期 0 · 未报送 0 · 暂无进展 1 · 已暂停 1｜/);
    const [card] = digestCards(model, { audience: 'group' });
    expect((card!.header as { template: string }).template).toBe('grey');
  });
});
