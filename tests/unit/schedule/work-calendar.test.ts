/**
 * The Chinese working-day calendar: holidays, make-up working weekends (调休), the fallback for
 * years the chinese-days package has not published, and working-day arithmetic.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  addWorkdays,
  atShanghai,
  chineseWorkCalendar,
  mondayToFriday,
  publishedYears,
  shanghaiDate,
  workdaysBetween,
  workdaysIn,
  type WorkCalendar,
} from '../../../bot/domain/calendar/work-calendar.js';
import { shanghaiMinute } from '../../../bot/domain/calendar/shanghai-time.js';
import { addDays } from '../../../bot/domain/calendar/civil-date.js';
import { lastWorkdayOfWeek } from '../../../bot/domain/schedule/index.js';
import { cal } from './helpers.js';

describe('chineseWorkCalendar', () => {
  it.each([
    ['2022-04-01', true, 'Friday'],
    ['2022-04-02', true, 'make-up Saturday for Qingming'],
    ['2022-04-03', false, 'Qingming (Sunday)'],
    ['2022-04-04', false, 'Qingming (Monday)'],
    ['2022-04-05', false, 'Qingming (Tuesday)'],
    ['2022-04-06', true, 'Wednesday after Qingming'],
    ['2022-04-09', false, 'ordinary Saturday'],
    ['2022-04-24', true, 'make-up Sunday for Labour Day'],
    ['2022-04-30', false, 'Labour Day (Saturday)'],
    ['2022-05-02', false, 'Labour Day (Monday)'],
    ['2022-05-04', false, 'Labour Day (Wednesday)'],
    ['2022-05-05', true, 'Thursday after Labour Day'],
    ['2022-05-07', true, 'make-up Saturday for Labour Day'],
    ['2022-05-08', false, 'ordinary Sunday'],
    ['2022-06-03', false, 'Dragon Boat Festival'],
    ['2022-10-08', true, 'make-up Saturday for National Day'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(cal.isWorkday(date)).toBe(expected);
  });

  it('knows every year from 2004 on that the package publishes, and no other', () => {
    const years = publishedYears();
    expect(years[0]).toBe(2004);
    expect(years).toContain(2022);
    expect(years).toEqual(years.map((_, i) => 2004 + i)); // contiguous
  });

  it('falls back to Monday–Friday for 2099 and reports the year once', () => {
    const onFallback = vi.fn();
    const c = chineseWorkCalendar({ onFallback });
    expect(c.isWorkday('2022-04-04')).toBe(false);
    expect(onFallback).not.toHaveBeenCalled();
    expect(c.isWorkday('2099-01-01')).toBe(true); // a Thursday; New Year's Day is unknown
    expect(c.isWorkday('2099-01-03')).toBe(false); // Saturday
    expect(c.isWorkday('2099-10-01')).toBe(true);
    expect(workdaysIn(c, '2099-01-01', '2099-01-31')).toHaveLength(22);
    expect(onFallback).toHaveBeenCalledTimes(1);
    expect(onFallback).toHaveBeenCalledWith(2099);
  });

  it('falls back for the first year after the published ones and before 2004', () => {
    const onFallback = vi.fn();
    const c = chineseWorkCalendar({ onFallback });
    const next = (publishedYears().at(-1) as number) + 1;
    c.isWorkday(`${next}-01-01`);
    c.isWorkday('2003-10-01');
    expect(onFallback.mock.calls).toEqual([[next], [2003]]);
  });

  it('rejects dates that are not YYYY-MM-DD', () => {
    expect(() => cal.isWorkday('2022-4-6')).toThrow(/YYYY-MM-DD/);
    expect(() => cal.isWorkday('2022-02-30')).toThrow(/no such day/);
  });
});

describe('working-day arithmetic', () => {
  it.each([
    ['2022-04-01', 1, '2022-04-02'],
    ['2022-04-02', 1, '2022-04-06'],
    ['2022-04-03', 0, '2022-04-03'], // n = 0 is the date itself, even on a holiday
    ['2022-04-06', -1, '2022-04-02'],
    ['2022-04-04', -1, '2022-04-02'],
    ['2022-06-30', -10, '2022-06-16'], // skips the Dragon Boat Festival (3 June)
    ['2022-04-29', 2, '2022-05-06'],
  ])('addWorkdays(%s, %i) = %s', (date, n, expected) => {
    expect(addWorkdays(cal, date, n)).toBe(expected);
  });

  it.each([
    ['2022-04-01', '2022-04-06', 2], // (1 Apr, 6 Apr]: Sat 2, Wed 6
    ['2022-04-06', '2022-04-01', -2],
    ['2022-04-03', '2022-04-05', 0],
    ['2022-06-30', '2022-07-08', 6],
    ['2022-04-06', '2022-04-06', 0],
  ])('workdaysBetween(%s, %s) = %i', (from, to, expected) => {
    expect(workdaysBetween(cal, from, to)).toBe(expected);
  });

  it.each([
    ['2022-12-31', '2023-01-03', 1], // (31 Dec, 3 Jan]: 2 Jan is New Year's make-up holiday
    ['2021-12-31', '2023-12-31', 249 + 249], // 2022 and 2023 have 249 working days each
    ['2022-01-01', '2022-12-31', 249], // 1 January is a holiday
    ['2023-12-31', '2022-12-31', -249],
  ])('workdaysBetween across years (%s, %s) = %i', (from, to, expected) => {
    expect(workdaysBetween(cal, from, to)).toBe(expected);
  });

  it('workdaysBetween, counted from running totals per year, is the day-by-day count', () => {
    const days = (c: WorkCalendar, from: string, to: string) => (to >= from ? workdaysIn(c, addDays(from, 1), to).length : -workdaysIn(c, addDays(to, 1), from).length);
    const dates = ['2021-12-30', '2021-12-31', '2022-01-01', '2022-01-31', '2022-04-02', '2022-04-05', '2022-06-30', '2022-12-31', '2023-01-01', '2023-01-02', '2023-10-08', '2024-02-29', '2024-12-31', '2099-12-31', '2100-03-01'];
    for (const c of [cal, mondayToFriday()]) {
      for (const a of dates) for (const b of dates) expect([a, b, workdaysBetween(c, a, b)]).toEqual([a, b, days(c, a, b)]);
    }
    expect(() => workdaysBetween(cal, '2022-02-30', '2022-03-01')).toThrow(/no such day/);
    expect(() => workdaysBetween(cal, '2022-03-01', '2022-3-2')).toThrow(/YYYY-MM-DD/);
  });

  it('workdaysIn lists an inclusive range', () => {
    expect(workdaysIn(cal, '2022-04-02', '2022-04-08')).toEqual([
      '2022-04-02',
      '2022-04-06',
      '2022-04-07',
      '2022-04-08',
    ]);
    expect(workdaysIn(cal, '2022-04-08', '2022-04-02')).toEqual([]);
  });

  it('Monday–Friday knows no holidays', () => {
    const mf = mondayToFriday();
    expect(workdaysIn(mf, '2022-04-01', '2022-04-08')).toEqual([
      '2022-04-01',
      '2022-04-04',
      '2022-04-05',
      '2022-04-06',
      '2022-04-07',
      '2022-04-08',
    ]);
  });
});

describe('lastWorkdayOfWeek (the digest day)', () => {
  it.each([
    ['2022-03-28', '2022-04-02', 'make-up Saturday ends the week'],
    ['2022-04-06', '2022-04-08', 'Qingming week ends on Friday'],
    ['2022-04-20', '2022-04-24', 'make-up Sunday ends the week'],
    ['2022-04-25', '2022-04-29', 'Friday before Labour Day'],
    ['2022-05-04', '2022-05-07', 'make-up Saturday after Labour Day'],
    ['2022-05-30', '2022-06-02', 'Friday 3 June is the Dragon Boat Festival'],
    ['2022-10-05', '2022-10-09', 'make-up Sunday after National Day'],
    ['2022-02-02', null, 'Spring Festival week has no working day'],
  ])('week of %s → %s (%s)', (date: string, expected: string | null, _why: string) => {
    expect(lastWorkdayOfWeek(cal, date)).toBe(expected);
  });
});

describe('Beijing time', () => {
  it.each([
    ['2022-04-05T15:59:59Z', '2022-04-05'],
    ['2022-04-05T16:00:00Z', '2022-04-06'],
    ['2022-12-31T16:00:00Z', '2023-01-01'],
  ])('shanghaiDate(%s) = %s', (instant, expected) => {
    expect(shanghaiDate(new Date(instant))).toBe(expected);
  });

  it('atShanghai gives the instant of a Beijing wall-clock time', () => {
    expect(atShanghai('2022-04-06', '09:30').toISOString()).toBe('2022-04-06T01:30:00.000Z');
    expect(atShanghai('2022-01-01', '00:00').toISOString()).toBe('2021-12-31T16:00:00.000Z');
    expect(() => atShanghai('2022-04-06', '9:30')).toThrow(/HH:mm/);
  });

  it('shanghaiMinute shows an instant as Beijing wall time to the minute', () => {
    expect(shanghaiMinute(new Date('2022-04-06T01:30:59Z'))).toBe('2022-04-06 09:30');
    expect(shanghaiMinute(new Date('2022-12-31T16:05:00Z'))).toBe('2023-01-01 00:05');
  });
});

describe('addWorkdays bounds', () => {
  it('takes whole numbers only', () => {
    expect(() => addWorkdays(mondayToFriday(), '2022-03-21', 1.5)).toThrow(new RangeError('addWorkdays needs a whole number, got 1.5'));
  });

  it('gives up after ten years without a working day, and finds one at the limit', () => {
    const never: WorkCalendar = { isWorkday: () => false };
    expect(() => addWorkdays(never, '2022-03-21', 1)).toThrow(new RangeError('no working day within 3660 days of 2022-03-21: check the calendar'));
    const last = addDays('2022-03-21', 3660);
    const once: WorkCalendar = { isWorkday: (d) => d === last };
    expect(addWorkdays(once, '2022-03-21', 1)).toBe(last);
    expect(() => addWorkdays({ isWorkday: (d) => d === addDays(last, 1) }, '2022-03-21', 1)).toThrow(RangeError);
  });
});

