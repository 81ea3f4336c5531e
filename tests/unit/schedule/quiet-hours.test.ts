/** Quiet hours (20:00–08:00 and non-working days): nothing is due inside them. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE,
  checkSettings,
  dueNudges,
  isQuiet,
  nextAllowedMoment,
} from '../../../bot/domain/schedule/index.js';
import { bj, cal, iso8, row, seedTask, simulateSweeps } from './helpers.js';

describe('isQuiet', () => {
  it.each([
    ['2022-04-06 07:59', true, 'before 08:00'],
    ['2022-04-06 08:00', false, 'quietEnd is allowed'],
    ['2022-04-06 19:59', false, 'before 20:00'],
    ['2022-04-06 20:00', true, 'quietStart is quiet'],
    ['2022-04-06 23:30', true, 'night'],
    ['2022-04-02 10:00', false, 'make-up Saturday'],
    ['2022-04-04 10:00', true, 'Qingming'],
    ['2022-04-09 10:00', true, 'ordinary Saturday'],
  ])('%s → %s (%s)', (local, expected) => {
    expect(isQuiet(bj(local), cal)).toBe(expected);
  });

  it('a window that does not wrap midnight', () => {
    const lunch = { quietStart: '12:00', quietEnd: '13:30' };
    expect(isQuiet(bj('2022-04-06 11:59'), cal, lunch)).toBe(false);
    expect(isQuiet(bj('2022-04-06 12:30'), cal, lunch)).toBe(true);
    expect(isQuiet(bj('2022-04-06 13:30'), cal, lunch)).toBe(false);
    expect(isQuiet(bj('2022-04-06 22:00'), cal, lunch)).toBe(false);
  });
});

describe('nextAllowedMoment', () => {
  it.each([
    ['2022-04-06 10:00', '2022-04-06T10:00:00+08:00', 'not quiet: unchanged'],
    ['2022-04-06 06:00', '2022-04-06T08:00:00+08:00', 'morning: quietEnd the same day'],
    ['2022-04-01 21:00', '2022-04-02T08:00:00+08:00', 'Friday evening → make-up Saturday'],
    ['2022-04-02 20:30', '2022-04-06T08:00:00+08:00', 'over Qingming'],
    ['2022-04-29 20:00', '2022-05-05T08:00:00+08:00', 'over Labour Day'],
    ['2022-04-09 10:00', '2022-04-11T08:00:00+08:00', 'weekend → Monday'],
  ])('%s → %s (%s)', (local, expected) => {
    expect(iso8(nextAllowedMoment(bj(local), cal))).toBe(expected);
  });
});

describe('quiet hours in the schedule', () => {
  it('nothing is due during quiet hours; at 08:00 the latest due step goes out', () => {
    // The sweep was down from Friday 1 April 09:00; it comes back at 21:00.
    const task = seedTask();
    expect(dueNudges(task, bj('2022-04-01 21:00'), cal).due).toEqual([]);
    expect(dueNudges(task, bj('2022-04-02 07:59'), cal).due).toEqual([]);
    const at8 = dueNudges(task, bj('2022-04-02 08:00'), cal).due;
    expect(at8.map((n) => [n.key, iso8(n.dueAt)])).toEqual([['1:101:2022-W13:followup1', '2022-03-30T09:30:00+08:00']]);
  });

  it('a check-in time inside quiet hours moves to the next allowed moment', () => {
    const early = { ...DEFAULT_SCHEDULE, checkinAt: '07:00' };
    const late = { ...DEFAULT_SCHEDULE, checkinAt: '21:00' };
    const from = bj('2022-04-11 00:00');
    const to = bj('2022-04-12 23:30');
    expect(simulateSweeps(() => seedTask(), from, to, { settings: early }).sent.map(row)).toEqual([
      '2022-W15:checkin @ 2022-04-11T08:00',
    ]);
    expect(simulateSweeps(() => seedTask(), from, to, { settings: late }).sent.map(row)).toEqual([
      '2022-W15:checkin @ 2022-04-12T08:00',
    ]);
  });

  it('the last step of a period is not sent on the weekend it missed', () => {
    // Down all of Friday 15 April: followup2 would be due, but Saturday and Sunday are quiet,
    // and on Monday a new period has begun.
    const { sent } = simulateSweeps(() => seedTask(), bj('2022-04-15 20:00'), bj('2022-04-18 09:30'));
    expect(sent.map(row)).toEqual(['2022-W16:checkin @ 2022-04-18T09:30']);
  });
});

describe('checkSettings', () => {
  it.each([
    [{ checkinAt: '9:30' }, /checkinAt must be HH:mm/],
    [{ quietEnd: '24:00' }, /quietEnd must be HH:mm/],
    [{ followups: ['third-workday', 'last-workday', 'last-workday'] }, /at most two/],
    [{ deadlineOffsets: [5, -1] }, /deadlineOffsets/],
    [{ overdueEvery: 0 }, /overdueEvery must be a whole number ≥ 1/],
  ])('rejects %j', (patch, message) => {
    expect(() => checkSettings({ ...DEFAULT_SCHEDULE, ...patch } as typeof DEFAULT_SCHEDULE)).toThrow(message);
  });

  it('accepts the defaults', () => {
    expect(checkSettings(DEFAULT_SCHEDULE)).toBe(DEFAULT_SCHEDULE);
  });
});
