/**
 * Which nudges are due now. Pure: the sweep passes the time, the calendar and the task; it
 * sends what is `due` (claiming each by its key, so a repeated sweep sends nothing twice) and
 * records what is `skipped`.
 *
 * Catch-up: after downtime only the latest due step per (task, person) and track is due —
 * one from the current check-in period, one from the deadline ladder. Earlier due steps of
 * the same track are skipped (some may have been sent before; recording them is idempotent).
 * Steps of earlier check-in periods are neither due nor skipped: they are over.
 *
 * Nothing is due when the task is not active (done_pending, closed, paused), inside quiet hours, to a person on leave today,
 * for a step whose own day the person is on leave, or for a check-in period the owner has
 * answered. A snooze (「明天再报」, snooze.ts) holds the owner's check-in steps up to its moment and
 * puts one reminder there. Leaders get only red ladder steps, and not when they own the task themselves.
 */
import { shanghaiDate } from '../calendar/shanghai-time.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { periodOf } from './periods.js';
import { isQuiet } from './quiet-hours.js';
import { snoozedTrack } from './snooze.js';
import { DEFAULT_SCHEDULE, checkSettings } from './settings.js';
import type { ScheduleSettings } from './settings.js';
import { checkinSteps, ladderSteps, leaderStep, milestoneSteps } from './steps.js';
import type { Step } from './steps.js';
import { isOnLeave, nudgeKey } from './types.js';
import type { DueNudge, PersonForSchedule, TaskForSchedule } from './types.js';

export interface DueResult {
  due: DueNudge[];
  skipped: DueNudge[];
}

export function dueNudges(
  task: TaskForSchedule,
  now: Date,
  cal: WorkCalendar,
  settings: ScheduleSettings = DEFAULT_SCHEDULE,
): DueResult {
  const result: DueResult = { due: [], skipped: [] };
  checkSettings(settings);
  if (task.lifecycle !== 'active' || isQuiet(now, cal, settings)) return result;
  const today = shanghaiDate(now);

  // Stryker disable next-line ConditionalExpression,StringLiteral: periodOf has no period for 'off' (undefined, falsy as null); the check is for the type
  const period = task.cadence === 'off' ? null : periodOf(task.cadence, today);
  // Stryker disable next-line ArrayDeclaration: without a period the check-ins are never read (`open` below)
  const checkins = period ? checkinSteps(period, cal, settings) : [];
  const ladder = task.deadline ? ladderSteps(task.deadline, today, cal, settings) : [];
  const red = ladder.filter((s) => s.level === 'red').map(leaderStep);
  const milestones = (task.openMilestones ?? []).map((m) => milestoneSteps(m, today, cal, settings));

  const owners = uniquePeople(task.owners);
  const ownerIds = new Set(owners.map((p) => p.personId));
  for (const owner of owners) {
    if (isOnLeave(owner, today)) continue;
    const open = period && !owner.answeredPeriods.includes(period.id) ? checkins : [];
    const { track, held } = period ? snoozedTrack(open, period, owner.snoozes) : { track: open, held: [] };
    collect(result, task.taskId, owner, 'owner', track, now);
    for (const s of held) if (s.dueAt.getTime() <= now.getTime()) result.skipped.push(toNudge(task.taskId, owner.personId, 'owner', s));
    collect(result, task.taskId, owner, 'owner', ladder, now);
    for (const track of milestones) collect(result, task.taskId, owner, 'owner', track, now);
  }
  for (const leader of uniquePeople(task.leaders)) {
    if (ownerIds.has(leader.personId) || isOnLeave(leader, today)) continue;
    collect(result, task.taskId, leader, 'leader', red, now);
  }
  return result;
}

/** Adds the latest due step of one track as due and the earlier due ones as skipped. */
function collect(
  result: DueResult,
  taskId: number,
  person: PersonForSchedule,
  role: DueNudge['role'],
  track: Step[],
  now: Date,
): void {
  const dueSteps = track.filter(
    (s) => s.dueAt.getTime() <= now.getTime() && !isOnLeave(person, shanghaiDate(s.dueAt)),
  );
  const nudges = dueSteps.map((s) => toNudge(taskId, person.personId, role, s));
  const latest = nudges.pop();
  if (latest) result.due.push(latest);
  result.skipped.push(...nudges);
}

export function toNudge(taskId: number, personId: number, role: DueNudge['role'], s: Step): DueNudge {
  return {
    key: nudgeKey(taskId, personId, s.period, s.kind),
    taskId,
    personId,
    period: s.period,
    kind: s.kind,
    level: s.level,
    dueAt: s.dueAt,
    role,
  };
}

export function uniquePeople(people: PersonForSchedule[]): PersonForSchedule[] {
  const seen = new Set<number>();
  return people.filter((p) => !seen.has(p.personId) && (seen.add(p.personId), true));
}
