/**
 * Calendar dates as 'YYYY-MM-DD' strings, with day arithmetic that never looks at the
 * host's time zone: every computation goes through Date.UTC and the getUTC* getters.
 * A civil date has no time of day; turning one into an instant is shanghai-time.ts's job.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date; throws on anything else. */
export function toDayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
  const back = new Date(0);
  back.setUTCFullYear(y, mo - 1, d);
  // A month past 12 or a day past the month's end rolls over: 2023-13-01 is 2024-01-01, 2023-02-30 is 2 March.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`no such day: "${date}"`);
  }
  return back.getTime() / DAY_MS;
}

export function fromDayNumber(day: number): string {
  const t = new Date(day * DAY_MS);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const dow = new Date(toDayNumber(date) * DAY_MS).getUTCDay();
  return dow === 0 ? 7 : dow;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the Gregorian calendar, by its rules alone: no Date, so no 19xx for years below 100. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1]!;
}

export function lastDayOfMonth(year: number, month: number): string {
  return fromDayNumber(Date.UTC(year, month, 0) / DAY_MS);
}

/** The ISO week (Monday start; week 1 holds the year's first Thursday) of a date. */
export function isoWeek(date: string): { year: number; week: number; monday: string } {
  const day = toDayNumber(date);
  const monday = day - (isoWeekday(date) - 1);
  const thursday = fromDayNumber(monday + 3);
  const year = yearOf(thursday);
  const week = Math.floor((toDayNumber(thursday) - toDayNumber(ymd(year, 1, 1))) / 7) + 1;
  return { year, week, monday: fromDayNumber(monday) };
}

/** Monday of ISO week `week` of ISO year `year` (week may run past the year's last week). */
export function mondayOfIsoWeek(year: number, week: number): string {
  const jan4 = ymd(year, 1, 4);
  const week1Monday = toDayNumber(jan4) - (isoWeekday(jan4) - 1);
  return fromDayNumber(week1Monday + (week - 1) * 7);
}

/** 52 or 53. */
export function isoWeeksInYear(year: number): number {
  return isoWeek(ymd(year, 12, 28)).week;
}
