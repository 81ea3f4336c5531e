/**
 * Gathers what the leader's escalation card shows: the task and its state at the moment of sending
 * (the task-state engine, loadTaskState), the names behind its reports, the latest 批示 and the
 * completion request it waits on. It selects from the state and computes nothing of its own.
 */
import type { Deps } from '../deps.js';
import { shanghaiDate, shanghaiMinute } from '../domain/calendar/shanghai-time.js';
import type { StateReport } from '../domain/task-state/types.js';
import type { EscalationCardInput } from '../feishu/cards/escalation-card.js';
import { latestInstructions } from './instructions.js';
import { openRequest } from './lifecycle.js';
import { loadTaskState, type PlanStates, type TaskView } from './task-states.js';

/** `loaded`: the task's state at `now` and its plan, when the caller has read them already (the sender reads them for its checks). */
export async function escalationCardInput(
  deps: Pick<Deps, 'db' | 'calendar'>, taskId: number, now: Date, loaded?: { plan: PlanStates['plan']; task: TaskView },
): Promise<EscalationCardInput> {
  const { plan, task } = loaded ?? await loadTaskState(deps.db, { taskId, now, calendar: deps.calendar });
  const s = task.state;
  const latest = s.reports[0] ?? null;
  // The report the engine read the progress from, when it says blocked or at risk (an overdue task keeps the last word said).
  const said = s.progressSource?.status;
  const source = said === 'blocked' || said === 'at_risk' ? s.progressSource : null;
  const ids = [latest, source].flatMap((r) => (r?.personId == null ? [] : [r.personId]));
  const names = new Map((await deps.db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const words = (r: StateReport) => ({ reportId: r.id, by: (r.personId !== null && names.get(r.personId)) || '（未知）', at: shanghaiMinute(r.createdAt), text: r.rawText });
  const instruction = (await latestInstructions(deps.db, [task.id], now)).get(task.id);
  const request = s.lifecycle === 'done_pending' ? await openRequest(deps.db, task.id) : null;
  return {
    task: { id: task.id, code: task.shownCode, title: task.title },
    owners: task.owners.map((o) => o.name),
    collaborators: task.collaborators.map((o) => o.name),
    state: s,
    today: shanghaiDate(now),
    periodStart: plan.periodStart,
    latestReport: latest && words(latest),
    blocker: source && { ...words(source), status: said as 'blocked' | 'at_risk' },
    latestInstruction: instruction ? { by: instruction.by, at: shanghaiMinute(instruction.at), text: instruction.text } : null,
    completionRequestId: request?.entryId ?? null,
  };
}
