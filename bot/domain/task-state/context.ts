/** The engine's context at a moment: counts of working days memoised for a whole plan's tasks. Pure. */
import { shanghaiDate } from '../calendar/shanghai-time.js';
import { workdaysBetween, type WorkCalendar } from '../calendar/work-calendar.js';
import { elapsedShare } from './elapsed.js';
import { periodOf } from '../schedule/periods.js';
import { DEFAULT_STATE_SETTINGS, type PlanPeriod, type StateContext, type StateSettings } from './types.js';

export function stateContext(o: { now: Date; plan: PlanPeriod; calendar: WorkCalendar; settings?: StateSettings }): StateContext {
  const today = shanghaiDate(o.now);
  const shares = new Map<string, number>();
  const counts = new Map<string, number>();
  const periods = new Map<string, string>();
  return {
    now: o.now,
    today,
    plan: o.plan,
    settings: o.settings ?? DEFAULT_STATE_SETTINGS,
    elapsed: (start, end) => memo(shares, `${start}|${end}`, () => elapsedShare(o.calendar, start, end, today)),
    workdaysTo: (date) => memo(counts, date, () => workdaysBetween(o.calendar, today, date)),
    periodOf: (cadence) => memo(periods, cadence, () => periodOf(cadence, today).id),
  };
}

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = make()));
  return v;
}
