/**
 * 推迟提醒 (snooze): an owner's 「明天再报」 holds the period's check-in follow-ups until the asked
 * moment, then one reminder goes out — unless the moment is past the period's end, where the next
 * period's check-in comes anyway and the follow-ups are only held. Pure: the handler asks
 * `planSnooze` when to remind (or why not), the sweep's `dueNudges` reads the stored snoozes
 * through `snoozedTrack`.
 *
 * Bounds: at most MAX_SNOOZES per task, person and period; never past the task's deadline.
 */
import { addDays, isoWeek, mondayOfIsoWeek } from '../calendar/civil-date.js';
import { atShanghai, shanghaiDate } from '../calendar/shanghai-time.js';
import { addWorkdays, workdayOnOrAfter } from '../calendar/work-calendar.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { SnoozeAsk } from '../reply/self-help-words.js';
import type { Period } from './periods.js';
import { nextAllowedMoment } from './quiet-hours.js';
import type { ScheduleSettings } from './settings.js';
import type { Step } from './steps.js';

export const MAX_SNOOZES = 2;
/** 「晚点提醒我」: this much later, moved out of quiet hours. */
export const LATER_MS = 2 * 3600_000;

export interface Snooze {
  period: string;
  until: Date;
}

export type SnoozePlan =
  | { ok: true; until: Date; date: string; remind: boolean }
  | { ok: false; why: 'too-many' | 'past-deadline'; deadline?: string };

/**
 * When to remind for `ask`, asked at `now` in `period`. `remind` is false when the moment is past
 * the period's end: the follow-ups are held and the next period's check-in is the reminder.
 */
export function planSnooze(
  a: { ask: SnoozeAsk; now: Date; period: Period; deadline: string | null; earlier: number },
  cal: WorkCalendar,
  s: Pick<ScheduleSettings, 'checkinAt' | 'quietStart' | 'quietEnd'>,
): SnoozePlan {
  if (a.earlier >= MAX_SNOOZES) return { ok: false, why: 'too-many' };
  const until = nextAllowedMoment(snoozeMoment(a.ask, a.now, cal, s), cal, s);
  const date = shanghaiDate(until);
  if (a.deadline && date > a.deadline) return { ok: false, why: 'past-deadline', deadline: a.deadline };
  return { ok: true, until, date, remind: date <= a.period.end };
}

function snoozeMoment(ask: SnoozeAsk, now: Date, cal: WorkCalendar, s: Pick<ScheduleSettings, 'checkinAt' | 'quietStart' | 'quietEnd'>): Date {
  const today = shanghaiDate(now);
  switch (ask) {
    case 'later':
      return nextAllowedMoment(new Date(now.getTime() + LATER_MS), cal, s);
    case 'tomorrow':
      return atShanghai(addWorkdays(cal, today, 1), s.checkinAt);
    case 'two-days':
      return atShanghai(addWorkdays(cal, today, 2), s.checkinAt);
    case 'next-week': {
      const { year, week } = isoWeek(addDays(today, 7));
      return atShanghai(workdayOnOrAfter(cal, mondayOfIsoWeek(year, week)), s.checkinAt);
    }
  }
}

/**
 * The check-in track of one person under their snoozes of the period: steps due up to the latest
 * snooze's moment are held; that snooze's reminder ('snooze1', 'snooze2') takes their place when it
 * falls inside the period. Without a snooze, the steps unchanged.
 */
export function snoozedTrack(steps: Step[], period: Period, snoozes: Snooze[] = []): { track: Step[]; held: Step[] } {
  const mine = snoozes.filter((z) => z.period === period.id).sort((x, y) => x.until.getTime() - y.until.getTime());
  const last = mine.at(-1);
  // An answered period (no steps left) needs no reminder.
  if (!last || !steps.length) return { track: steps, held: [] };
  const until = last.until.getTime();
  const held = steps.filter((st) => st.dueAt.getTime() <= until);
  const kept = steps.filter((st) => st.dueAt.getTime() > until);
  // Earlier reminders are replaced by the latest (one may already have been sent: recording it skipped is a no-op).
  const reminders = mine.map((z, i) => reminder(period.id, i + 1, z.until));
  const latest = reminders.pop()!;
  const track = latest.date <= period.end ? [latest, ...kept] : kept;
  return { track, held: [...held, ...reminders] };
}

function reminder(period: string, n: number, until: Date): Step {
  return { period, kind: `snooze${n}`, level: null, date: shanghaiDate(until), dueAt: until };
}
