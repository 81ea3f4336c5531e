/**
 * A task's whole state at a moment (lifecycle, light, progress, reporting, deadline, pace per
 * target): what every channel shows — nudge cards, escalations, the digest, the ledger, the
 * commands, `workplan status` — and none computes for itself (STYLE habit 11). Pure data.
 * Dates are 'YYYY-MM-DD' (Asia/Shanghai); instants are Date; shares are fractions (0.28 = 28%).
 */
import type { TargetKind } from '../plan/types.js';
import type { SnoozeAsk } from '../reply/self-help-words.js';

/**
 * active: in progress; done_pending: an owner said it is done, waiting for the leader's (or an
 * admin's) confirmation; closed: 办结, confirmed; paused: set aside by an admin.
 */
export type Lifecycle = 'active' | 'done_pending' | 'closed' | 'paused';
export const LIFECYCLES: readonly Lifecycle[] = ['active', 'done_pending', 'closed', 'paused'];

export type Light = 'green' | 'yellow' | 'red' | 'none';
/** not_started: the owner said the work has not begun (「尚未启动」); pace, not the word, says whether that is a risk. */
export type ReportStatus = 'on_track' | 'at_risk' | 'blocked' | 'not_started' | 'done';
/** What the task's reports and dates say: the owner's last word, or overdue / missing / unknown. */
export type Progress = ReportStatus | 'overdue' | 'missing' | 'unknown';
export type Cadence = 'weekly' | 'biweekly' | 'monthly' | 'off';

export interface StateReport {
  id: number;
  personId: number | null;
  status: ReportStatus | null;
  percent: number | null;
  /** Check-in period id it belongs to ('2022-W15', '2022-04', …). */
  period: string;
  createdAt: Date;
  rawText: string;
  /** 退回补充: a leader or an admin asked for more; the period is 待补充 until a newer report. */
  returned: boolean;
  /** 「已在会上汇报」: reported at a meeting, recorded without content (source 'meeting'). */
  meeting?: boolean;
}

export interface StateTarget {
  id: number;
  label: string;
  value: number;
  unit: string;
  comparator: 'at_least' | 'at_most' | 'exactly';
  kind: TargetKind;
  /** The level at the period start when the plan gives it (「由118家增至140家」), else null. */
  baseline: number | null;
  /** The owner's reason for a lumpy target counted as on pace. */
  paceNote: string | null;
  /** Reported values (non-revoked reports), any order. */
  history: { value: number; at: Date }[];
}

export interface StateOwner {
  personId: number;
  name: string;
  leave: { from: string; to: string }[];
}

export interface TaskStateInput {
  id: number;
  lifecycle: Lifecycle;
  /** The effective deadline (approved extensions applied). */
  deadline: string;
  /** The deadline the plan gave, when an extension moved it; else null. */
  plannedDeadline: string | null;
  /** The task's own start where the plan gives one, else null (the plan's period start). */
  startDate: string | null;
  cadence: Cadence;
  /** Since when the lifecycle is what it is (a return to active voids the 「已完成」 before it); null when never changed. */
  lifecycleSince: Date | null;
  targets: StateTarget[];
  /** Non-revoked reports, any order. */
  reports: StateReport[];
  owners: StateOwner[];
  /** Check-in periods for which a check-in went out to an owner. */
  askedPeriods: string[];
  /** Pending 延期 requests: the request's id (what 同意延期 / 不同意 carry), who asked, the date asked for, why. */
  extensionRequests: { requestId: number; by: string; to: string; reason: string }[];
  /** The task's milestones (时间节点), any order; doneAt when an owner reported the step done. */
  milestones: StateMilestone[];
  /** 推迟提醒 (「明天再报」) the owners asked for, any period, any order (the engine keeps the current period's). */
  snoozes: StateSnooze[];
}

export interface StateSnooze {
  personId: number;
  /** Check-in period id. */
  period: string;
  /** When the owner asked to be reminded. */
  until: Date;
  /** What they asked; null on rows kept before it was. */
  ask: SnoozeAsk | null;
}

export interface StateMilestone {
  id: number;
  /** YYYY-MM-DD. */
  due: string;
  text: string;
  doneAt: Date | null;
}

/** The earliest milestone not yet done (past due or not), with the working days to it (negative when past). */
export interface NextMilestone {
  id: number;
  due: string;
  text: string;
  workdaysLeft: number;
  /** Calendar days from today to it: 0 today, negative when past (workdaysLeft is 0 on a holiday after it). */
  daysLeft: number;
}

export interface PlanPeriod {
  /** First day of the plan's period: its year, quarter or half. */
  start: string;
  end: string;
}

/** How a target's progress was measured. */
export type PaceBasis =
  | 'total' // running total or money: latest ÷ target, against time from the period start
  | 'from_baseline' // a level: (latest − baseline) ÷ (target − baseline), against time from the baseline
  | 'baseline_only' // a level with only its first value: no pace yet (that value is the baseline)
  | 'rate' // a percentage or growth rate: the rate itself, time does not apply
  | 'cap' // at_most: within the cap or not
  | 'none'; // nothing reported

export type PaceVerdict = 'on_pace' | 'lagging' | 'far_behind';

export interface TargetState {
  targetId: number;
  label: string;
  unit: string;
  kind: TargetKind;
  comparator: StateTarget['comparator'];
  /** The target value. */
  value: number;
  latest: number | null;
  baseline: number | null;
  /** Where the baseline came from. */
  baselineFrom: 'plan' | 'first_report' | null;
  basis: PaceBasis;
  /** Share of the way to the target (from the baseline for levels); null when not measured. May exceed 1. */
  done: number | null;
  /** Share of the working time elapsed for this measure; null when time does not apply. */
  time: number | null;
  /** latest ÷ target: how bureaus quote a level (「完成目标的84%」); null with nothing reported. */
  ofTarget: number | null;
  /** Where the value should stand by now (序时应达), rounded to the unit's precision; null when not paced. */
  expected: number | null;
  verdict: PaceVerdict | null;
  paceNote: string | null;
}

export type LightReason =
  | { kind: 'closed' }
  | { kind: 'done_pending' }
  | { kind: 'paused' }
  | { kind: 'overdue'; workdays: number }
  | { kind: 'blocked' }
  | { kind: 'far_behind'; targetId: number }
  | { kind: 'at_risk' }
  | { kind: 'not_started' }
  | { kind: 'missing' }
  | { kind: 'returned' }
  | { kind: 'lagging'; targetId: number }
  | { kind: 'due_soon'; workdays: number }
  | { kind: 'unreported' }
  | { kind: 'on_track' };

/**
 * The check-in period's reporting: asked (a check-in went out) and reported (a report in the
 * period): reported is null when nobody was asked and nobody reported; `why` says which case.
 */
export interface Reporting {
  period: string | null;
  asked: boolean;
  reported: boolean | null;
  /** returned: the period's newest report was returned for more (退回补充) and nothing came since. */
  why: 'reported' | 'missing' | 'returned' | 'on_leave' | 'not_asked' | 'not_active' | 'cadence_off';
  /**
   * Owners who asked to report this period later (「明天再报」) and have not yet: each one's latest snooze of
   * the period, while its day has not passed; in the task's owner order. Empty once the period is reported,
   * for a task not active, and without check-ins.
   */
  later: ReportLater[];
}

export interface ReportLater {
  personId: number;
  /** The moment asked for, and its Shanghai date. */
  until: Date;
  date: string;
  ask: SnoozeAsk | null;
}

export interface DeadlineState {
  /** Effective deadline. */
  date: string;
  /** The plan's own deadline when an extension moved it, else null. */
  planned: string | null;
  /** Working days from today to the deadline; negative when past. */
  workdaysLeft: number;
  /**
   * Calendar days from today to the deadline: 0 today, negative when past. It tells what workdaysLeft cannot:
   * on the Saturday after a Friday deadline no working day has passed (workdaysLeft 0), yet the deadline has.
   */
  daysLeft: number;
}

export interface TaskState {
  taskId: number;
  lifecycle: Lifecycle;
  light: Light;
  /** Why the light is what it is, most serious first (never empty). */
  reasons: LightReason[];
  progress: Progress;
  /** The report the progress was read from (a blocker's words), if any. */
  progressSource: StateReport | null;
  reporting: Reporting;
  deadline: DeadlineState;
  /** The task's measure of time: from its start (the plan's period start, or its own) to its deadline. */
  time: { start: string; share: number };
  targets: TargetState[];
  /** Reports made by now, newest first. */
  reports: StateReport[];
  /** Percent complete from the newest report that gave one. */
  percent: number | null;
  /** Owners on leave today. */
  onLeave: number[];
  extensionRequests: TaskStateInput['extensionRequests'];
  /** The next open milestone of an active task, else null (no milestones, all done, or the task not active). */
  nextMilestone: NextMilestone | null;
}

export interface StateSettings {
  /** done ÷ time at or above which a target is on pace. */
  greenAt: number;
  /** Below this a target is far behind (red); between the two, lagging (yellow). */
  redBelow: number;
  /** A deadline this many working days away or nearer turns an open task yellow. */
  dueSoonWorkdays: number;
}

export const DEFAULT_STATE_SETTINGS: StateSettings = Object.freeze({ greenAt: 0.9, redBelow: 0.6, dueSoonWorkdays: 5 });

/** What the engine needs besides the task: the moment, the plan's period, working days. */
export interface StateContext {
  now: Date;
  /** Shanghai date of `now`. */
  today: string;
  plan: PlanPeriod;
  /** Share of the working days from `start` to `end` (inclusive) gone by today; memoised by the caller. */
  elapsed: (start: string, end: string) => number;
  /** Working days from today to `date` (negative when past); memoised by the caller. */
  workdaysTo: (date: string) => number;
  /** The check-in period of `today` for a cadence. */
  periodOf: (cadence: Exclude<Cadence, 'off'>) => string;
  settings: StateSettings;
}
