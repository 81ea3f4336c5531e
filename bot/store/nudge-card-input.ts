/** Gathers what the nudge card shows: targets with their last values and pace, days left. */
import type { Deps } from '../deps.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { workdaysBetween } from '../domain/calendar/work-calendar.js';
import { elapsedShare, expectedByNow } from '../domain/pace.js';
import type { NudgeCardInput } from '../feishu/cards/nudge-card.js';

export async function latestValues(deps: Pick<Deps, 'db'>, taskId: number): Promise<Map<number, number>> {
  const rows = await deps.db.reportValue.findMany({
    where: { report: { taskId, revokedAt: null } },
    orderBy: [{ report: { createdAt: 'desc' } }, { id: 'desc' }],
    select: { targetId: true, value: true },
  });
  const out = new Map<number, number>();
  for (const r of rows) if (!out.has(r.targetId)) out.set(r.targetId, r.value);
  return out;
}

export async function nudgeCardInput(
  deps: Pick<Deps, 'db' | 'calendar' | 'schedule'>,
  n: { taskId: number; period: string; kind: string },
  now: Date,
): Promise<NudgeCardInput> {
  const task = await deps.db.task.findUniqueOrThrow({
    where: { id: n.taskId },
    include: { plan: { select: { year: true, periodEnd: true } }, targets: { where: { removedAt: null }, orderBy: { position: 'asc' } } },
  });
  const today = shanghaiDate(now);
  const share = elapsedShare(deps.calendar, `${task.plan.year}-01-01`, task.plan.periodEnd, today);
  const last = await latestValues(deps, task.id);
  const left = workdaysBetween(deps.calendar, today, task.deadline);
  const overdue = Number(n.kind.match(/overdue-(\d+)/)?.[1] ?? 0);
  const level = n.kind.startsWith('leader-') || overdue >= deps.schedule.redAfter ? 'red' : overdue > 0 ? 'yellow' : n.kind.startsWith('deadline') ? 'blue' : null;
  return {
    taskId: task.id,
    code: task.code,
    title: task.title,
    body: task.body,
    deadline: task.deadline,
    workdaysLeft: left,
    targets: task.targets.map((t) => ({
      position: t.position,
      label: t.label,
      value: t.value,
      unit: t.unit,
      last: last.get(t.id) ?? null,
      expected: expectedByNow(t.kind, t.value, share),
    })),
    period: n.period,
    kind: n.kind,
    level,
  };
}
