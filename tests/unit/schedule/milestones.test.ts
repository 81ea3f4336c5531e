/**
 * Milestone reminders (时间节点): each open milestone gets the deadline ladder with its own date, kinds
 * `milestone-<id>-…`, to owners only; a milestone marked done, or a task not active, gets none.
 */
import { describe, expect, it } from 'vitest';
import { dueNudges } from '../../../bot/domain/schedule/index.js';
import { milestoneIdOf } from '../../../bot/domain/schedule/types.js';
import { bj, cal, person, seedTask, simulateSweeps } from './helpers.js';

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
