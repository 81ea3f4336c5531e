/**
 * Working days (工作日). A WorkCalendar answers one question — is this date a working day? —
 * and the helpers below count and step over working days with it. Dates are 'YYYY-MM-DD'
 * in Asia/Shanghai; nothing here reads a clock or the host's time zone.
 */
import { addDays, isoWeekday, toDayNumber } from './civil-date.js';

export interface WorkCalendar {
  isWorkday(date: string): boolean;
}

export { chineseWorkCalendar, publishedYears } from './chinese-calendar.js';
export { atShanghai, shanghaiDate } from './shanghai-time.js';

/** Plain Monday–Friday, no holidays: the fallback, and handy in tests. */
export function mondayToFriday(): WorkCalendar {
  return { isWorkday: (date) => isoWeekday(date) <= 5 };
}

/** Ten years without a single working day means the calendar is broken, not the caller. */
const MAX_SCAN_DAYS = 3660;

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0). n = 0 returns `date`
 * itself, working day or not.
 */
export function addWorkdays(cal: WorkCalendar, date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkdays needs a whole number, got ${n}`);
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  let day = date;
  let scanned = 0;
  while (left > 0) {
    day = addDays(day, step);
    if (cal.isWorkday(day)) left -= 1;
    if (++scanned > MAX_SCAN_DAYS) {
      throw new RangeError(`no working day within ${MAX_SCAN_DAYS} days of ${date}: check the calendar`);
    }
  }
  return day;
}

/** Working days in (from, to]; negative (−count in (to, from]) when to is before from. */
export function workdaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return -workdaysBetween(cal, to, from);
  return workdaysIn(cal, addDays(from, 1), to).length;
}

/** The working days from `from` to `to`, both included, in order ([] when to < from). */
export function workdaysIn(cal: WorkCalendar, from: string, to: string): string[] {
  const out: string[] = [];
  const last = toDayNumber(to);
  for (let day = from, n = toDayNumber(from); n <= last; n += 1, day = addDays(day, 1)) {
    if (cal.isWorkday(day)) out.push(day);
  }
  return out;
}

/** The first working day on or after `date`. */
export function workdayOnOrAfter(cal: WorkCalendar, date: string): string {
  return cal.isWorkday(date) ? date : addWorkdays(cal, date, 1);
}

/** The last working day on or before `date`. */
export function workdayOnOrBefore(cal: WorkCalendar, date: string): string {
  return cal.isWorkday(date) ? date : addWorkdays(cal, date, -1);
}
