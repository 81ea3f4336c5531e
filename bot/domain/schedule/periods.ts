/**
 * Check-in periods. weekly: ISO week Monday–Sunday ('2022-W14'); biweekly: pairs of ISO
 * weeks, an odd week starting a pair ('2022-B07' = weeks 13–14; in a 53-week ISO year
 * 'B27' is week 53 alone); monthly: the calendar month ('2022-04').
 */
import {
  addDays,
  isoWeek,
  isoWeeksInYear,
  lastDayOfMonth,
  monthOf,
  mondayOfIsoWeek,
  pad2,
  yearOf,
  ymd,
} from '../calendar/civil-date.js';
import { workdaysIn } from '../calendar/work-calendar.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { PeriodCadence } from './settings.js';

export interface Period {
  id: string;
  /** First and last calendar day, inclusive. */
  start: string;
  end: string;
}

export function periodOf(cadence: PeriodCadence, date: string): Period {
  switch (cadence) {
    case 'weekly': {
      const { year, week, monday } = isoWeek(date);
      return { id: `${year}-W${pad2(week)}`, start: monday, end: addDays(monday, 6) };
    }
    case 'biweekly': {
      const { year, week } = isoWeek(date);
      const first = week % 2 === 1 ? week : week - 1;
      const last = Math.min(first + 1, isoWeeksInYear(year));
      const start = mondayOfIsoWeek(year, first);
      const end = addDays(mondayOfIsoWeek(year, last), 6);
      return { id: `${year}-B${pad2((first + 1) / 2)}`, start, end };
    }
    case 'monthly': {
      const [y, m] = [yearOf(date), monthOf(date)];
      return { id: `${y}-${pad2(m)}`, start: ymd(y, m, 1), end: lastDayOfMonth(y, m) };
    }
  }
}

/** The period right after `period`. */
export function nextPeriod(cadence: PeriodCadence, period: Period): Period {
  return periodOf(cadence, addDays(period.end, 1));
}

/**
 * The last working day of the ISO week holding `date` (the weekly digest day): a week whose
 * Friday is a holiday ends earlier; a make-up working Saturday or Sunday ends it later.
 * Null when the week has no working day.
 */
export function lastWorkdayOfWeek(cal: WorkCalendar, date: string): string | null {
  const { start, end } = periodOf('weekly', date);
  return workdaysIn(cal, start, end).at(-1) ?? null;
}
