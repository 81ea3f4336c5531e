/**
 * The Chinese statutory calendar: public holidays (法定节假日) are days off, make-up working
 * weekends (调休上班) are working days, other days follow Monday–Friday.
 *
 * Data: the `chinese-days` package's own published table (dist/chinese-days.json), not its
 * isWorkday(). That function parses 'YYYY-MM-DD' as UTC and then reads local getters, so on
 * a host west of UTC (e.g. TZ=America/Los_Angeles) it answers for the previous day; the
 * table is the same data keyed by plain date strings, so lookups here are TZ-independent.
 * A test checks that both agree for every day the package covers, under TZ=Asia/Shanghai.
 *
 * A year is "published" when the table holds both its Spring Festival and its National Day
 * (the State Council's notice for a year covers both). For any other year the calendar falls
 * back to Monday–Friday and reports the year once through onFallback.
 */
import table from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { isoWeekday, yearOf } from './civil-date.js';
import type { WorkCalendar } from './work-calendar.js';

interface HolidayTable {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data: HolidayTable = table;
const published = findPublishedYears(data);

/** The years whose holiday arrangement the installed `chinese-days` package knows. */
export function publishedYears(): number[] {
  return [...published].sort((a, b) => a - b);
}

export function chineseWorkCalendar(opts: { onFallback?: (year: number) => void } = {}): WorkCalendar {
  const reported = new Set<number>();
  return {
    isWorkday(date: string): boolean {
      const weekday = isoWeekday(date); // validates the date, too
      const year = yearOf(date);
      if (published.has(year)) {
        if (data.workdays[date] !== undefined) return true;
        if (data.holidays[date] !== undefined) return false;
      } else if (!reported.has(year)) {
        reported.add(year);
        opts.onFallback?.(year);
      }
      return weekday <= 5;
    },
  };
}

function findPublishedYears(t: HolidayTable): Set<number> {
  const springFestival = new Set<number>();
  const nationalDay = new Set<number>();
  for (const [date, name] of Object.entries(t.holidays)) {
    if (name.includes('春节')) springFestival.add(yearOf(date));
    if (name.includes('国庆')) nationalDay.add(yearOf(date));
  }
  return new Set([...springFestival].filter((y) => nationalDay.has(y)));
}
