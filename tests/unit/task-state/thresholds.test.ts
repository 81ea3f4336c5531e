/**
 * The engine's thresholds at their exact boundaries, with the time gone fixed (ctx.elapsed) so each
 * case states the rule, not a calendar: done ÷ time ≥ 0.9 is on pace (green), below 0.6 far behind
 * (red), between lagging (yellow); 「尚未启动」 turns yellow only once more than 10% (1 − 0.9) of the
 * time is gone; a deadline 5 working days away or nearer is 「临近」.
 */
import { describe, expect, it } from 'vitest';
import { lightOf } from '../../../bot/domain/task-state/light.js';
import { targetState } from '../../../bot/domain/task-state/target-state.js';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import type { Reporting, StateContext, StateSettings } from '../../../bot/domain/task-state/types.js';
import { ctxAt, report, target, task } from './helpers.js';

/** The context of 30 June 2022 with the share of time gone fixed at `share`. */
function ctxWith(share: number, settings?: StateSettings): StateContext {
  const ctx = ctxAt('2022-06-30');
  return { ...ctx, elapsed: () => share, ...(settings ? { settings } : {}) };
}

const verdictOf = (latest: number, share: number, settings?: StateSettings) =>
  targetState(target({ kind: 'cumulative', label: '技术合同登记', value: 100, unit: '项', history: [['2022-06-30', latest]] }), '2022-01-01', '2022-12-31', ctxWith(share, settings)).verdict;

describe('done ÷ time against greenAt 0.9 and redBelow 0.6', () => {
  it.each<[number, string, string]>([
    [100, 'on_pace', 'the target met'],
    [20, 'on_pace', 'exactly on pace'],
    [18, 'on_pace', 'ratio exactly 0.9'],
    [17.9, 'lagging', 'just under 0.9'],
    [12, 'lagging', 'ratio exactly 0.6'],
    [11.9, 'far_behind', 'just under 0.6'],
    [0, 'far_behind', 'nothing done'],
  ])('%s of 100 at 20%% of the time → %s (%s)', (latest, verdict) => {
    expect(verdictOf(latest, 0.2)).toBe(verdict);
  });

  it('the thresholds come from the settings', () => {
    const loose = { greenAt: 0.5, redBelow: 0.25, dueSoonWorkdays: 5 };
    expect(verdictOf(10, 0.2, loose)).toBe('on_pace');
    expect(verdictOf(9.9, 0.2, loose)).toBe('lagging');
    expect(verdictOf(5, 0.2, loose)).toBe('lagging');
    expect(verdictOf(4.9, 0.2, loose)).toBe('far_behind');
  });

  it('before the first working day nothing is due yet: on pace with nothing done', () => {
    expect(verdictOf(0, 0)).toBe('on_pace');
  });

  it('a level judged from the plan’s baseline uses the same thresholds', () => {
    const judge = (latest: number) =>
      targetState(target({ baseline: 100, value: 200, history: [['2022-06-30', latest]] }), '2022-01-01', '2022-12-31', ctxWith(0.5)).verdict;
    expect(judge(145)).toBe('on_pace'); // 45 of 100 in half the time: 0.9
    expect(judge(144)).toBe('lagging');
    expect(judge(130)).toBe('lagging'); // 0.6
    expect(judge(129)).toBe('far_behind');
  });

  it('the verdicts colour the task: lagging yellow, far behind red, on pace green', () => {
    const light = (latest: number) =>
      taskState(task({ cadence: 'off', targets: [target({ kind: 'cumulative', value: 100, unit: '项', history: [['2022-06-30', latest]] })] }), ctxWith(0.2));
    expect(light(18)).toMatchObject({ light: 'green', reasons: [{ kind: 'on_track' }] });
    expect(light(17)).toMatchObject({ light: 'yellow', reasons: [{ kind: 'lagging', targetId: 1 }] });
    expect(light(11)).toMatchObject({ light: 'red', reasons: [{ kind: 'far_behind', targetId: 1 }] });
  });
});

describe('「尚未启动」 is a risk once more than 1 − greenAt of the time is gone', () => {
  const notStarted = () => task({ cadence: 'off', reports: [report('2022-06-30', { status: 'not_started' })] });

  it.each([
    [0.05, 'green', 'on_track'],
    [0.1, 'green', 'on_track'],
    [0.1001, 'yellow', 'not_started'],
    [0.5, 'yellow', 'not_started'],
  ] as const)('at %s of the time: %s (%s)', (share, light, kind) => {
    const s = taskState(notStarted(), ctxWith(share));
    expect(s.progress).toBe('not_started');
    expect(s.light).toBe(light);
    expect(s.reasons).toEqual([{ kind }]);
  });
});

describe('the deadline near', () => {
  const reported: Reporting = { period: '2022-W26', asked: true, reported: true, why: 'reported', later: [] };
  it.each([
    [6, 'green', [{ kind: 'on_track' }]],
    [5, 'yellow', [{ kind: 'due_soon', workdays: 5 }]],
    [0, 'yellow', [{ kind: 'due_soon', workdays: 0 }]],
  ] as const)('%s working days left → %s', (left, light, reasons) => {
    expect(lightOf({ lifecycle: 'active' }, 'on_track', reported, [], left, 5)).toEqual({ light, reasons });
  });

  it('an overdue task is red for the working days past, not 「临近」', () => {
    expect(lightOf({ lifecycle: 'active' }, 'overdue', reported, [], -3, 5)).toEqual({ light: 'red', reasons: [{ kind: 'overdue', workdays: 3 }] });
  });
});
