/**
 * Which task a free message is about: the nudge or the 「领导批示」 message it
 * replies to; a task it names (「#7」「任务7」「7.」「7号任务」 at the start); the
 * person's only task; the only task they were asked about this period.
 * Otherwise the caller asks.
 * Whether the sender may report on it is not decided here: the caller asks mayReport.
 */
import { planByPrefix } from '../../domain/plan/plan-code.js';
import { loadCodeNamer, plansForCodes } from '../../store/plan-codes.js';
import type { Deps } from '../../deps.js';
import { prefixedTaskAtStart, taskNamedAtStart } from '../../domain/named-task.js';
import { taskOfNotice } from '../../store/instructions.js';

export type Resolution =
  | { kind: 'task'; taskId: number; text: string }
  | { kind: 'choose'; tasks: { id: number; code: string; title: string }[] }
  /** A task marked by number that no task of the plan has. */
  | { kind: 'not-theirs'; code: string }
  | { kind: 'none' };

export async function resolveTask(
  deps: Pick<Deps, 'db'>,
  m: { personId: number | null; parentId: string | null; rootId: string | null; text: string },
): Promise<Resolution> {
  const threadIds = [m.parentId, m.rootId].filter((x): x is string => !!x);
  if (threadIds.length) {
    const nudge = await deps.db.nudge.findFirst({ where: { messageId: { in: threadIds } }, select: { taskId: true } });
    if (nudge) return { kind: 'task', taskId: nudge.taskId, text: m.text };
    // A reply to a leader's 批示 is a report on that task.
    const instructed = await taskOfNotice(deps.db, threadIds);
    if (instructed !== null) return { kind: 'task', taskId: instructed, text: m.text };
  }
  if (m.personId === null) return named(deps, m.text, []);
  const mine = await deps.db.assignment.findMany({
    where: { personId: m.personId, active: true, role: { in: ['owner', 'collaborator'] }, task: { removedAt: null } },
    include: { task: { select: { id: true, code: true, title: true, position: true, planId: true } } },
    orderBy: { task: { position: 'asc' } },
  });
  const tasks = [...new Map(mine.map((a) => [a.task.id, a.task])).values()];
  const byName = await named(deps, m.text, tasks);
  if (byName.kind !== 'none') return byName;
  if (tasks.length === 1) return { kind: 'task', taskId: tasks[0]!.id, text: m.text };
  if (!tasks.length) return { kind: 'none' };
  // The only task this person was asked about and has not answered yet.
  const pending = await deps.db.nudge.findMany({
    where: { personId: m.personId, state: 'sent', kind: { in: ['checkin', 'followup1', 'followup2', 'snooze1', 'snooze2'] }, taskId: { in: tasks.map((t) => t.id) } },
    select: { taskId: true, period: true },
  });
  const open: number[] = [];
  for (const p of pending) {
    const answered = await deps.db.report.count({ where: { taskId: p.taskId, period: p.period, revokedAt: null } });
    if (!answered && !open.includes(p.taskId)) open.push(p.taskId);
  }
  if (open.length === 1) return { kind: 'task', taskId: open[0]!, text: m.text };
  const shown = await loadCodeNamer(deps.db);
  return { kind: 'choose', tasks: tasks.map((t) => ({ id: t.id, code: shown(t.planId, t.code), title: t.title })) };
}

/** The task named at the start of the text: one of the person's own, or, with a marker (「#7」), any task of that number. */
async function named(deps: Pick<Deps, 'db'>, text: string, tasks: { id: number; code: string; planId?: number }[]): Promise<Resolution> {
  const p = prefixedTaskAtStart(text);
  const plan = p && planByPrefix(await plansForCodes(deps.db), p.prefix);
  if (p && plan) {
    const inPlan = await deps.db.task.findFirst({ where: { planId: plan.id, code: p.code, removedAt: null }, select: { id: true } });
    return inPlan ? { kind: 'task', taskId: inPlan.id, text: p.rest || text } : { kind: 'not-theirs', code: p.code };
  }
  const m = taskNamedAtStart(text);
  if (!m) return { kind: 'none' };
  const { code } = m;
  const rest = m.rest || text;
  // Two of the person's tasks (of two plans in force) share the code: not named; the chooser asks.
  const own = tasks.filter((t) => t.code === code);
  if (own.length === 1) return { kind: 'task', taskId: own[0]!.id, text: rest };
  if (own.length > 1) return { kind: 'none' };
  if (!m.marked) return { kind: 'none' };
  const any = await deps.db.task.findMany({ where: { code, removedAt: null }, select: { id: true }, take: 2 });
  return any.length === 1 ? { kind: 'task', taskId: any[0]!.id, text: rest } : { kind: 'not-theirs', code };
}
