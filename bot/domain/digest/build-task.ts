/** One task of the digest: status, pace per target, light, latest words, changes. Pure. */
import { shanghaiDate } from '../calendar/shanghai-time.js';
import { changesSince, snapshotEntry, type SnapshotEntry } from './changes.js';
import type { DigestTask } from './model.js';
import { targetPace, type PaceContext } from './target-pace.js';
import { taskLight } from './task-light.js';
import { taskStatus } from './task-status.js';
import type { DigestSettings, DigestSnapshot, DigestTaskInput } from './types.js';
import { clip } from './words.js';

/** How many characters of the latest report's words a task line shows. */
export const WORDS_MAX = 60;
/** How many characters of a blocker (受阻原因) the leaders' block shows. */
export const BLOCKER_MAX = 100;

export interface BuiltTask {
  task: DigestTask;
  /** The words of the report that said 受阻, when the task is blocked. */
  blocker: string | null;
  entry: SnapshotEntry;
}

export interface TaskContext extends PaceContext {
  today: string;
  /** Working days from today to a date (negative when past); memoised by the caller. */
  workdaysTo: (date: string) => number;
  settings: DigestSettings;
  previous: DigestSnapshot | null;
}

export function buildTask(input: DigestTaskInput, ctx: TaskContext): BuiltTask {
  const finding = taskStatus(input, ctx.today, ctx.now);
  const targets = input.targets.map((t) => targetPace(t, ctx, ctx.settings));
  const light = taskLight(finding.status, targets);
  const entry = snapshotEntry(finding.status, light, targets);
  const newest = finding.reports[0] ?? null;
  const task: DigestTask = {
    id: input.id,
    code: input.code,
    title: input.title,
    section: input.section,
    paused: input.state === 'paused',
    owners: input.owners.map((o) => ({ name: o.name, onLeave: o.onLeave })),
    leadUnits: input.leadUnits,
    status: finding.status,
    light,
    deadline: input.deadline,
    workdaysLeft: ctx.workdaysTo(input.deadline),
    targets,
    latest: newest ? { text: clip(newest.rawText, WORDS_MAX), date: shanghaiDate(newest.createdAt), period: newest.period } : null,
    percent: finding.reports.find((r) => r.percent !== null)?.percent ?? null,
    changes: changesSince(ctx.previous?.tasks[String(input.id)], entry, targets),
  };
  const blocker = finding.status === 'blocked' && finding.source ? clip(finding.source.rawText, BLOCKER_MAX) : null;
  return { task, blocker, entry };
}
