/** Gathers what the nudge card shows: the task and its state at the moment of sending (the task-state engine). */
import type { Deps } from '../deps.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import type { NudgeCardInput } from '../feishu/cards/nudge-card.js';
import { shanghaiMinute } from '../domain/calendar/shanghai-time.js';
import { returnedReportOf } from './return-report.js';
import { loadTaskState, type TaskView } from './task-states.js';

/** `loaded`: the task's state at `now`, when the caller has read it already (the sender reads it for its checks). */
export async function nudgeCardInput(
  deps: Pick<Deps, 'db' | 'calendar' | 'schedule'>,
  n: { taskId: number; period: string; kind: string; planId?: number },
  now: Date,
  loaded?: { task: TaskView },
): Promise<NudgeCardInput> {
  const { task } = loaded ?? await loadTaskState(deps.db, { taskId: n.taskId, ...(n.planId === undefined ? {} : { planId: n.planId }), now, calendar: deps.calendar });
  // The card's colour follows the nudge: the ladder's level, not the task's light.
  const overdue = Number(n.kind.match(/overdue-(\d+)/)?.[1] ?? 0);
  const returnedId = returnedReportOf(n.kind);
  const returned = returnedId === null ? null : await returnedView(deps, returnedId);
  const level = n.kind.startsWith('leader-') || overdue >= deps.schedule.redAfter ? 'red' : overdue > 0 || returned ? 'yellow' : /(^|-)deadline-\d+$/.test(n.kind) ? 'blue' : null;
  return {
    task: { id: task.id, code: task.shownCode, title: task.title, body: task.body },
    state: task.state,
    today: shanghaiDate(now),
    positions: task.targetPositions,
    period: n.period,
    kind: n.kind,
    level,
    ...(returned ? { returned } : {}),
  };
}

/** Who returned the report, when, why, and what it said. */
async function returnedView(deps: Pick<Deps, 'db'>, reportId: number): Promise<NudgeCardInput['returned'] | null> {
  const r = await deps.db.report.findUnique({ where: { id: reportId }, select: { rawText: true, returnedAt: true, returnedBy: true, returnReason: true } });
  if (!r?.returnedAt) return null;
  const by = r.returnedBy ? await deps.db.person.findUnique({ where: { openId: r.returnedBy }, select: { name: true } }) : null;
  return { by: by?.name ?? '管理员', at: shanghaiMinute(r.returnedAt), reason: r.returnReason ?? '', text: r.rawText };
}
