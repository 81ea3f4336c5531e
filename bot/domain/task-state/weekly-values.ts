/**
 * Each target's value week by week (the ledger's 「指标逐周数值」): for each ISO week of the plan's period up to
 * now, the value as it stood at the end of that week — the engine's own `valueAt`, the `latest` its state
 * would have shown then — and for the week in progress, as it stands now. Null before the first report. Pure.
 */
import { addDays, isoWeek } from '../calendar/civil-date.js';
import { atShanghai, shanghaiDate } from '../calendar/shanghai-time.js';
import { valueAt } from './target-state.js';
import type { StateTarget } from './types.js';

export interface ValueWeek {
  /** ISO week-numbering year and week. */
  year: number;
  week: number;
  /** YYYY-MM-DD. */
  monday: string;
  sunday: string;
  /** The moment its value is read at: the week's end (Sunday 24:00, Beijing time, less a millisecond), or now. */
  end: Date;
}

/** The ISO weeks from the one the period starts in to the one holding now (or the period's end, when earlier). */
export function planWeeks(o: { start: string; end: string; now: Date }): ValueWeek[] {
  const today = shanghaiDate(o.now);
  const last = today < o.end ? today : o.end;
  if (last < o.start) return [];
  const weeks: ValueWeek[] = [];
  for (let monday = isoWeek(o.start).monday; monday <= last; monday = addDays(monday, 7)) {
    const { year, week } = isoWeek(monday);
    const close = new Date(atShanghai(addDays(monday, 7), '00:00').getTime() - 1);
    weeks.push({ year, week, monday, sunday: addDays(monday, 6), end: close < o.now ? close : o.now });
  }
  return weeks;
}

/** The target's value at the end of each week. */
export function weeklyValues(t: StateTarget, weeks: readonly ValueWeek[]): (number | null)[] {
  return weeks.map((w) => valueAt(t, w.end));
}
