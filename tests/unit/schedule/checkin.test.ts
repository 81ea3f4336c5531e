/**
 * Check-ins and follow-ups, walked through April–May 2022 on a fake clock that sweeps every
 * 30 minutes: Qingming (3–5 Apr) and Labour Day (30 Apr–4 May) are skipped, the make-up working
 * days Sat 2 Apr, Sun 24 Apr and Sat 7 May are used.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from '../../../bot/domain/schedule/index.js';
import type { TaskForSchedule } from '../../../bot/domain/schedule/index.js';
import { bj, person, row, seedTask, simulateSweeps } from './helpers.js';

const FROM = bj('2022-03-28 00:00');
const TO = bj('2022-05-31 23:30');

function walk(taskAt: (now: Date) => TaskForSchedule, from = FROM): string[] {
  return simulateSweeps(taskAt, from, TO).sent.map(row);
}

const WEEKLY = [
  '2022-W13:checkin @ 2022-03-28T09:30',
  '2022-W13:followup1 @ 2022-03-30T09:30',
  '2022-W13:followup2 @ 2022-04-02T09:30', // make-up Saturday is the week's last working day
  '2022-W14:checkin @ 2022-04-06T09:30', // Qingming: the week starts on Wednesday
  '2022-W14:followup1 @ 2022-04-08T09:30', // third = last working day: one follow-up only
  '2022-W15:checkin @ 2022-04-11T09:30',
  '2022-W15:followup1 @ 2022-04-13T09:30',
  '2022-W15:followup2 @ 2022-04-15T09:30',
  '2022-W16:checkin @ 2022-04-18T09:30',
  '2022-W16:followup1 @ 2022-04-20T09:30',
  '2022-W16:followup2 @ 2022-04-24T09:30', // make-up Sunday
  '2022-W17:checkin @ 2022-04-25T09:30',
  '2022-W17:followup1 @ 2022-04-27T09:30',
  '2022-W17:followup2 @ 2022-04-29T09:30', // Labour Day starts Saturday 30 Apr
  '2022-W18:checkin @ 2022-05-05T09:30', // after Labour Day
  '2022-W18:followup1 @ 2022-05-07T09:30', // make-up Saturday, third and last
  '2022-W19:checkin @ 2022-05-09T09:30',
  '2022-W19:followup1 @ 2022-05-11T09:30',
  '2022-W19:followup2 @ 2022-05-13T09:30',
  '2022-W20:checkin @ 2022-05-16T09:30',
  '2022-W20:followup1 @ 2022-05-18T09:30',
  '2022-W20:followup2 @ 2022-05-20T09:30',
  '2022-W21:checkin @ 2022-05-23T09:30',
  '2022-W21:followup1 @ 2022-05-25T09:30',
  '2022-W21:followup2 @ 2022-05-27T09:30',
  '2022-W22:checkin @ 2022-05-30T09:30',
];

describe('weekly check-ins through April–May 2022 (seed plan task 1)', () => {
  it('sends every check-in and follow-up at 09:30 on the right working day', () => {
    expect(walk(() => seedTask())).toEqual(WEEKLY);
  });

  it('reports exact instants in +08:00', () => {
    const { sent } = simulateSweeps(() => seedTask(), FROM, bj('2022-04-08 23:30'));
    expect(sent.map((s) => [s.key, s.dueAt, s.level, s.role])).toEqual([
      ['1:101:2022-W13:checkin', '2022-03-28T09:30:00+08:00', null, 'owner'],
      ['1:101:2022-W13:followup1', '2022-03-30T09:30:00+08:00', null, 'owner'],
      ['1:101:2022-W13:followup2', '2022-04-02T09:30:00+08:00', null, 'owner'],
      ['1:101:2022-W14:checkin', '2022-04-06T09:30:00+08:00', null, 'owner'],
      ['1:101:2022-W14:followup1', '2022-04-08T09:30:00+08:00', null, 'owner'],
    ]);
  });

  it('stops the follow-ups of a period once the owner has answered it', () => {
    const answeredW15 = bj('2022-04-12 15:00');
    const sent = walk((now) =>
      seedTask({ owners: [person(101, { answeredPeriods: now >= answeredW15 ? ['2022-W15'] : [] })] }),
    );
    expect(sent.filter((r) => r.startsWith('2022-W15'))).toEqual(['2022-W15:checkin @ 2022-04-11T09:30']);
    expect(sent).toContain('2022-W16:checkin @ 2022-04-18T09:30');
  });

  it('sends nothing on the days the owner is on leave (inclusive)', () => {
    const owner = person(101, { leave: [{ from: '2022-04-18', to: '2022-04-20' }] });
    const sent = walk(() => seedTask({ owners: [owner] }));
    expect(sent.filter((r) => r.startsWith('2022-W16'))).toEqual(['2022-W16:followup2 @ 2022-04-24T09:30']);
  });

  it.each(['paused', 'done_pending', 'closed', 'removed'] as const)('sends nothing for a %s task', (lifecycle) => {
    expect(walk(() => seedTask({ lifecycle }))).toEqual([]);
  });

  it('after a pause, sends only the latest step that is due (the earlier one is skipped)', () => {
    const resumed = bj('2022-04-27 10:00');
    const { sent, skipped } = simulateSweeps(
      (now) => seedTask({ lifecycle: now < resumed ? 'paused' : 'active' }),
      bj('2022-04-25 00:00'),
      bj('2022-04-29 23:30'),
    );
    expect(sent.map(row)).toEqual([
      '2022-W17:followup1 @ 2022-04-27T10:00',
      '2022-W17:followup2 @ 2022-04-29T09:30',
    ]);
    expect(skipped).toContain('1:101:2022-W17:checkin');
  });

  it('cadence off: no check-ins at all', () => {
    expect(walk(() => seedTask({ cadence: 'off' }))).toEqual([]);
  });

  it('nudges each owner separately, once even if listed twice', () => {
    const { sent } = simulateSweeps(
      () => seedTask({ owners: [person(101), person(102), person(101)] }),
      bj('2022-04-11 00:00'),
      bj('2022-04-11 23:30'),
    );
    expect(sent.map((s) => s.key)).toEqual(['1:101:2022-W15:checkin', '1:102:2022-W15:checkin']);
  });
});

describe('biweekly and monthly check-ins', () => {
  it('biweekly: pairs of ISO weeks, odd week first', () => {
    expect(walk(() => seedTask({ cadence: 'biweekly' }))).toEqual([
      '2022-B07:checkin @ 2022-03-28T09:30',
      '2022-B07:followup1 @ 2022-03-30T09:30',
      '2022-B07:followup2 @ 2022-04-08T09:30',
      '2022-B08:checkin @ 2022-04-11T09:30',
      '2022-B08:followup1 @ 2022-04-13T09:30',
      '2022-B08:followup2 @ 2022-04-24T09:30',
      '2022-B09:checkin @ 2022-04-25T09:30',
      '2022-B09:followup1 @ 2022-04-27T09:30',
      '2022-B09:followup2 @ 2022-05-07T09:30',
      '2022-B10:checkin @ 2022-05-09T09:30',
      '2022-B10:followup1 @ 2022-05-11T09:30',
      '2022-B10:followup2 @ 2022-05-20T09:30',
      '2022-B11:checkin @ 2022-05-23T09:30',
      '2022-B11:followup1 @ 2022-05-25T09:30',
    ]);
  });

  it('monthly: first, third and last working day of the month', () => {
    expect(walk(() => seedTask({ cadence: 'monthly' }), bj('2022-04-01 00:00'))).toEqual([
      '2022-04:checkin @ 2022-04-01T09:30',
      '2022-04:followup1 @ 2022-04-06T09:30', // 1, 2 (make-up Saturday), 6 April
      '2022-04:followup2 @ 2022-04-29T09:30',
      '2022-05:checkin @ 2022-05-05T09:30',
      '2022-05:followup1 @ 2022-05-07T09:30',
      '2022-05:followup2 @ 2022-05-31T09:30',
    ]);
  });

  it('a period without a working day has no nudge (Spring Festival week 2022)', () => {
    const { sent } = simulateSweeps(() => seedTask(), bj('2022-01-31 00:00'), bj('2022-02-06 23:30'));
    expect(sent).toEqual([]);
  });

  it('the follow-ups are configurable: last working day only', () => {
    const settings = { ...DEFAULT_SCHEDULE, followups: ['last-workday' as const] };
    const { sent } = simulateSweeps(() => seedTask(), bj('2022-04-11 00:00'), bj('2022-04-17 23:30'), { settings });
    expect(sent.map(row)).toEqual(['2022-W15:checkin @ 2022-04-11T09:30', '2022-W15:followup1 @ 2022-04-15T09:30']);
  });
});
