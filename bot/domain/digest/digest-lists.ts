/** The digest's lists drawn from the built tasks: needs leaders, due soon, not reported, chart. Pure. */
import { toDayNumber } from '../calendar/civil-date.js';
import type { BuiltTask } from './build-task.js';
import type { AttentionItem, AttentionReason, ChartBar, DueItem, MissingReporter } from './model.js';
import type { DigestTaskInput } from './types.js';
import { clip } from './words.js';

const round1 = (x: number): number => Math.round(x * 1000) / 10;

/**
 * Every red task, and every task with a pending extension request, in plan order. Reasons:
 * the blocker (the words of the report that said 受阻), overdue, extension requests, and
 * each target far behind pace.
 */
export function needsLeaders(built: readonly BuiltTask[], inputs: readonly DigestTaskInput[]): AttentionItem[] {
  const out: AttentionItem[] = [];
  built.forEach(({ task, blocker }, i) => {
    const requests = inputs[i]?.extensionRequests ?? [];
    if (task.light !== 'red' && requests.length === 0) return;
    const reasons: AttentionReason[] = [];
    if (task.status === 'blocked') reasons.push({ kind: 'blocked', blocker: blocker ?? '' });
    if (task.status === 'overdue') reasons.push({ kind: 'overdue', deadline: task.deadline, workdaysLate: -task.workdaysLeft });
    for (const r of requests) reasons.push({ kind: 'extension', by: r.by, to: r.to, reason: clip(r.reason, 100) });
    for (const t of task.targets) if (t.verdict === 'far_behind') reasons.push({ kind: 'behind', target: t });
    out.push({
      taskId: task.id,
      code: task.code,
      title: task.title,
      light: task.light,
      status: task.status,
      owners: task.owners,
      leadUnits: task.leadUnits,
      reasons,
    });
  });
  return out;
}

/** Not-done tasks whose deadline is today or within `days` calendar days, soonest first. */
export function dueSoon(built: readonly BuiltTask[], today: string, days: number): DueItem[] {
  const start = toDayNumber(today);
  const out: (DueItem & { order: number })[] = [];
  built.forEach(({ task }, order) => {
    if (task.status === 'done') return;
    const daysLeft = toDayNumber(task.deadline) - start;
    if (daysLeft < 0 || daysLeft > days) return;
    const { id: taskId, code, title, deadline, workdaysLeft, status, light } = task;
    out.push({ taskId, code, title, deadline, daysLeft, workdaysLeft, status, light, order });
  });
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.order - b.order).map(({ order: _order, ...item }) => item);
}

/** Owners (not on leave) of tasks marked 未报送, each with their tasks, in plan order. */
export function missingReporters(built: readonly BuiltTask[], inputs: readonly DigestTaskInput[]): MissingReporter[] {
  const byPerson = new Map<number, MissingReporter>();
  built.forEach(({ task }, i) => {
    if (task.status !== 'missing') return;
    for (const o of inputs[i]?.owners ?? []) {
      if (o.onLeave) continue;
      let person = byPerson.get(o.personId);
      if (!person) byPerson.set(o.personId, (person = { personId: o.personId, name: o.name, tasks: [] }));
      person.tasks.push({ code: task.code, title: task.title });
    }
  });
  return [...byPerson.values()];
}

/** Every target with something reported: percent reached vs percent of working time elapsed. */
export function chartBars(built: readonly BuiltTask[]): ChartBar[] {
  return built.flatMap(({ task }) =>
    task.targets
      .filter((t) => t.reached !== null)
      .map((t) => ({ taskCode: task.code, label: t.label, reachedPct: round1(t.reached ?? 0), timePct: round1(t.timeShare), verdict: t.verdict, ratio: t.ratio })),
  );
}
