/** nextNudgeAt: when the next nudge of a task would go out (下次提醒 on cards). */
import { describe, expect, it } from 'vitest';
import { nextNudgeAt } from '../../../bot/domain/schedule/index.js';
import type { TaskForSchedule } from '../../../bot/domain/schedule/index.js';
import { bj, cal, iso8, person, seedTask } from './helpers.js';

function next(task: TaskForSchedule, local: string): string | null {
  const at = nextNudgeAt(task, bj(local), cal);
  return at ? iso8(at) : null;
}

describe('nextNudgeAt', () => {
  it.each([
    ['2022-03-31 12:00', '2022-04-02T09:30:00+08:00', 'the make-up Saturday follow-up'],
    ['2022-04-02 09:30', '2022-04-06T09:30:00+08:00', 'strictly after: over Qingming'],
    ['2022-04-08 10:00', '2022-04-11T09:30:00+08:00', 'next week'],
    ['2022-04-29 10:00', '2022-05-05T09:30:00+08:00', 'over Labour Day'],
  ])('after %s → %s (%s)', (local, expected) => {
    expect(next(seedTask(), local)).toBe(expected);
  });

  it('skips the rest of a period the owner answered', () => {
    const task = seedTask({ owners: [person(101, { answeredPeriods: ['2022-W15'] })] });
    expect(next(task, '2022-04-11 10:00')).toBe('2022-04-18T09:30:00+08:00');
  });

  it('skips steps while every owner is on leave, but not while one of them is not', () => {
    const away = person(101, { leave: [{ from: '2022-04-11', to: '2022-04-20' }] });
    expect(next(seedTask({ owners: [away] }), '2022-04-08 10:00')).toBe('2022-04-24T09:30:00+08:00');
    expect(next(seedTask({ owners: [away, person(102)] }), '2022-04-08 10:00')).toBe('2022-04-11T09:30:00+08:00');
  });

  it('follows the deadline ladder when there are no check-ins', () => {
    const task = seedTask({ cadence: 'off', deadline: '2022-06-30' });
    expect(next(task, '2022-06-01 10:00')).toBe('2022-06-16T09:30:00+08:00');
    expect(next(task, '2022-06-30 09:30')).toBe('2022-07-04T09:30:00+08:00');
  });

  it('takes the earlier of the two tracks', () => {
    const task = seedTask({ deadline: '2022-06-30' });
    expect(next(task, '2022-06-28 10:00')).toBe('2022-06-29T09:30:00+08:00'); // deadline-1 (Wed) and followup1
    expect(next(task, '2022-06-29 10:00')).toBe('2022-06-30T09:30:00+08:00'); // deadline-0
  });

  it.each(['paused', 'done_pending', 'closed', 'removed'] as const)('is null for a %s task', (lifecycle) => {
    expect(next(seedTask({ lifecycle }), '2022-04-08 10:00')).toBeNull();
  });

  it('is null when nothing would ever go out', () => {
    expect(next(seedTask({ cadence: 'off', deadline: null }), '2022-04-08 10:00')).toBeNull();
    expect(next(seedTask({ owners: [] , deadline: null}), '2022-04-08 10:00')).toBeNull();
  });
});
