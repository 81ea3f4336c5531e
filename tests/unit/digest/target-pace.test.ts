/** targetPace: one target against working time, per kind and comparator (table-driven). */
import { describe, expect, it } from 'vitest';
import { targetPace } from '../../../bot/domain/digest/target-pace.js';
import { DEFAULT_DIGEST, type DigestTarget } from '../../../bot/domain/digest/types.js';
import { NOW, target } from './fixtures.js';

const ctx = (timeShare: number) => ({ now: NOW, periodStart: '2022-01-01', timeShare });

interface Row {
  name: string;
  t: DigestTarget;
  share: number;
  want: { basis: string; reached: number | null; ratio: number | null; verdict: string | null; latest?: number | null; baseline?: number | null };
}

const rows: Row[] = [
  {
    name: 'cumulative: reached = latest ÷ target, on pace',
    t: target(1, '科技成果登记', 70, '项', 'cumulative', [['2022-03-01 10:00', 10], ['2022-04-01 10:00', 21]]),
    share: 0.25,
    want: { basis: 'total', reached: 0.3, ratio: 1.2, verdict: 'on_pace', latest: 21 },
  },
  {
    name: 'money: between redBelow and greenAt → lagging',
    t: target(2, '技术合同', 11, '亿元', 'money', [['2022-04-01 10:00', 2.2]]),
    share: 0.25,
    want: { basis: 'total', reached: 0.2, ratio: 0.8, verdict: 'lagging' },
  },
  {
    name: 'cumulative: ratio below redBelow → far behind',
    t: target(3, '注册', 120, '家', 'cumulative', [['2022-04-01 10:00', 12]]),
    share: 0.25,
    want: { basis: 'total', reached: 0.1, ratio: 0.4, verdict: 'far_behind' },
  },
  {
    name: 'exactly at greenAt is on pace',
    t: target(4, 'x', 100, '项', 'cumulative', [['2022-04-01 10:00', 18]]),
    share: 0.2,
    want: { basis: 'total', reached: 0.18, ratio: 0.9, verdict: 'on_pace' },
  },
  {
    name: 'exactly at redBelow is lagging, not red',
    t: target(5, 'x', 100, '项', 'cumulative', [['2022-04-01 10:00', 12]]),
    share: 0.2,
    want: { basis: 'total', reached: 0.12, ratio: 0.6, verdict: 'lagging' },
  },
  {
    name: 'level: progress from the period’s first value (a stock, not a running total)',
    t: target(6, '有效期高企', 140, '家', 'level', [['2021-12-20 10:00', 95], ['2022-02-01 10:00', 100], ['2022-04-01 10:00', 110]]),
    share: 0.25,
    want: { basis: 'from_baseline', reached: 0.25, ratio: 1, verdict: 'on_pace', baseline: 100, latest: 110 },
  },
  {
    name: 'level: only one value known → latest ÷ target, no verdict',
    t: target(7, '科技型企业', 2000, '家', 'level', [['2022-04-01 10:00', 1500]]),
    share: 0.25,
    want: { basis: 'single_value', reached: 0.75, ratio: null, verdict: null },
  },
  {
    name: 'level: fell below its baseline → negative progress, far behind',
    t: target(8, '有效期高企', 140, '家', 'level', [['2022-02-01 10:00', 100], ['2022-04-01 10:00', 96]]),
    share: 0.25,
    want: { basis: 'from_baseline', reached: -0.1, ratio: -0.4, verdict: 'far_behind' },
  },
  {
    name: 'level: target already met → on pace',
    t: target(9, '有效期高企', 140, '家', 'level', [['2022-04-01 10:00', 141]]),
    share: 0.25,
    want: { basis: 'single_value', reached: 141 / 140, ratio: null, verdict: 'on_pace' },
  },
  {
    name: 'percent: like a level',
    t: target(10, '覆盖率', 80, '%', 'percent', [['2022-01-10 10:00', 60], ['2022-04-01 10:00', 62]]),
    share: 0.25,
    want: { basis: 'from_baseline', reached: 0.1, ratio: 0.4, verdict: 'far_behind' },
  },
  {
    name: 'at_most: on pace while latest ≤ cap',
    t: target(11, '事故', 2, '起', 'cumulative', [['2022-04-01 10:00', 2]], { comparator: 'at_most' }),
    share: 0.25,
    want: { basis: 'cap', reached: 1, ratio: null, verdict: 'on_pace' },
  },
  {
    name: 'at_most: cap exceeded → far behind',
    t: target(12, '事故', 2, '起', 'cumulative', [['2022-04-01 10:00', 3]], { comparator: 'at_most' }),
    share: 0.25,
    want: { basis: 'cap', reached: 1.5, ratio: null, verdict: 'far_behind' },
  },
  {
    name: 'a pace note counts as on pace',
    t: target(13, '技术合同', 11, '亿元', 'money', [['2022-04-01 10:00', 0.5]], { paceNote: '下半年集中签约' }),
    share: 0.5,
    want: { basis: 'total', reached: 0.5 / 11, ratio: 0.5 / 11 / 0.5, verdict: 'on_pace' },
  },
  {
    name: 'nothing reported: no verdict',
    t: target(14, '成果', 70, '项', 'cumulative'),
    share: 0.25,
    want: { basis: 'none', reached: null, ratio: null, verdict: null, latest: null },
  },
  {
    name: 'values reported after now are not known yet',
    t: target(15, '成果', 70, '项', 'cumulative', [['2022-04-10 10:00', 7], ['2022-04-20 10:00', 70]]),
    share: 0.25,
    want: { basis: 'total', reached: 0.1, ratio: 0.4, verdict: 'far_behind', latest: 7 },
  },
  {
    name: 'no working time elapsed yet: nothing is behind',
    t: target(16, '成果', 70, '项', 'cumulative', [['2022-01-01 10:00', 0]]),
    share: 0,
    want: { basis: 'total', reached: 0, ratio: null, verdict: 'on_pace' },
  },
];

describe('targetPace', () => {
  it.each(rows)('$name', ({ t, share, want }) => {
    const p = targetPace(t, ctx(share), DEFAULT_DIGEST);
    expect(p.basis).toBe(want.basis);
    expect(p.verdict).toBe(want.verdict);
    for (const key of ['reached', 'ratio'] as const) {
      if (want[key] === null) expect(p[key]).toBeNull();
      else expect(p[key]).toBeCloseTo(want[key] as number, 10);
    }
    if (want.latest !== undefined) expect(p.latest).toBe(want.latest);
    if (want.baseline !== undefined) expect(p.baseline).toBe(want.baseline);
  });

  it('gives where a running total should be by now (序时应达), not for levels', () => {
    expect(targetPace(rows[0]!.t, ctx(0.25), DEFAULT_DIGEST).expected).toBe(17.5);
    expect(targetPace(rows[5]!.t, ctx(0.25), DEFAULT_DIGEST).expected).toBeNull();
  });
});
