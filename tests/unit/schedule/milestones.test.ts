/**
 * Milestone reminders (时间节点): each open milestone gets the deadline ladder with its own date, kinds
 * `milestone-<id>-…`, to owners only; a milestone marked done, or a task not active, gets none.
 */
import { describe, expect, it } from 'vitest';
import { dueNudges, nextNudgeAt } from '../../../bot/domain/schedule/index.js';
import { milestoneIdOf } from '../../../bot/domain/schedule/types.js';
import { bj, cal, iso8, person, seedTask, simulateSweeps } from './helpers.js';

const base = { deadline: '2022-12-31', owners: [person(101)], leaders: [person(900)], cadence: 'off' as const };

describe('milestone reminders', () => {
  it('run the ladder before the milestone’s own date and a small one after it, to the owner only', () => {
    const task = seedTask({ ...base, openMilestones: [{ id: 5, due: '2022-06-30' }] });
    const { sent } = simulateSweeps(() => task, bj('2022-06-15 08:00'), bj('2022-07-20 23:30'));
    expect(sent.map((s) => s.key)).toEqual([
      '1:101:2022-06-30:milestone-5-deadline-10',
      '1:101:2022-06-30:milestone-5-deadline-5',
      '1:101:2022-06-30:milestone-5-deadline-1',
      '1:101:2022-06-30:milestone-5-deadline-0',
      '1:101:2022-06-30:milestone-5-overdue-2',
      '1:101:2022-06-30:milestone-5-overdue-4',
      '1:101:2022-06-30:milestone-5-overdue-6', // the first red step ends it
    ]);
  });

  it('keep one track per milestone (catch-up sends the latest of each)', () => {
    const task = seedTask({ ...base, openMilestones: [{ id: 5, due: '2022-06-30' }, { id: 6, due: '2022-07-15' }] });
    const { due } = dueNudges(task, bj('2022-07-08 10:00'), cal);
    expect(due.map((n) => [n.key, n.level, n.role])).toEqual([
      ['1:101:2022-06-30:milestone-5-overdue-6', 'red', 'owner'],
      ['1:101:2022-07-15:milestone-6-deadline-5', 'blue', 'owner'],
    ]);
  });

  it('stop when the milestone is done (not open) or the task is not active', () => {
    expect(dueNudges(seedTask({ ...base, openMilestones: [] }), bj('2022-07-08 10:00'), cal).due).toEqual([]);
    expect(dueNudges(seedTask({ ...base, lifecycle: 'paused', openMilestones: [{ id: 5, due: '2022-06-30' }] }), bj('2022-07-08 10:00'), cal).due).toEqual([]);
  });

  it('name their milestone in the kind', () => {
    expect(milestoneIdOf('milestone-17-overdue-4')).toBe(17);
    expect(milestoneIdOf('overdue-4')).toBeNull();
  });
});

describe('nextNudgeAt with milestones (下次提醒)', () => {
  const next = (task: Parameters<typeof nextNudgeAt>[0], local: string) => {
    const at = nextNudgeAt(task, bj(local), cal);
    return at ? iso8(at) : null;
  };

  it('shows the milestone’s step when it comes before the next check-in', () => {
    // Weekly; the owner answered this week (W24), so the next check-in is Monday 20 June.
    const weekly = { ...base, cadence: 'weekly' as const, owners: [person(101, { answeredPeriods: ['2022-W24'] })] };
    expect(next(seedTask(weekly), '2022-06-14 10:00')).toBe('2022-06-20T09:30:00+08:00');
    expect(next(seedTask({ ...weekly, openMilestones: [{ id: 5, due: '2022-06-30' }] }), '2022-06-14 10:00')).toBe('2022-06-16T09:30:00+08:00'); // deadline-10
    expect(next(seedTask({ ...weekly, openMilestones: [{ id: 5, due: '2022-06-30' }] }), '2022-06-16 09:30')).toBe('2022-06-20T09:30:00+08:00'); // the check-in, before deadline-5
  });

  it('takes the earliest of several milestones, and none of a milestone done (not open)', () => {
    const two = seedTask({ ...base, openMilestones: [{ id: 6, due: '2022-07-15' }, { id: 5, due: '2022-06-30' }] });
    expect(next(two, '2022-06-02 10:00')).toBe('2022-06-16T09:30:00+08:00');
    expect(next(seedTask({ ...base, openMilestones: [{ id: 6, due: '2022-07-15' }] }), '2022-06-02 10:00')).toBe('2022-07-01T09:30:00+08:00'); // 7-15's deadline-10
    expect(next(seedTask({ ...base, openMilestones: [] }), '2022-06-02 10:00')).toBe('2022-12-19T09:30:00+08:00'); // the task's own deadline-10
  });

  it('stops after the milestone’s first red step, as the sweep does', () => {
    const task = seedTask({ ...base, openMilestones: [{ id: 5, due: '2022-06-30' }] });
    const { sent } = simulateSweeps(() => task, bj('2022-06-30 10:00'), bj('2022-12-31 23:30'));
    const dues = sent.map((s) => s.dueAt).filter((d) => d > '2022-06-30T10'); // the first sweep catches up on 30 June's step
    expect(dues).toEqual(['2022-07-04T09:30:00+08:00', '2022-07-06T09:30:00+08:00', '2022-07-08T09:30:00+08:00', '2022-12-19T09:30:00+08:00', '2022-12-26T09:30:00+08:00', '2022-12-30T09:30:00+08:00']);
    // Each next nudge is the one the sweep sends next.
    expect(['2022-06-30 10:00', '2022-07-04 09:30', '2022-07-06 09:30', '2022-07-08 09:30', '2022-12-19 09:30', '2022-12-26 09:30'].map((a) => next(task, a))).toEqual(dues);
  });

  it('skips a step the owner is on leave for, and is null for a task not active', () => {
    const away = person(101, { leave: [{ from: '2022-06-16', to: '2022-06-16' }] });
    expect(next(seedTask({ ...base, owners: [away], openMilestones: [{ id: 5, due: '2022-06-30' }] }), '2022-06-02 10:00')).toBe('2022-06-23T09:30:00+08:00');
    expect(next(seedTask({ ...base, lifecycle: 'paused', openMilestones: [{ id: 5, due: '2022-06-30' }] }), '2022-06-02 10:00')).toBeNull();
  });
});
