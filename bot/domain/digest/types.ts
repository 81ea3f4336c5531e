/**
 * What the weekly digest (周报) is built from and what it says. Pure data.
 * Dates are 'YYYY-MM-DD' (Asia/Shanghai calendar days); instants are Date.
 */
import type { TargetKind } from '../plan/types.js';

export type ReportStatus = 'on_track' | 'at_risk' | 'blocked' | 'done';
/** A task's status as the digest shows it. */
export type DigestStatus = ReportStatus | 'overdue' | 'missing' | 'unknown';
export type Light = 'green' | 'yellow' | 'red' | 'grey';

export interface DigestReport {
  id: number;
  personId: number | null;
  status: ReportStatus | null;
  percent: number | null;
  /** Check-in period id the report belongs to ('2022-W15', '2022-04', …). */
  period: string;
  createdAt: Date;
  rawText: string;
  expectedOn: string | null;
}

export interface DigestTarget {
  id: number;
  label: string;
  value: number;
  unit: string;
  comparator: 'at_least' | 'at_most' | 'exactly';
  kind: TargetKind;
  /** The owner marked this lumpy target as on track, with this reason. */
  paceNote: string | null;
  /** Reported values, oldest first: [{value, at}] (non-revoked reports only). */
  history: { value: number; at: Date }[];
}

export interface DigestTaskInput {
  id: number;
  code: string;
  title: string;
  section: { ordinal: string; title: string } | null;
  /** Administrative state. */
  state: 'active' | 'paused' | 'done';
  deadline: string;
  /** Check-in period id current at `now` for this task's cadence (null for cadence off). */
  currentPeriod: string | null;
  owners: { personId: number; name: string; onLeave: boolean }[];
  leadUnits: string[];
  targets: DigestTarget[];
  /** Non-revoked reports, newest first. */
  reports: DigestReport[];
  /** A check-in for the current period has been sent to an owner. */
  askedThisPeriod: boolean;
  /** Pending 延期 (extension) requests. */
  extensionRequests: { by: string; to: string; reason: string }[];
}

export interface DigestInput {
  plan: { id: number; title: string; year: number; periodStart: string; periodEnd: string };
  now: Date;
  /** The ISO week the digest reports on, and its first and last working days. */
  week: { id: string; number: number; firstWorkday: string; lastWorkday: string };
  tasks: DigestTaskInput[];
  /** What the previous digest showed, for "changes since last week"; null for the first. */
  previous: DigestSnapshot | null;
}

/** Stored after each digest so the next one can say what moved. */
export interface DigestSnapshot {
  week: string;
  tasks: Record<string, { status: DigestStatus; light: Light; values: Record<string, number | null> }>;
}

export interface DigestSettings {
  /** Pace ratio (share of target reached ÷ share of working time elapsed) at or above which a target is on pace. */
  greenAt: number;
  /** Below this a target is badly behind (red); between the two, yellow. */
  redBelow: number;
  /** Show who has not reported in the group digest too (default: admins only). */
  showMissingInGroup: boolean;
  /** Look ahead this many calendar days for 「due next」. */
  dueWithinDays: number;
}

export const DEFAULT_DIGEST: DigestSettings = Object.freeze({ greenAt: 0.9, redBelow: 0.6, showMissingInGroup: false, dueWithinDays: 14 });
