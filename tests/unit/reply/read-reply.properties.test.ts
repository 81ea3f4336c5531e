/**
 * Properties of the reply reader over generated input. Shape (seeded loops): it never throws, every
 * field stays in its declared shape, the same input reads the same way, and odd input (huge, empty,
 * JSON, tags, broken targets, invalid dates and zones) is survived. Meaning (fast-check, fixed seed):
 * a count read is the count written, done exactly when it meets the target, not started at zero; a
 * value never exceeds the largest number the reply says; a stated share, tenth, half or fraction is
 * the percent, never above 100; of several expected months the latest wins; a denied problem is none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReply } from '../../../bot/domain/reply/read-reply.js';
import type { ReadReply, ReadReplyInput, ReplyTarget } from '../../../bot/domain/reply/read-reply.js';
import { HIGH_TECH, INCUBATORS, NOW, REGISTRATION, SCHOOLS, TECH_SMES, TRADE, TRAINING } from './fixtures.js';
import { lastDayOfMonth } from '../../../bot/domain/calendar/civil-date.js';

/** mulberry32: a small deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  '已完成', '完成', '118', '１４０', '家', '个', '项', '亿', '万元', '%', '％', '人次', '一百二十', '两千', '十余',
  '高企', '科技型企业', '众创空间', '技术合同', '，', '。', '、', '；', '\n', ' ', '/', '.', '-', '~', ':', '：',
  '没有', '不', '风险', '滞后', '受阻', '等', '审批', '拨款', '需协调', '按计划', '预计', '月底', '下周五', '年底',
  '前', '9月', '30日', '第', '3', '批', '过半', '八成', '百分之', '六十', '分之', '其中', '还差', '去年', '同比',
  '增长', '😄', '👍', '<at id=all></at>', '{"text":"', '"}', '@_user_1', '\u3000', '\uD83D', '（', '）', '2022年',
  '13812345678', '1,650', '9.30', '¥', '\\', '$', '(', ')', '[', ']', '^', '*', '+', '?', '|',
];

function randomText(next: () => number, maxParts: number): string {
  const n = Math.floor(next() * maxParts);
  let out = '';
  for (let i = 0; i < n; i++) {
    if (next() < 0.15) out += String.fromCharCode(Math.floor(next() * 0xffff));
    else out += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]!;
  }
  return out;
}

const ALL_TARGETS: ReplyTarget[][] = [[], HIGH_TECH, TECH_SMES, INCUBATORS, REGISTRATION, TRADE, SCHOOLS, TRAINING];
const STATUSES = new Set(['on_track', 'at_risk', 'blocked', 'not_started', 'done', null]);

function expectShape(r: ReadReply, targets: ReplyTarget[]): void {
  expect(Object.keys(r).sort()).toEqual(['blocker', 'doubts', 'expectedOn', 'percent', 'status', 'values']);
  expect(STATUSES.has(r.status)).toBe(true);
  if (r.percent !== null) {
    expect(Number.isFinite(r.percent)).toBe(true);
    expect(r.percent).toBeGreaterThanOrEqual(0);
    expect(r.percent).toBeLessThanOrEqual(100);
  }
  expect(Array.isArray(r.values)).toBe(true);
  const seen = new Set<number>();
  for (const v of r.values) {
    expect(Number.isInteger(v.target) && v.target >= 0 && v.target < targets.length).toBe(true);
    expect(Number.isFinite(v.value)).toBe(true);
    expect(v.unit).toBe(targets[v.target]!.unit);
    expect(seen.has(v.target)).toBe(false);
    seen.add(v.target);
  }
  if (r.expectedOn !== null) {
    expect(r.expectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${r.expectedOn}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r.expectedOn);
  }
  if (r.blocker !== null) {
    expect(r.blocker.length).toBeGreaterThan(0);
    expect([...r.blocker].length).toBeLessThanOrEqual(80);
    expect(r.status === 'blocked' || r.status === 'at_risk').toBe(true);
  }
  expect(r.doubts.length).toBeLessThanOrEqual(3);
  for (const d of r.doubts) {
    expect(d.words.length).toBeGreaterThan(0);
    expect([...d.words].length).toBeLessThanOrEqual(40);
    if (d.kind === 'value') {
      expect(Number.isFinite(d.value)).toBe(true);
      expect(d.others.length).toBeGreaterThan(0);
      for (const t of d.others) expect(targets[t]!.unit).toBe(d.unit);
      expect(r.values.some((v) => d.others.includes(v.target))).toBe(false);
    } else {
      expect(d.chosen).toBe(r.expectedOn);
      for (const o of d.others) expect(o).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  }
}

describe('readReply properties', () => {
  it('never throws and stays in shape on 3,000 random replies', () => {
    const next = rng(20220815);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(next, 40);
      const targets = ALL_TARGETS[Math.floor(next() * ALL_TARGETS.length)]!;
      const now = new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 4 * 365) * 86_400_000 + Math.floor(next() * 86_400_000));
      const r = readReply({ text, targets, now });
      try {
        expectShape(r, targets);
      } catch (e) {
        throw new Error(`reply #${i} ${JSON.stringify(text)}: ${(e as Error).message}`);
      }
    }
  });

  it('reads the same input the same way', () => {
    const next = rng(7);
    for (let i = 0; i < 300; i++) {
      const text = randomText(next, 30);
      expect(readReply({ text, targets: REGISTRATION, now: NOW })).toEqual(readReply({ text, targets: REGISTRATION, now: NOW }));
    }
  });

  it('survives long replies', () => {
    const next = rng(99);
    const long = randomText(next, 3000).padEnd(10_000, '已完成118家，进度偏慢，等审批。');
    expectShape(readReply({ text: long, targets: TECH_SMES, now: NOW }), TECH_SMES);
    const noBreaks = '高企'.repeat(6000) + '受阻' + '9'.repeat(5000);
    expectShape(readReply({ text: noBreaks, targets: HIGH_TECH, now: NOW }), HIGH_TECH);
    expectShape(readReply({ text: '1'.repeat(12_000), targets: HIGH_TECH, now: NOW }), HIGH_TECH);
  });

  it('survives odd input', () => {
    const odd: unknown[] = [
      '', '   ', '\n\n', '😄😄😄', '<at id=all></at>', '<at id=all></at> 同上', '{}', '[]', '{"text":', 'null',
      '{"zh_cn":{"title":"","content":[[{"tag":"text","text":"已完成118家"}]]}}', '\u0000\uFFFF\uD800', '%%%', '///',
      undefined, null, 42,
    ];
    for (const text of odd) {
      const r = readReply({ text: text as string, targets: HIGH_TECH, now: NOW });
      expectShape(r, HIGH_TECH);
    }
    const broken = [
      { label: '高企', value: Number.NaN, unit: '家', kind: 'level' },
      { label: '', value: 0, unit: '', kind: 'level' },
      null,
      { label: '科技成果', value: 0, unit: '项', kind: 'nonsense' },
    ] as unknown as ReplyTarget[];
    expectShape(readReply({ text: '高企118家，科技成果5项，完成', targets: broken, now: NOW }), broken);
    const inputs: unknown[] = [
      { text: '本月底前完成', targets: HIGH_TECH, now: new Date('nope') },
      { text: '本月底前完成', targets: HIGH_TECH, now: NOW, timeZone: 'Mars/Olympus' },
      { text: '本月底前完成', targets: 'x', now: NOW },
      { text: '本月底前完成' },
      null,
    ];
    for (const input of inputs) expectShape(readReply(input as ReadReplyInput), HIGH_TECH);
  });
});

const RUNS = { seed: 20220815, numRuns: 150 };
const read = (text: string, targets: ReplyTarget[] = HIGH_TECH) => readReply({ text, targets, now: NOW });
const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

describe('readReply properties of meaning', () => {
  it('reads a count as written; done exactly when it meets the target, not started at zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom('已完成', '目前', '高企已认定', '累计'), (n, lead) => {
        const got = read(`${lead}${n}家`);
        const done = n >= 140;
        expect(got).toEqual({
          status: done ? 'done' : n === 0 ? 'not_started' : null,
          percent: done ? 100 : null,
          values: [{ value: n, unit: '家', target: 0 }],
          expectedOn: null,
          blocker: null,
          doubts: [],
        });
      }),
      RUNS,
    );
  });

  it('needs every target met: one count short of its target is never done', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (a, b) => {
        const got = read(`市级众创空间${a}个，国家备案${b}个`, INCUBATORS);
        expect(got.values).toEqual([
          { value: a, unit: '个', target: 0 },
          { value: b, unit: '个', target: 1 },
        ]);
        expect(got.status === 'done').toBe(a >= 5 && b >= 2);
      }),
      RUNS,
    );
  });

  it('never reads a value above the largest number the reply says', () => {
    const piece = fc.oneof(
      fc.integer({ min: 0, max: 5000 }).map(String),
      fc.constantFrom('已完成', '家', '个', '项', '，', '高企', '科技型企业', '注册', '目前', '累计', '预计', '去年', '同比', '增长', '%', '、'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom(HIGH_TECH, TECH_SMES, INCUBATORS), (parts, targets) => {
        const text = parts.join('');
        const numbers = (text.match(/\d+/g) ?? []).map(Number);
        const largest = numbers.length ? Math.max(...numbers) : -Infinity;
        for (const v of read(text, targets).values) expect(v.value).toBeLessThanOrEqual(largest);
      }),
      RUNS,
    );
  });

  it('reads a stated share of the year’s target as the percent, capped at 100 and done from 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (tenths) => {
        const p = tenths / 10;
        const got = read(`完成全年目标的${p}%`);
        expect(got.percent).toBe(Math.min(100, p));
        expect(got.status === 'done').toBe(p >= 100);
      }),
      RUNS,
    );
  });

  it('reads tenths, halves and fractions in words as the percent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.boolean(), (d, chinese) => {
        expect(read(`已完成${chinese ? CN_DIGITS[d] : d}成`).percent).toBe(d * 10);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 10 }), (den, num) => {
        fc.pre(num <= den);
        const got = read(`完成了${CN_DIGITS[den]}分之${CN_DIGITS[num]}`).percent;
        expect(got).toBe(Math.round((num / den) * 100));
        expect(got!).toBeLessThanOrEqual(100);
      }),
      RUNS,
    );
    for (const half of ['完成一半', '已近一半', '任务过半', '进度过半']) expect(read(half).percent).toBe(50);
  });

  it('takes the latest of several expected months, whatever their order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 9, max: 12 }), { minLength: 1, maxLength: 3 }), (months) => {
        const text = months.map((m, i) => `${m}月底前完成第${CN_DIGITS[i + 1]}批`).join('，');
        const latest = Math.max(...months);
        const got = read(text);
        expect(got.expectedOn).toBe(lastDayOfMonth(2022, latest));
        const others = months.filter((m) => m !== latest).sort((a, b) => b - a).map((m) => lastDayOfMonth(2022, m));
        expect(got.doubts).toEqual(
          others.length ? [{ kind: 'date', chosen: lastDayOfMonth(2022, latest), others, words: expect.any(String) }] : [],
        );
      }),
      RUNS,
    );
  });

  it('reads a denied problem as no problem', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('没有', '不存在', '暂无', '并无'),
        fc.constantFrom('风险', '困难', '压力', '阻力', '障碍'),
        (deny, problem) => {
          const got = read(`${deny}${problem}`);
          expect(got.status).toBe('on_track');
          expect(got.blocker).toBeNull();
        },
      ),
      RUNS,
    );
  });
});
