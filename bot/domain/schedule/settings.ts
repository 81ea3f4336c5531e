/**
 * How often and when owners are nudged (催办). One settings object per bot; every field has
 * a default the bureau agreed on. Times are 'HH:mm' Beijing time.
 */
import { parseHhmm } from '../calendar/shanghai-time.js';

/** Check-in cadence per task: weekly (default), biweekly, monthly, or no check-ins at all. */
export type Cadence = 'weekly' | 'biweekly' | 'monthly' | 'off';
export type PeriodCadence = Exclude<Cadence, 'off'>;

/** Which working day of a check-in period a follow-up goes out on. */
export type FollowupDay = 'third-workday' | 'last-workday';

export interface ScheduleSettings {
  /** Time of day of every nudge (check-in, follow-ups, deadline ladder). */
  checkinAt: string;
  /** At most two follow-ups after the check-in, in any order. */
  followups: FollowupDay[];
  /** Deadline reminders this many working days before the deadline (level blue). */
  deadlineOffsets: number[];
  /** After the deadline, a reminder every this many working days (yellow). */
  overdueEvery: number;
  /** From this many working days overdue on, reminders are red and leaders get one too. */
  redAfter: number;
  /** Quiet hours: nothing is sent from quietStart to quietEnd (may wrap midnight). */
  quietStart: string;
  quietEnd: string;
}

export const DEFAULT_SCHEDULE: ScheduleSettings = Object.freeze({
  checkinAt: '09:30',
  followups: Object.freeze(['third-workday', 'last-workday']) as FollowupDay[],
  deadlineOffsets: Object.freeze([10, 5, 1]) as number[],
  overdueEvery: 2,
  redAfter: 5,
  quietStart: '20:00',
  quietEnd: '08:00',
});

/** Throws a RangeError naming the bad field; returns the settings unchanged otherwise. */
export function checkSettings(s: ScheduleSettings): ScheduleSettings {
  for (const field of ['checkinAt', 'quietStart', 'quietEnd'] as const) {
    try {
      parseHhmm(s[field]);
    } catch {
      throw new RangeError(`schedule setting ${field} must be HH:mm, got "${s[field]}"`);
    }
  }
  if (s.followups.length > 2) {
    throw new RangeError(`schedule setting followups allows at most two, got ${s.followups.length}`);
  }
  if (!s.deadlineOffsets.every((n) => Number.isInteger(n) && n >= 0)) {
    throw new RangeError(`schedule setting deadlineOffsets must be whole numbers ≥ 0, got ${JSON.stringify(s.deadlineOffsets)}`);
  }
  for (const field of ['overdueEvery', 'redAfter'] as const) {
    if (!Number.isInteger(s[field]) || s[field] < 1) {
      throw new RangeError(`schedule setting ${field} must be a whole number ≥ 1, got ${s[field]}`);
    }
  }
  return s;
}
