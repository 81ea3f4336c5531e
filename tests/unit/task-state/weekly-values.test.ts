/** Each target's value week by week: the weeks of the period up to now, and the value at each week's end. */
import { describe, expect, it } from 'vitest';
import { atShanghai } from '../../../bot/domain/calendar/shanghai-time.js';
import { targetState } from '../../../bot/domain/task-state/target-state.js';
import type { StateTarget } from '../../../bot/domain/task-state/types.js';
import { planWeeks, weeklyValues } from '../../../bot/domain/task-state/weekly-values.js';
import { ctxAt } from './helpers.js';

const target = (history: { value: number; at: Date }[]): StateTarget => ({
  id: 1, label: '有效期高企', value: 140, unit: '家', comparator: 'at_least', kind: 'level', baseline: null, paceNote: null, history,
});

describe('planWeeks', () => {
  it('runs from the ISO week the period starts in to the week of now, the last ending now', () => {
    const now = atShanghai('2022-01-12', '09:30');
    const weeks = planWeeks({ start: '2022-01-01', end: '2022-12-31', now });
    expect(weeks.map((w) => [w.year, w.week, w.monday, w.sunday])).toEqual([
      [2021, 52, '2021-12-27', '2022-01-02'],
      [2022, 1, '2022-01-03', '2022-01-09'],
      [2022, 2, '2022-01-10', '2022-01-16'],
    ]);
    expect(weeks[0]!.end).toEqual(new Date(atShanghai('2022-01-03', '00:00').getTime() - 1));
    expect(weeks[2]!.end).toEqual(now);
  });

  it('stops at the period’s end, and is empty before its start', () => {
    const after = planWeeks({ start: '2022-04-01', end: '2022-06-30', now: atShanghai('2023-02-01', '10:00') });
    expect(after.at(-1)!.monday).toBe('2022-06-27');
    expect(after.at(-1)!.end).toEqual(new Date(atShanghai('2022-07-04', '00:00').getTime() - 1));
    expect(after).toHaveLength(14);
    expect(planWeeks({ start: '2022-04-01', end: '2022-06-30', now: atShanghai('2022-03-31', '23:00') })).toEqual([]);
  });
});

describe('weeklyValues', () => {
  it('is the value as it stood at each week’s end, the engine’s latest then; null before the first report', () => {
    const now = atShanghai('2022-01-26', '12:00');
    const weeks = planWeeks({ start: '2022-01-01', end: '2022-12-31', now });
    const t = target([
      { value: 118, at: atShanghai('2022-01-16', '23:59') }, // Sunday night: still week 2
      { value: 110, at: atShanghai('2022-01-05', '10:00') },
      { value: 121, at: atShanghai('2022-01-17', '00:00') }, // Monday: week 3
      { value: 130, at: atShanghai('2022-01-26', '15:00') }, // after now: not yet
    ]);
    expect(weeklyValues(t, weeks)).toEqual([null, 110, 118, 121, 121]);
    expect(targetState(t, '2022-01-01', '2022-12-31', ctxAt('2022-01-26T12:00:00')).latest).toBe(weeklyValues(t, weeks).at(-1));
  });
});
