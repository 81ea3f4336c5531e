/**
 * The deadline ladder: blue reminders 10, 5 and 1 working days before and on the deadline day,
 * yellow every 2 working days overdue, red from 5 working days overdue with the leaders told too.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, dueNudges } from '../../../bot/domain/schedule/index.js';
import { bj, cal, person, row, seedTask, simulateSweeps } from './helpers.js';
import type { Sent } from './helpers.js';

/** Sweeps a cadence-off task (ladder only) from the first sweep of `from` to the end of `to`. */
function ladder(deadline: string | null, from: string, to: string, extra = {}): Sent[] {
  const task = seedTask({ cadence: 'off', deadline, ...extra });
  const start = from.length === 10 ? `${from} 00:00` : from;
  return simulateSweeps(() => task, bj(start), bj(`${to} 23:30`)).sent;
}

const line = (s: Sent): string => `${row(s)} ${s.level} ${s.role}`;

describe('deadline ladder', () => {
  it('around a deadline of 2022-06-30', () => {
    expect(ladder('2022-06-30', '2022-06-01', '2022-07-12').map(line)).toEqual([
      '2022-06-30:deadline-10 @ 2022-06-16T09:30 blue owner', // 3 June (端午) is skipped
      '2022-06-30:deadline-5 @ 2022-06-23T09:30 blue owner',
      '2022-06-30:deadline-1 @ 2022-06-29T09:30 blue owner',
      '2022-06-30:deadline-0 @ 2022-06-30T09:30 blue owner',
      '2022-06-30:overdue-2 @ 2022-07-04T09:30 yellow owner',
      '2022-06-30:overdue-4 @ 2022-07-06T09:30 yellow owner',
      '2022-06-30:overdue-6 @ 2022-07-08T09:30 red owner',
      '2022-06-30:leader-overdue-6 @ 2022-07-08T09:30 red leader',
      '2022-06-30:overdue-8 @ 2022-07-12T09:30 red owner',
      '2022-06-30:leader-overdue-8 @ 2022-07-12T09:30 red leader',
    ]);
  });

  it('a deadline inside a holiday (National Day 2022): deadline-0 on the last working day before it', () => {
    expect(ladder('2022-10-01', '2022-09-15', '2022-10-14').map(line)).toEqual([
      '2022-10-01:deadline-10 @ 2022-09-19T09:30 blue owner',
      '2022-10-01:deadline-5 @ 2022-09-26T09:30 blue owner',
      '2022-10-01:deadline-0 @ 2022-09-30T09:30 blue owner', // replaces deadline-1 on the same day
      '2022-10-01:overdue-2 @ 2022-10-09T09:30 yellow owner', // make-up Sat 8, Sun 9 Oct
      '2022-10-01:overdue-4 @ 2022-10-11T09:30 yellow owner',
      '2022-10-01:overdue-6 @ 2022-10-13T09:30 red owner',
      '2022-10-01:leader-overdue-6 @ 2022-10-13T09:30 red leader',
    ]);
  });

  it('a deadline inside Labour Day 2022 counts overdue days from the first working day after it', () => {
    const sent = ladder('2022-05-02', '2022-04-19', '2022-05-10').map(row);
    expect(sent).toEqual([
      '2022-05-02:deadline-10 @ 2022-04-19T09:30', // the make-up Sunday 24 Apr counts
      '2022-05-02:deadline-5 @ 2022-04-25T09:30',
      '2022-05-02:deadline-0 @ 2022-04-29T09:30', // replaces deadline-1 on the same day
      '2022-05-02:overdue-2 @ 2022-05-06T09:30',
      '2022-05-02:overdue-4 @ 2022-05-09T09:30',
    ]);
  });

  it('every leader gets the red steps; a leader who also owns the task gets the owner copy only', () => {
    const task = seedTask({
      cadence: 'off',
      deadline: '2022-06-30',
      owners: [person(101)],
      leaders: [person(900), person(901), person(101)],
    });
    const { due } = dueNudges(task, bj('2022-07-08 09:30'), cal);
    expect(due.map((s) => s.key)).toEqual([
      '1:101:2022-06-30:overdue-6',
      '1:900:2022-06-30:leader-overdue-6',
      '1:901:2022-06-30:leader-overdue-6',
    ]);
  });

  it('a leader on leave gets nothing that day', () => {
    const leaders = [person(900, { leave: [{ from: '2022-07-08', to: '2022-07-08' }] })];
    const task = seedTask({ cadence: 'off', deadline: '2022-06-30', leaders });
    expect(dueNudges(task, bj('2022-07-08 09:30'), cal).due.map((s) => s.key)).toEqual([
      '1:101:2022-06-30:overdue-6',
    ]);
    expect(dueNudges(task, bj('2022-07-12 09:30'), cal).due.map((s) => s.key)).toEqual([
      '1:101:2022-06-30:overdue-8',
      '1:900:2022-06-30:leader-overdue-8',
    ]);
  });

  it.each(['paused', 'done_pending', 'closed'] as const)('stops, leader steps included, when the task is %s', (lifecycle) => {
    const task = (now: Date) =>
      seedTask({ cadence: 'off', deadline: '2022-06-30', lifecycle: now >= bj('2022-07-05 00:00') ? lifecycle : 'active' });
    const sent = simulateSweeps(task, bj('2022-06-29 09:30'), bj('2022-07-20 23:30')).sent.map(row);
    expect(sent).toEqual([
      '2022-06-30:deadline-1 @ 2022-06-29T09:30',
      '2022-06-30:deadline-0 @ 2022-06-30T09:30',
      '2022-06-30:overdue-2 @ 2022-07-04T09:30',
    ]);
  });

  it('a task without a deadline has no ladder', () => {
    expect(ladder(null, '2022-06-01', '2022-07-12')).toEqual([]);
  });

  it('the offsets, interval and red threshold are configurable', () => {
    const settings = { ...DEFAULT_SCHEDULE, deadlineOffsets: [3], overdueEvery: 1, redAfter: 2 };
    const task = seedTask({ cadence: 'off', deadline: '2022-06-30' });
    const sent = simulateSweeps(() => task, bj('2022-06-20 00:00'), bj('2022-07-04 23:30'), { settings }).sent;
    expect(sent.map(line)).toEqual([
      '2022-06-30:deadline-3 @ 2022-06-27T09:30 blue owner',
      '2022-06-30:deadline-0 @ 2022-06-30T09:30 blue owner',
      '2022-06-30:overdue-1 @ 2022-07-01T09:30 yellow owner',
      '2022-06-30:overdue-2 @ 2022-07-04T09:30 red owner',
      '2022-06-30:leader-overdue-2 @ 2022-07-04T09:30 red leader',
    ]);
  });
});
