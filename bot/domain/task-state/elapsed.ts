/** Time progress (序时进度): the share of a span's working days gone by. Pure. */
import { addDays } from '../calendar/civil-date.js';
import { workdaysBetween, type WorkCalendar } from '../calendar/work-calendar.js';

/** Share (0..1) of the working days from `start` to `end` (inclusive) that have passed by `today` (inclusive). */
export function elapsedShare(cal: WorkCalendar, start: string, end: string, today: string): number {
  const before = addDays(start, -1);
  const total = workdaysBetween(cal, before, end);
  if (total <= 0) return 1;
  const done = workdaysBetween(cal, before, today < start ? before : today > end ? end : today);
  return Math.min(1, Math.max(0, done / total));
}
