/**
 * What the weekly digest (周报) is built from: each task as the channels name it, with the state the
 * task-state engine decided for it (bot/domain/task-state/). The digest computes no state of its own.
 * Pure data. Dates are 'YYYY-MM-DD' (Asia/Shanghai calendar days); instants are Date.
 */
import type { Light, Progress, TaskState } from '../task-state/types.js';

export type { Light };

/**
 * What a task's line says: its lifecycle when it is not active (done_pending 「已完成（待确认）」,
 * closed 「已办结」, paused 「已暂停」), else the engine's progress.
 */
export type DigestStatus = Progress | 'done_pending' | 'closed' | 'paused';

export interface DigestTaskInput {
  id: number;
  code: string;
  /** The code as shown (「2023-7」 with several plans in force: bot/domain/plan/plan-code.ts); the bare code when absent. */
  shownCode?: string;
  title: string;
  section: { ordinal: string; title: string } | null;
  leadUnits: string[];
  owners: { personId: number; name: string }[];
  /** The engine's state of the task at the digest's moment. */
  state: TaskState;
  /** The latest 批示 (instruction) by the digest's moment, if any: who, the Shanghai date, the words (raw). */
  instruction?: { by: string; date: string; text: string } | null;
  /** How many pieces of evidence (佐证材料) the task has (bot/store/evidence.ts evidenceCounts); 0 when absent. */
  evidence?: number;
}

export interface DigestInput {
  plan: { id: number; title: string; year: number; periodStart: string; periodEnd: string };
  now: Date;
  /** Shanghai date of `now` (the engine's `ctx.today`). */
  today: string;
  /** Share of the plan period's working days gone by (the engine's `ctx.elapsed` over the plan period). */
  timeShare: number;
  /** The ISO week the digest reports on, and its first and last working days. */
  week: { id: string; number: number; firstWorkday: string; lastWorkday: string };
  tasks: DigestTaskInput[];
  /** What the previous digest showed, for "changes since last week"; null for the first. */
  previous: DigestSnapshot | null;
  /** Earlier digests' snapshots, oldest first (the previous one last), for each target's trend; none when absent. */
  history?: DigestSnapshot[];
}

export interface SnapshotEntry {
  /** null when an older snapshot stored a status this digest no longer knows. */
  status: DigestStatus | null;
  light: Light;
  values: Record<string, number | null>;
}

/** Stored after each digest so the next one can say what moved (older snapshots say 'grey': read as 'none'). */
export interface DigestSnapshot {
  week: string;
  tasks: Record<string, SnapshotEntry>;
}

export interface DigestSettings {
  /** Show who has not reported in the group digest too (default: admins only). */
  showMissingInGroup: boolean;
  /** 「近两周到期」: open tasks due within this many working days (the engine's workdaysLeft). */
  dueWithinWorkdays: number;
}

export const DEFAULT_DIGEST: DigestSettings = Object.freeze({ showMissingInGroup: false, dueWithinWorkdays: 10 });
