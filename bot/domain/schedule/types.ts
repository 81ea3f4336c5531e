/** What the schedule needs to know about a task and its people, and what it answers. */
import type { Lifecycle } from '../task-state/types.js';
import type { Cadence } from './settings.js';

/**
 * The task's lifecycle, as the schedule sees it: only an active task is nudged; done_pending
 * (awaiting confirmation of completion), closed, paused and removed get no check-in, follow-up,
 * deadline step or leader escalation.
 */
export type ScheduleLifecycle = Lifecycle | 'removed';
export type NudgeLevel = 'blue' | 'yellow' | 'red';

export interface TaskForSchedule {
  taskId: number;
  lifecycle: ScheduleLifecycle;
  cadence: Cadence;
  /** 完成时限 'YYYY-MM-DD'; null when the task has none (no deadline ladder). */
  deadline: string | null;
  /** 责任人: get check-ins, follow-ups and the whole deadline ladder. */
  owners: PersonForSchedule[];
  /** 责任领导: get the red (long overdue) steps only. */
  leaders: PersonForSchedule[];
  /** Milestones (时间节点) not yet marked done: each gets its own small ladder, owners only. */
  openMilestones?: { id: number; due: string }[];
}

export interface PersonForSchedule {
  personId: number;
  /** 请假, inclusive dates 'YYYY-MM-DD'. */
  leave: { from: string; to: string }[];
  /** Ids of the check-in periods this person has answered ('2022-W14', '2022-04', …). */
  answeredPeriods: string[];
  /** 推迟提醒 (「明天再报」) asked for this task, by period (snooze.ts); none when absent. */
  snoozes?: { period: string; until: Date }[];
}

export interface DueNudge {
  /** `${taskId}:${personId}:${period}:${kind}` — stable across sweeps; the de-duplication key. */
  key: string;
  taskId: number;
  personId: number;
  /** Check-in period id, or the deadline date for deadline-ladder kinds. */
  period: string;
  /** 'checkin' | 'followup1' | 'followup2' | 'snooze1' | 'snooze2' | 'deadline-N' | 'overdue-N' | 'leader-overdue-N' | 'milestone-<id>-deadline-N' | 'milestone-<id>-overdue-N'. */
  kind: string;
  /** null for check-ins and follow-ups. */
  level: NudgeLevel | null;
  /** When it was (or is) due, after moving out of quiet hours. */
  dueAt: Date;
  role: 'owner' | 'leader';
}

/** The kinds the schedule produces (steps.ts, snooze.ts), by prefix; any other kind is on demand (/remind, 退回补充). */
export const SCHEDULED_KIND_PREFIXES = ['checkin', 'followup', 'snooze', 'deadline-', 'overdue-', 'leader-', 'milestone-'] as const;

export function isScheduledKind(kind: string): boolean {
  return SCHEDULED_KIND_PREFIXES.some((p) => kind.startsWith(p));
}

/** The milestone a `milestone-<id>-…` nudge is about, else null. */
export function milestoneIdOf(kind: string): number | null {
  const m = kind.match(/^milestone-(\d+)-/);
  return m ? Number(m[1]) : null;
}

export function nudgeKey(taskId: number, personId: number, period: string, kind: string): string {
  return `${taskId}:${personId}:${period}:${kind}`;
}

export function isOnLeave(person: PersonForSchedule, date: string): boolean {
  return person.leave.some((l) => l.from <= date && date <= l.to);
}
