/**
 * What buildDigest returns: everything the weekly digest (周报) says, computed and ordered,
 * but not yet rendered. Renderers (Feishu card, CLI text) only format it. Pure data.
 * User-written text (report words, blockers, extension reasons) is kept raw here (trimmed,
 * not escaped): each renderer escapes for its own medium.
 */
import type { TargetKind } from '../plan/types.js';
import type { DigestSnapshot, DigestStatus, Light } from './types.js';

/** on_pace: ratio ≥ greenAt (or a pace note, or target met); lagging: below greenAt; far_behind: below redBelow (or an at_most cap exceeded). */
export type PaceVerdict = 'on_pace' | 'lagging' | 'far_behind';

/**
 * How `reached` was worked out:
 * total — running total or money: latest ÷ target;
 * from_baseline — level/percent: (latest − first value of the period) ÷ (target − that value);
 * single_value — level/percent with one value known: latest ÷ target, no pace verdict;
 * cap — at_most: latest ÷ cap, on pace while latest ≤ cap;
 * none — nothing reported yet.
 */
export type PaceBasis = 'total' | 'from_baseline' | 'single_value' | 'cap' | 'none';

/** One target (指标) against time (序时进度). Shares are fractions (0.28 = 28%). */
export interface TargetPace {
  targetId: number;
  label: string;
  value: number;
  unit: string;
  comparator: 'at_least' | 'at_most' | 'exactly';
  kind: TargetKind;
  /** Latest reported value at `now`, or null. */
  latest: number | null;
  /** First value reported in the plan period (levels and percents only). */
  baseline: number | null;
  basis: PaceBasis;
  /** Share of the target reached, or null when nothing is known. May exceed 1. */
  reached: number | null;
  /** Share of the plan period's working days elapsed by today. */
  timeShare: number;
  /** reached ÷ timeShare, or null when no verdict is computed this way. */
  ratio: number | null;
  /** Where a running total should stand by now (序时应达), null for levels, rates and caps. */
  expected: number | null;
  verdict: PaceVerdict | null;
  /** The owner's reason for a lumpy target counted as on pace. */
  paceNote: string | null;
}

export type DigestChange =
  | { kind: 'status'; from: DigestStatus; to: DigestStatus }
  | { kind: 'light'; from: Light; to: Light }
  | { kind: 'value'; targetId: number; label: string; unit: string; from: number | null; to: number | null };

export interface DigestTask {
  id: number;
  code: string;
  title: string;
  section: { ordinal: string; title: string } | null;
  paused: boolean;
  owners: { name: string; onLeave: boolean }[];
  leadUnits: string[];
  status: DigestStatus;
  light: Light;
  deadline: string;
  /** Working days from today to the deadline; negative = working days overdue. */
  workdaysLeft: number;
  targets: TargetPace[];
  /** The newest report (any kind), its words trimmed to ~60 characters. */
  latest: { text: string; date: string; period: string } | null;
  /** Percent complete from the newest report that gave one. */
  percent: number | null;
  changes: DigestChange[];
}

export interface DigestSection {
  /** null for tasks outside any section. */
  ordinal: string | null;
  title: string;
  /** Worst light of its tasks. */
  light: Light;
  tasks: DigestTask[];
}

export type AttentionReason =
  | { kind: 'blocked'; blocker: string }
  | { kind: 'overdue'; deadline: string; workdaysLate: number }
  | { kind: 'extension'; by: string; to: string; reason: string }
  | { kind: 'behind'; target: TargetPace };

/** A task leaders should look at: every red task, and every task with a pending extension request. */
export interface AttentionItem {
  taskId: number;
  code: string;
  title: string;
  light: Light;
  status: DigestStatus;
  owners: { name: string; onLeave: boolean }[];
  leadUnits: string[];
  reasons: AttentionReason[];
}

export interface DueItem {
  taskId: number;
  code: string;
  title: string;
  deadline: string;
  daysLeft: number;
  workdaysLeft: number;
  status: DigestStatus;
  light: Light;
}

/** An owner (not on leave) who was asked this period and has not reported, with the tasks. */
export interface MissingReporter {
  personId: number;
  name: string;
  tasks: { code: string; title: string }[];
}

/** One target in the chart: percent reached vs percent of working time elapsed (rounded to 0.1). */
export interface ChartBar {
  taskCode: string;
  label: string;
  reachedPct: number;
  timePct: number;
  verdict: PaceVerdict | null;
  /** reached ÷ timeShare, for choosing which bars to show when there are too many. */
  ratio: number | null;
}

export interface DigestModel {
  header: {
    planTitle: string;
    weekId: string;
    weekNumber: number;
    /** 「第15周 4月11日–4月15日」 */
    weekLabel: string;
    /** Shanghai date of `now`. */
    today: string;
    /** Share of the plan period's working days elapsed by today. */
    timeShare: number;
  };
  /** Worst light over all tasks (red > yellow > grey > green); grey when there are none. */
  worst: Light;
  total: number;
  counts: Record<DigestStatus, number>;
  lights: Record<Light, number>;
  sections: DigestSection[];
  needsLeaders: AttentionItem[];
  dueSoon: DueItem[];
  dueWithinDays: number;
  missing: MissingReporter[];
  /** Settings default for showing `missing` in the group card. */
  showMissingInGroup: boolean;
  chart: ChartBar[];
  snapshot: DigestSnapshot;
}
