/**
 * Today's date in a time zone, and the calendar steps relative dates need
 * (month ends, quarter ends, weekdays, adding months). Pure: the instant is an
 * argument; Intl only converts it.
 */
import { addDays, daysInMonth, isoWeekday, lastDayOfMonth, ymd } from '../calendar/civil-date.js';

export interface Today {
  date: string;
  y: number;
  m: number;
  d: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  dow: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar day `now` falls on in `timeZone` (UTC+8 when the zone is unknown), or null for an invalid instant. */
export function todayIn(now: Date, timeZone: string): Today | null {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return null;
  let y: number;
  let m: number;
  let d: number;
  try {
    const parts = formatter(timeZone).formatToParts(now);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    [y, m, d] = [get('year'), get('month'), get('day')];
    if (![y, m, d].every(Number.isFinite)) throw new RangeError('unreadable date parts');
  } catch {
    const shifted = new Date(now.getTime() + 8 * 3_600_000);
    [y, m, d] = [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
  }
  if (y < 1 || y > 9999) return null;
  const date = ymd(y, m, d);
  return { date, y, m, d, dow: isoWeekday(date) };
}

/** Day of month by a part word: 上旬/初 → 10, 中 → 15, 中旬 → 20, else the month's end. */
export function dayInMonth(y: number, m: number, part: string | undefined): string {
  if (part === '上旬' || part === '初') return ymd(y, m, 10);
  if (part === '中') return ymd(y, m, 15);
  if (part === '中旬') return ymd(y, m, 20);
  return lastDayOfMonth(y, m);
}

export function quarterEnd(y: number, q: number): string {
  return lastDayOfMonth(y, q * 3);
}

/** y/m shifted by n months. */
export function shiftMonth(y: number, m: number, n: number): { y: number; m: number } {
  const i = y * 12 + (m - 1) + n;
  return { y: Math.floor(i / 12), m: (i % 12) + 1 };
}

/** The same day n months later, clamped to the month's end. */
export function addMonths(t: Today, n: number): string {
  const s = shiftMonth(t.y, t.m, n);
  return ymd(s.y, s.m, Math.min(t.d, daysInMonth(s.y, s.m)));
}

export function addWeekdays(date: string, n: number): string {
  let out = date;
  for (let left = Math.min(n, 400); left > 0; ) {
    out = addDays(out, 1);
    if (isoWeekday(out) <= 5) left -= 1;
  }
  return out;
}

export { addDays, ymd };
