/**
 * bot/domain/calendar/civil-date.ts: 'YYYY-MM-DD' dates and their day numbers — which texts are days, the
 * round trip, years before 100 (which Date.UTC would read as 19xx), padding, weekdays.
 */
import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, fromDayNumber, isoWeekday, lastDayOfMonth, toDayNumber, ymd } from '../../../bot/domain/calendar/civil-date.js';

describe('toDayNumber', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2022-03-21')).toBe(19_072);
  });

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'a century that is no leap year'],
    ['2023-04-31', 'April has 30 days'],
    ['2023-13-01', 'no 13th month (2024-01-01 if rolled over: the day alone agrees)'],
    ['2023-00-10', 'no month 0'],
    ['2023-01-00', 'no day 0'],
    ['2023-01-32', 'no day 32'],
  ])('refuses %s: %s', (date) => expect(() => toDayNumber(date)).toThrow(`no such day: "${date}"`));

  it.each(['2023-1-01', '23-01-01', '2023/01/01', '2023-01-01 ', ' 2023-01-01', '二〇二三-01-01', ''])('refuses %j: not the format', (date) =>
    expect(() => toDayNumber(date)).toThrow(`not a YYYY-MM-DD date: "${date}"`));

  it('takes every leap day that is one', () => {
    expect(toDayNumber('2024-02-29') - toDayNumber('2024-02-28')).toBe(1);
    expect(toDayNumber('2000-02-29') - toDayNumber('2000-02-28')).toBe(1);
  });

  it('reads years before 100 as written, not as 19xx', () => {
    expect(toDayNumber('0050-01-01')).toBe(Date.UTC(2050, 0, 1) / 86_400_000 - 2000 * 365.2425);
    expect(toDayNumber('0099-12-31') + 1).toBe(toDayNumber('0100-01-01'));
    expect(isoWeekday('0001-01-01')).toBe(1); // the proleptic Gregorian calendar's first day is a Monday
    expect(isoWeekday('0001-01-02')).toBe(2);
  });
});

describe('fromDayNumber and ymd', () => {
  it('gives the day back, four-digit years and two-digit months and days', () => {
    for (const date of ['0001-01-01', '0050-06-09', '0999-12-31', '1970-01-01', '2024-02-29', '9999-12-31']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
    expect(ymd(5, 3, 7)).toBe('0005-03-07');
    expect(ymd(2022, 12, 31)).toBe('2022-12-31');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28');
    expect(addDays('2022-03-21', 0)).toBe('2022-03-21');
  });

  it('names each weekday, Sunday 7', () => {
    expect(['2022-03-21', '2022-03-22', '2022-03-23', '2022-03-24', '2022-03-25', '2022-03-26', '2022-03-27'].map(isoWeekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('daysInMonth', () => {
  it('agrees with the last day of every month over four centuries', () => {
    for (let year = 1900; year < 2300; year++) {
      for (let month = 1; month <= 12; month++) expect(daysInMonth(year, month), `${year}-${month}`).toBe(Number(lastDayOfMonth(year, month).slice(8)));
    }
  });

  it('keeps the leap rules for years before 100 too', () => {
    expect([daysInMonth(4, 2), daysInMonth(100, 2), daysInMonth(400, 2), daysInMonth(0, 2), daysInMonth(1, 2)]).toEqual([29, 28, 29, 29, 28]);
  });
});

