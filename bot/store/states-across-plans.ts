/**
 * The task-state engine's states for tasks of any plan (the chat commands are not tied to one plan):
 * every task of every plan, or the given tasks, in plan then task order.
 */
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { inChunks } from './chunks.js';
import type { Db } from './db.js';
import { loadTaskStates, type TaskView } from './task-states.js';

/** `inForce`: only plans not archived (归档), whose tasks are still asked about. */
export async function loadStatesAcrossPlans(db: Db, o: { now: Date; calendar: WorkCalendar; taskIds?: number[]; inForce?: boolean }): Promise<TaskView[]> {
  const byPlan = new Map<number, number[] | undefined>();
  if (o.taskIds) {
    const rows = await inChunks(o.taskIds, (slice) => db.task.findMany({ where: { id: { in: slice }, removedAt: null }, select: { id: true, planId: true } }));
    for (const r of rows) byPlan.set(r.planId, [...(byPlan.get(r.planId) ?? []), r.id]);
  } else {
    for (const p of await db.plan.findMany({ where: o.inForce ? { archivedAt: null } : {}, select: { id: true } })) byPlan.set(p.id, undefined);
  }
  const out: TaskView[] = [];
  for (const planId of [...byPlan.keys()].sort((a, b) => a - b)) {
    const taskIds = byPlan.get(planId);
    out.push(...(await loadTaskStates(db, { planId, now: o.now, calendar: o.calendar, ...(taskIds ? { taskIds } : {}) })).tasks);
  }
  return out;
}
