/** todayIn: the calendar day an instant falls on in a time zone; UTC+8 when the zone is unknown; null for no day. */
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../../bot/domain/reply/local-day.js';

describe('todayIn', () => {
  it.each([
    ['Shanghai, past midnight there', '2022-08-14T16:30:00Z', 'Asia/Shanghai', { date: '2022-08-15', y: 2022, m: 8, d: 15, dow: 1 }],
    ['Shanghai, before midnight there', '2022-08-14T15:30:00Z', 'Asia/Shanghai', { date: '2022-08-14', y: 2022, m: 8, d: 14, dow: 7 }],
    ['another zone', '2022-08-14T16:30:00Z', 'America/New_York', { date: '2022-08-14', y: 2022, m: 8, d: 14, dow: 7 }],
    ['a zone no one knows: UTC+8', '2022-12-31T16:30:00Z', 'Mars/Olympus', { date: '2023-01-01', y: 2023, m: 1, d: 1, dow: 7 }],
    ['the last year', '9999-12-30T00:00:00Z', 'UTC', { date: '9999-12-30', y: 9999, m: 12, d: 30, dow: 4 }],
  ])('%s', (_what, iso, zone, today) => expect(todayIn(new Date(iso), zone)).toEqual(today));

  it('no day for an invalid instant, a year past 9999, or what is not a Date', () => {
    expect(todayIn(new Date(Number.NaN), 'Asia/Shanghai')).toBeNull();
    expect(todayIn(new Date('+010000-01-01T00:00:00Z'), 'UTC')).toBeNull();
    expect(todayIn('2022-08-15' as unknown as Date, 'Asia/Shanghai')).toBeNull();
  });
});
