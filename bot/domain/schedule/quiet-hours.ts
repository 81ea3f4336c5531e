/**
 * Quiet hours: no nudge goes out between quietStart and quietEnd (Beijing time; the window
 * may wrap midnight, e.g. 20:00–08:00) nor on a non-working day. An item whose time falls
 * inside them moves to the next allowed moment.
 */
import { addDays } from '../calendar/civil-date.js';
import { atShanghai, parseHhmm, shanghaiParts } from '../calendar/shanghai-time.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { DEFAULT_SCHEDULE } from './settings.js';
import type { ScheduleSettings } from './settings.js';

type QuietSettings = Pick<ScheduleSettings, 'quietStart' | 'quietEnd'>;

export function isQuiet(now: Date, cal: WorkCalendar, settings: QuietSettings = DEFAULT_SCHEDULE): boolean {
  const { date, minutes } = shanghaiParts(now);
  return !cal.isWorkday(date) || isQuietTime(minutes, settings);
}

/** `at` itself when it is not quiet, otherwise the first moment after it that is not. */
export function nextAllowedMoment(at: Date, cal: WorkCalendar, settings: QuietSettings = DEFAULT_SCHEDULE): Date {
  const start = parseHhmm(settings.quietStart);
  const end = parseHhmm(settings.quietEnd);
  let t = at;
  // Each pass moves to a later day boundary or to quietEnd; two passes per day at most.
  for (let guard = 0; guard < 8000; guard += 1) {
    const { date, minutes } = shanghaiParts(t);
    if (!cal.isWorkday(date)) {
      t = atShanghai(addDays(date, 1), '00:00');
    } else if (!isQuietTime(minutes, settings)) {
      return t;
    } else if (start < end || minutes < end) {
      t = atShanghai(date, settings.quietEnd); // inside a same-day window, or the morning part
    } else {
      t = atShanghai(addDays(date, 1), '00:00'); // the evening part of a window over midnight
    }
  }
  throw new RangeError(`no allowed moment within ten years after ${at.toISOString()}: check the calendar`);
}

/** Whether a time of day (minutes since midnight) is inside the quiet window. */
export function isQuietTime(minutes: number, s: QuietSettings): boolean {
  const start = parseHhmm(s.quietStart);
  const end = parseHhmm(s.quietEnd);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}
