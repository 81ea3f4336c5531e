/**
 * Catch-up after downtime: per (task, person) only the latest due step of the current check-in
 * period and the latest deadline-ladder step are due; older ones come back as skipped.
 */
import { describe, expect, it } from 'vitest';
import { dueNudges } from '../../../bot/domain/schedule/index.js';
import { bj, cal, iso8, person, seedTask, simulateSweeps } from './helpers.js';

const task = seedTask({ deadline: '2022-06-30', owners: [person(101)], leaders: [person(900)] });

describe('catch-up', () => {
  it('after a week of downtime returns only the latest step of each track', () => {
    // Down from Monday 27 June 08:00 until Friday 8 July 10:00.
    const { due, skipped } = dueNudges(task, bj('2022-07-08 10:00'), cal);
    expect(due.map((n) => [n.key, n.level, n.role, iso8(n.dueAt)])).toEqual([
      ['1:101:2022-W27:followup2', null, 'owner', '2022-07-08T09:30:00+08:00'],
      ['1:101:2022-06-30:overdue-6', 'red', 'owner', '2022-07-08T09:30:00+08:00'],
      ['1:900:2022-06-30:leader-overdue-6', 'red', 'leader', '2022-07-08T09:30:00+08:00'],
    ]);
    expect(skipped.map((n) => n.key)).toEqual([
      '1:101:2022-W27:checkin',
      '1:101:2022-W27:followup1',
      '1:101:2022-06-30:deadline-10',
      '1:101:2022-06-30:deadline-5',
      '1:101:2022-06-30:deadline-1',
      '1:101:2022-06-30:deadline-0',
      '1:101:2022-06-30:overdue-2',
      '1:101:2022-06-30:overdue-4',
    ]);
  });

  it('a sweep that restarts mid-week sends one nudge per track, then continues as usual', () => {
    const { sent, skipped } = simulateSweeps(() => task, bj('2022-07-07 10:00'), bj('2022-07-12 23:30'));
    expect(sent.map((s) => `${s.key} @ ${s.sentAt.slice(5, 16)}`)).toEqual([
      '1:101:2022-W27:followup1 @ 07-07T10:00', // due 6 July, caught up
      '1:101:2022-06-30:overdue-4 @ 07-07T10:00', // due 6 July, caught up
      '1:101:2022-W27:followup2 @ 07-08T09:30',
      '1:101:2022-06-30:overdue-6 @ 07-08T09:30',
      '1:900:2022-06-30:leader-overdue-6 @ 07-08T09:30',
      '1:101:2022-W28:checkin @ 07-11T09:30',
      '1:101:2022-06-30:overdue-8 @ 07-12T09:30',
      '1:900:2022-06-30:leader-overdue-8 @ 07-12T09:30',
    ]);
    expect(skipped.has('1:101:2022-W27:checkin')).toBe(true);
    expect(skipped.has('1:101:2022-06-30:overdue-2')).toBe(true);
  });

  it('steps of a period that is over are neither due nor skipped', () => {
    const { due, skipped } = dueNudges(task, bj('2022-07-11 08:00'), cal);
    expect([...due, ...skipped].some((n) => n.period === '2022-W27')).toBe(false);
  });

  it('a step missed while on leave is not caught up afterwards', () => {
    const onLeave = seedTask({ owners: [person(101, { leave: [{ from: '2022-04-11', to: '2022-04-13' }] })] });
    const { due, skipped } = dueNudges(onLeave, bj('2022-04-14 10:00'), cal);
    expect(due).toEqual([]);
    expect(skipped).toEqual([]);
  });
});
