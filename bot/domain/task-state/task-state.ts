/**
 * taskState(input, ctx) → TaskState: the one place a task's state is decided (STYLE habit 11).
 * Pure: the moment, the plan's period and working days come in `ctx` (stateContext).
 */
import { toDayNumber } from '../calendar/civil-date.js';
import { shanghaiDate } from '../calendar/shanghai-time.js';
import { lightOf } from './light.js';
import { progressOf } from './progress.js';
import { reportingOf } from './reporting.js';
import { targetState } from './target-state.js';
import type { NextMilestone, StateContext, TaskState, TaskStateInput } from './types.js';

/** Calendar days from `today` to `date`: 0 the same day, negative when `date` is past. */
const daysBetween = (today: string, date: string): number => toDayNumber(date) - toDayNumber(today);

/** Floating-point slack at the start-due threshold (as target-state.ts has at its own). */
const EPS = 1e-9;

export function taskState(task: TaskStateInput, ctx: StateContext): TaskState {
  const at = ctx.now.getTime();
  const reports = task.reports
    .filter((r) => r.createdAt.getTime() <= at)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
  const onLeave = task.owners.filter((o) => o.leave.some((l) => l.from <= ctx.today && ctx.today <= l.to)).map((o) => o.personId);
  // A task's time runs from its own start (or the plan's) to its effective deadline.
  const start = task.startDate ?? ctx.plan.start;
  const timeShare = ctx.elapsed(start, task.deadline);
  const targets = task.targets.map((t) => targetState(t, start, task.deadline, ctx));
  const reporting = reportingOf(task, reports, onLeave, ctx);
  const { progress, source } = progressOf(task, reports, reporting, ctx.today);
  const workdaysLeft = ctx.workdaysTo(task.deadline);
  // Nothing done is on pace only while the time gone is within the slack green allows (10% by default);
  // EPS: 1 − 0.9 is 0.0999…98 in floating point, and 25 of 250 working days gone is within 10%.
  const startDue = timeShare > 1 - ctx.settings.greenAt + EPS;
  const { light, reasons } = lightOf(task, progress, reporting, targets, workdaysLeft, ctx.settings.dueSoonWorkdays, startDue);
  return {
    taskId: task.id,
    lifecycle: task.lifecycle,
    light,
    reasons,
    progress,
    progressSource: source,
    reporting,
    deadline: { date: task.deadline, planned: task.plannedDeadline !== task.deadline ? task.plannedDeadline : null, workdaysLeft, daysLeft: daysBetween(ctx.today, task.deadline) },
    time: { start, share: timeShare },
    targets,
    reports,
    percent: reports.find((r) => r.percent !== null)?.percent ?? null,
    onLeave,
    extensionRequests: task.extensionRequests,
    nextMilestone: nextMilestoneOf(task, ctx),
  };
}

/** The earliest open milestone (a done mark made after `now` does not count yet), of an active task only. */
function nextMilestoneOf(task: TaskStateInput, ctx: StateContext): NextMilestone | null {
  if (task.lifecycle !== 'active') return null;
  const at = ctx.now.getTime();
  const open = task.milestones
    .filter((m) => m.doneAt === null || m.doneAt.getTime() > at)
    .sort((a, b) => (a.due === b.due ? a.id - b.id : a.due < b.due ? -1 : 1))[0];
  return open ? { id: open.id, due: open.due, text: open.text, workdaysLeft: ctx.workdaysTo(open.due), daysLeft: daysBetween(ctx.today, open.due) } : null;
}

/** The Shanghai date a report was made: for 「最近填报」 lines. */
export const reportDate = (r: { createdAt: Date }): string => shanghaiDate(r.createdAt);
