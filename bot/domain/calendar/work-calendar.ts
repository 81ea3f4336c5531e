/**
 * Working days (工作日). A WorkCalendar answers one question — is this date a working day? —
 * and the helpers below count and step over working days with it. Dates are 'YYYY-MM-DD'
 * in Asia/Shanghai; nothing here reads a clock or the host's time zone.
 */
import { addDays, fromDayNumber, isoWeekday, toDayNumber, yearOf, ymd } from './civil-date.js';

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
  // Stryker disable next-line EqualityOperator: n = 0 never enters the loop, so its step is never used
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

/**
 * Working days in (from, to]; negative (−count in (to, from]) when to is before from. Counted from
 * running totals kept per calendar and year (see yearCounts), not day by day: every card and
 * digest line asks this for the plan's period (序时进度) and the deadline.
 */
export function workdaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return -workdaysBetween(cal, to, from);
  // Stryker disable next-line ConditionalExpression: a shortcut; the running totals give 0 for an empty range too
  if (b === a) return 0;
  // (31 December, to] starts with the next year: its own year's table is not needed.
  // Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral: a shortcut (the next year's table alone); counting (from, from+1] first is right for any date
  if (from.endsWith('-12-31')) return (cal.isWorkday(addDays(from, 1)) ? 1 : 0) + workdaysBetween(cal, addDays(from, 1), to);
  const last = yearOf(to);
  let n = intoYear(cal, to, b) - intoYear(cal, from, a);
  for (let year = yearOf(from); year < last; year++) n += yearCounts(cal, year).total;
  return n;
}

interface YearCounts {
  /** Day number of 1 January. */
  jan1: number;
  /** upTo[i]: working days from 1 January to the i-th day of the year (0-based), both included. */
  upTo: Uint16Array;
  total: number;
}

/**
 * Running totals of working days by calendar and year, made on first use. Only what the
 * calendar answers goes in (isWorkday is a pure function of the date), so they are the
 * day-by-day count, kept.
 */
const counted = new WeakMap<WorkCalendar, Map<number, YearCounts>>();

function yearCounts(cal: WorkCalendar, year: number): YearCounts {
  let years = counted.get(cal);
  // Stryker disable next-line ConditionalExpression: a cache; a fresh table per call counts the same
  if (!years) counted.set(cal, (years = new Map()));
  let c = years.get(year);
  // Stryker disable next-line ConditionalExpression: a cache; a year counted again counts the same
  if (!c) {
    const jan1 = toDayNumber(ymd(year, 1, 1));
    const upTo = new Uint16Array(toDayNumber(ymd(year, 12, 31)) - jan1 + 1);
    let n = 0;
    for (let i = 0; i < upTo.length; i++) {
      if (cal.isWorkday(fromDayNumber(jan1 + i))) n += 1;
      upTo[i] = n;
    }
    c = { jan1, upTo, total: n };
    years.set(year, c);
  }
  return c;
}

/** Working days from 1 January of the date's year to the date (day number `day`), both included. */
function intoYear(cal: WorkCalendar, date: string, day: number): number {
  const c = yearCounts(cal, yearOf(date));
  return c.upTo[day - c.jan1]!;
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
