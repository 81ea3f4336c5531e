/**
 * A report that says a milestone's step is done (「评估已完成」 for 「6月底前完成评估」) marks it, as
 * `/milestone N k 完成` does (markMilestoneDone, audited with the report as its source). The reading is
 * stepsDone's (conservative); when every 「已完成」 in the report is a step's, the report's status is not the
 * task's 「已完成」 (which would ask for confirmation of completion) but 「按计划推进」.
 */
import type { Deps } from '../../deps.js';
import type { ReportStatus } from '../../domain/reply/read-reply.js';
import { stepsDone, type StepsDone } from '../../domain/reply/steps-done.js';
import { markMilestoneDone } from '../../store/milestones.js';

export type TaskSteps = { steps: { id: number; taskId: number; due: string; text: string }[]; done: StepsDone };

/** The task's milestones and which of them `text` says are done. */
export async function readSteps(deps: Pick<Deps, 'db'>, taskId: number, text: string): Promise<TaskSteps> {
  const steps = await deps.db.milestone.findMany({ where: { taskId }, orderBy: [{ due: 'asc' }, { position: 'asc' }] });
  const done = steps.length ? stepsDone(text, steps.map((s) => ({ id: s.id, text: s.text, done: s.doneAt !== null }))) : { ids: [], stepOnly: false };
  return { steps, done };
}

/** The status to record: a step's 「已完成」 (or no status word beside a step done) is 「按计划推进」. */
export function statusWithSteps(status: ReportStatus | null, s: TaskSteps): ReportStatus | null {
  return s.done.stepOnly && (status === 'done' || status === null) ? 'on_track' : status;
}

/** Marks the steps the report says are done; the ones this call marked, for the confirmation. */
export async function markSteps(
  deps: Pick<Deps, 'db'>,
  s: TaskSteps,
  m: { reportId: number; actor: string; now: Date; chatId: string | null; messageId: string | null },
): Promise<{ due: string; text: string }[]> {
  const marked: { due: string; text: string }[] = [];
  for (const id of s.done.ids) {
    const step = s.steps.find((x) => x.id === id);
    if (step && (await markMilestoneDone(deps.db, { milestone: step, ...m }))) marked.push({ due: step.due, text: step.text });
  }
  return marked;
}
