/**
 * Shared helpers for the schedule tests: Beijing-time instants, task builders and a sweep
 * simulator that walks a fake clock and "sends" each due nudge once per key, as the real
 * sweep does when it claims nudges by key.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { chineseWorkCalendar } from '../../../bot/domain/calendar/work-calendar.js';
import type { WorkCalendar } from '../../../bot/domain/calendar/work-calendar.js';
import { DEFAULT_SCHEDULE, dueNudges } from '../../../bot/domain/schedule/index.js';
import type {
  PersonForSchedule,
  ScheduleSettings,
  TaskForSchedule,
} from '../../../bot/domain/schedule/index.js';

export const cal: WorkCalendar = chineseWorkCalendar();

/** '2022-04-06 09:30' (Beijing time) → the instant. */
export function bj(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}

/** An instant as an ISO string in +08:00, e.g. '2022-04-06T09:30:00+08:00'. */
export function iso8(d: Date): string {
  return format(new TZDate(d.getTime(), 'Asia/Shanghai'), "yyyy-MM-dd'T'HH:mm:ssXXX");
}

export function person(personId: number, extra: Partial<PersonForSchedule> = {}): PersonForSchedule {
  return { personId, leave: [], answeredPeriods: [], ...extra };
}

/** Task 1 of the seed plan (培育高新技术企业): weekly, deadline at the plan's period end. */
export function seedTask(extra: Partial<TaskForSchedule> = {}): TaskForSchedule {
  return {
    taskId: 1,
    lifecycle: 'active',
    cadence: 'weekly',
    deadline: '2022-12-31',
    owners: [person(101)],
    leaders: [person(900)],
    ...extra,
  };
}

export interface Sent {
  key: string;
  sentAt: string;
  dueAt: string;
  level: string | null;
  role: string;
}

/**
 * Runs dueNudges every `everyMinutes` from `from` to `to` (inclusive) and returns each key
 * the first time it is due. `taskAt` gives the task as the store would hold it at that time.
 */
export function simulateSweeps(
  taskAt: (now: Date) => TaskForSchedule,
  from: Date,
  to: Date,
  opts: { everyMinutes?: number; settings?: ScheduleSettings; calendar?: WorkCalendar } = {},
): { sent: Sent[]; skipped: Set<string> } {
  const step = (opts.everyMinutes ?? 30) * 60_000;
  const seen = new Set<string>();
  const sent: Sent[] = [];
  const skipped = new Set<string>();
  for (let t = from.getTime(); t <= to.getTime(); t += step) {
    const now = new Date(t);
    const r = dueNudges(taskAt(now), now, opts.calendar ?? cal, opts.settings ?? DEFAULT_SCHEDULE);
    for (const n of r.due) {
      if (seen.has(n.key)) continue;
      seen.add(n.key);
      sent.push({ key: n.key, sentAt: iso8(now), dueAt: iso8(n.dueAt), level: n.level, role: n.role });
    }
    for (const n of r.skipped) skipped.add(n.key);
  }
  return { sent, skipped };
}

/** '1:101:2022-W14:checkin' → 'W14:checkin @ 2022-04-06T09:30' (compact rows for tables). */
export function row(s: Sent): string {
  const [, , period, kind] = s.key.split(':');
  return `${period}:${kind} @ ${s.sentAt.slice(0, 16)}`;
}
