/**
 * The steps of the two nudge tracks, before anyone's answers or leave are taken into account.
 *
 * Check-in track, per period: the check-in on the period's first working day, then the
 * configured follow-ups (third / last working day). A follow-up on the same day as an earlier
 * step is dropped; the survivors are numbered followup1, followup2 in date order.
 *
 * Deadline ladder, per task: 'deadline-N' N working days before the deadline, 'deadline-0' on
 * the deadline day (blue), then 'overdue-K' every `overdueEvery` working days after it (K =
 * working days overdue; yellow, red from `redAfter` on). A deadline on a non-working day gets
 * its deadline-0 on the last working day before it, which then replaces the deadline-1 there.
 */
import { addDays } from '../calendar/civil-date.js';
import { atShanghai, parseHhmm } from '../calendar/shanghai-time.js';
import { addWorkdays, workdayOnOrBefore, workdaysIn } from '../calendar/work-calendar.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Period } from './periods.js';
import { isQuietTime, nextAllowedMoment } from './quiet-hours.js';
import type { ScheduleSettings } from './settings.js';
import type { NudgeLevel } from './types.js';

export interface Step {
  /** Check-in period id, or the deadline date for ladder steps. */
  period: string;
  kind: string;
  level: NudgeLevel | null;
  /** The working day the step belongs to. */
  date: string;
  dueAt: Date;
}

export function checkinSteps(period: Period, cal: WorkCalendar, s: ScheduleSettings): Step[] {
  const days = workdaysIn(cal, period.start, period.end);
  const first = days[0];
  if (first === undefined) return [];
  const followupDays = s.followups
    .map((f) => (f === 'third-workday' ? days[2] : days.at(-1)))
    // Stryker disable next-line ConditionalExpression: undefined > first is false too; the guard is for the type
    .filter((d): d is string => d !== undefined)
    .filter((d) => d > first)
    .sort();
  const kept = [...new Set(followupDays)];
  return [
    step(period.id, 'checkin', null, first, cal, s),
    ...kept.map((d, i) => step(period.id, `followup${i + 1}`, null, d, cal, s)),
  ];
}

/** Ladder steps whose working day is on or before `until`, in order. */
export function ladderSteps(deadline: string, until: string, cal: WorkCalendar, s: ScheduleSettings): Step[] {
  const before = [...new Set(s.deadlineOffsets.filter((n) => n > 0))]
    .sort((a, b) => b - a)
    .map((n) => ({ kind: `deadline-${n}`, date: addWorkdays(cal, deadline, -n) }));
  const onTheDay = { kind: 'deadline-0', date: workdayOnOrBefore(cal, deadline) };
  const blue = [...before, onTheDay]
    .filter((x, i, all) => !all.slice(i + 1).some((later) => later.date === x.date))
    .filter((x) => x.date <= until)
    .map((x) => step(deadline, x.kind, 'blue', x.date, cal, s));

  const overdueDays = workdaysIn(cal, addDays(deadline, 1), until);
  const overdue: Step[] = [];
  for (let k = s.overdueEvery; k <= overdueDays.length; k += s.overdueEvery) {
    const level = k >= s.redAfter ? 'red' : 'yellow';
    overdue.push(step(deadline, `overdue-${k}`, level, overdueDays[k - 1] as string, cal, s));
  }
  return [...blue, ...overdue];
}

/**
 * A milestone's own small ladder: the deadline ladder with the milestone's date, its overdue steps only up
 * to the first red one (the task's own deadline ladder goes on; a milestone's does not nag for ever), each
 * kind prefixed `milestone-<id>-`; steps on or before `until`. The one rule dueNudges and nextNudgeAt both
 * follow. The import lists no milestone on the deadline, so no day is doubled.
 */
export function milestoneSteps(m: { id: number; due: string }, until: string, cal: WorkCalendar, settings: ScheduleSettings): Step[] {
  const steps = ladderSteps(m.due, until, cal, settings);
  const red = steps.findIndex((s) => s.level === 'red');
  return (red === -1 ? steps : steps.slice(0, red + 1)).map((s) => ({ ...s, kind: `milestone-${m.id}-${s.kind}` }));
}

/** The leader's copy of a red ladder step. */
export function leaderStep(owner: Step): Step {
  return { ...owner, kind: `leader-${owner.kind}` };
}

function step(
  period: string,
  kind: string,
  level: NudgeLevel | null,
  date: string,
  cal: WorkCalendar,
  s: ScheduleSettings,
): Step {
  const at = atShanghai(date, s.checkinAt);
  // Steps fall on working days, so only a check-in time inside the quiet window can move. nextAllowedMoment
  // leaves a moment that is not quiet unchanged: `quiet` only spares it the call.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral: equivalent, see above
  const quiet = isQuietTime(parseHhmm(s.checkinAt), s) || !cal.isWorkday(date);
  return { period, kind, level, date, dueAt: quiet ? nextAllowedMoment(at, cal, s) : at };
}
