/**
 * What buildDigest returns: everything the weekly digest (周报) says, drawn from the engine's task
 * states and ordered, but not yet rendered. Renderers (Feishu card, CLI text, JSON) only format it.
 * User-written text (report words, blockers, extension reasons) is kept raw here (folded and
 * clipped, not escaped): each renderer escapes for its own medium. Pure data.
 */
import type { ReportLater, TargetState, TaskState } from '../task-state/types.js';
import type { DigestSnapshot, DigestStatus, Light } from './types.js';

export type DigestChange =
  | { kind: 'status'; from: DigestStatus; to: DigestStatus }
  | { kind: 'light'; from: Light; to: Light }
  | { kind: 'value'; targetId: number; label: string; unit: string; from: number | null; to: number | null };

export interface DigestOwner {
  personId: number;
  name: string;
  /** On leave today (the engine's onLeave). */
  onLeave: boolean;
}

export interface DigestTask {
  id: number;
  code: string;
  /** The code as people see it: 「7」, or 「2023-7」 with several plans in force (bot/domain/plan/plan-code.ts). */
  shownCode: string;
  title: string;
  section: { ordinal: string; title: string } | null;
  owners: DigestOwner[];
  leadUnits: string[];
  status: DigestStatus;
  /** The engine's state: light, deadline, targets, reporting… are read from it, never recomputed. */
  state: TaskState;
  /** The newest report (any kind), its words folded and clipped. */
  latest: { text: string; date: string; period: string } | null;
  /** The latest 批示, its words folded and clipped. */
  instruction: { by: string; date: string; text: string } | null;
  changes: DigestChange[];
  /** Pieces of evidence (佐证材料) kept for the task: 📎 N. */
  evidence: number;
  /** Target id → its trend over the weeks as a sparkline (「▁▃▅▇」), where there are two values or more. */
  trends: Record<string, string>;
}

export interface DigestSection {
  /** null for tasks outside any section. */
  ordinal: string | null;
  title: string;
  /** Worst light of its tasks. */
  light: Light;
  tasks: DigestTask[];
}

/** Why leaders should look: the light's reasons (most serious first), then pending extension requests. */
export type AttentionReason =
  | { kind: 'overdue'; deadline: string; workdays: number }
  | { kind: 'blocked'; words: string | null }
  | { kind: 'far_behind' | 'lagging'; target: TargetState }
  | { kind: 'at_risk'; words: string | null }
  | { kind: 'not_started' }
  | { kind: 'missing' }
  | { kind: 'returned' }
  | { kind: 'due_soon'; deadline: string; workdays: number; daysLeft: number }
  | { kind: 'extension'; by: string; to: string; reason: string };

/** A task leaders should look at: every red task, and every task with a pending extension request. */
export interface AttentionItem {
  taskId: number;
  code: string;
  shownCode: string;
  title: string;
  light: Light;
  status: DigestStatus;
  owners: DigestOwner[];
  leadUnits: string[];
  reasons: AttentionReason[];
}

export interface DueItem {
  taskId: number;
  code: string;
  shownCode: string;
  title: string;
  deadline: string;
  /** The engine's working days left. */
  workdaysLeft: number;
  status: DigestStatus;
  light: Light;
}

/** An owner (not on leave) of a task asked this period and not reported, with those tasks. */
export interface MissingReporter {
  personId: number;
  name: string;
  /** `later`: this person asked to report the task later (「明天再报」): the engine's reporting.later. */
  tasks: { code: string; shownCode: string; title: string; later: ReportLater | null }[];
}

/** The period's reporting over all tasks, from each task's `reporting`. */
export interface ReportingSummary {
  /** Tasks a check-in went out for this period. */
  asked: number;
  /** …of which reported. */
  reported: number;
  /** Asked and not reported. */
  missing: number;
  /** Asked, every owner on leave. */
  onLeave: number;
}

/** One target in the chart: the engine's done and time, in percent (0.1). */
export interface ChartBar {
  taskCode: string;
  shownCode: string;
  label: string;
  donePct: number;
  timePct: number;
  verdict: TargetState['verdict'];
}

export interface DigestModel {
  header: {
    plan: { id: number; title: string; year: number; periodStart: string; periodEnd: string };
    weekId: string;
    weekNumber: number;
    /** 「第15周 4月11日–4月15日」 */
    weekLabel: string;
    firstWorkday: string;
    lastWorkday: string;
    /** Shanghai date of `now`: the digest's own date (dates of another year carry it). */
    today: string;
    /** Share of the plan period's working days gone by. */
    timeShare: number;
  };
  /** Worst light over all tasks (red > yellow > none > green); none when there are no tasks. */
  worst: Light;
  total: number;
  counts: Record<DigestStatus, number>;
  lights: Record<Light, number>;
  reporting: ReportingSummary;
  sections: DigestSection[];
  needsLeaders: AttentionItem[];
  dueSoon: DueItem[];
  dueWithinWorkdays: number;
  missing: MissingReporter[];
  /** Settings default for showing `missing` in the group card. */
  showMissingInGroup: boolean;
  chart: ChartBar[];
  snapshot: DigestSnapshot;
}
