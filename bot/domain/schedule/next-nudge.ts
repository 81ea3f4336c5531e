/**
 * When the next nudge of a task would go out after `after` (for cards: 下次提醒). Takes the
 * same rules as dueNudges — answered periods, snoozes, leave, leaders only on red steps, each open
 * milestone's own small ladder (milestoneSteps) to the owners — and looks
 * at most a year ahead; null when nothing would go out in that time.
 */
import { addDays } from '../calendar/civil-date.js';
import { shanghaiDate } from '../calendar/shanghai-time.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { uniquePeople } from './due-nudges.js';
import { nextPeriod, periodOf } from './periods.js';
import { DEFAULT_SCHEDULE, checkSettings } from './settings.js';
import { snoozedTrack } from './snooze.js';
import type { ScheduleSettings } from './settings.js';
import { checkinSteps, ladderSteps, milestoneSteps } from './steps.js';
import type { Step } from './steps.js';
import { isOnLeave } from './types.js';
import type { PersonForSchedule, TaskForSchedule } from './types.js';

const HORIZON_DAYS = 366;

export function nextNudgeAt(
  task: TaskForSchedule,
  after: Date,
  cal: WorkCalendar,
  settings: ScheduleSettings = DEFAULT_SCHEDULE,
): Date | null {
  checkSettings(settings);
  if (task.lifecycle !== 'active') return null;
  const horizon = addDays(shanghaiDate(after), HORIZON_DAYS);
  const owners = uniquePeople(task.owners);
  const ownerIds = new Set(owners.map((p) => p.personId));
  const leaders = uniquePeople(task.leaders).filter((p) => !ownerIds.has(p.personId));
  const candidates: Date[] = [];

  if (task.cadence !== 'off') {
    const cadence = task.cadence;
    let period = periodOf(cadence, shanghaiDate(after));
    while (period.start <= horizon) {
      const open = owners.filter((p) => !p.answeredPeriods.includes(period.id));
      const steps = checkinSteps(period, cal, settings);
      // Each owner's own track: a snooze (snooze.ts) moves their steps of the period.
      const p = period;
      const hits = open.map((o) => firstAfter(snoozedTrack(steps, p, o.snoozes).track, after, [o])).filter((d): d is Date => d !== null);
      const hit = hits.length ? new Date(Math.min(...hits.map((d) => d.getTime()))) : null;
      if (hit) {
        candidates.push(hit);
        break;
      }
      period = nextPeriod(cadence, period);
    }
  }
  if (task.deadline) {
    const deadline = task.deadline;
    // A month ahead usually holds the next step; look further only when it does not.
    const soon = addDays(shanghaiDate(after) > deadline ? shanghaiDate(after) : deadline, 31);
    for (const until of soon < horizon ? [soon, horizon] : [horizon]) {
      const ladder = ladderSteps(deadline, until, cal, settings);
      const forOwners = firstAfter(ladder, after, owners);
      const forLeaders = firstAfter(ladder.filter((s) => s.level === 'red'), after, leaders);
      const hits = [forOwners, forLeaders].filter((d): d is Date => d !== null);
      if (hits.length > 0 || until === horizon) {
        candidates.push(...hits);
        break;
      }
    }
  }
  for (const m of task.openMilestones ?? []) {
    const hit = firstAfter(milestoneSteps(m, horizon, cal, settings), after, owners);
    if (hit) candidates.push(hit);
  }
  if (candidates.length === 0) return null;
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}

/** The first step after `after` that at least one of `people` is not on leave for. */
function firstAfter(steps: Step[], after: Date, people: PersonForSchedule[]): Date | null {
  for (const s of steps) {
    if (s.dueAt.getTime() <= after.getTime()) continue;
    const day = shanghaiDate(s.dueAt);
    if (people.some((p) => !isOnLeave(p, day))) return s.dueAt;
  }
  return null;
}
