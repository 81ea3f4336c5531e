/**
 * What a task's reports and dates say (Progress). Pure. In order: done (closed, or an owner said
 * so and awaits confirmation) → overdue (open past its effective deadline) → the status said in
 * the current check-in period → missing (asked this period, no report, not every owner on leave)
 * → the last status said before → unknown (never a report). A report with numbers but no status
 * word counts as 按计划 when none ever said one. A 「已完成」 said before the task was returned to
 * work (lifecycleSince) no longer counts.
 */
import type { Progress, Reporting, StateReport, TaskStateInput } from './types.js';

export interface ProgressFinding {
  progress: Progress;
  source: StateReport | null;
}

export function progressOf(task: TaskStateInput, reports: StateReport[], reporting: Reporting, today: string): ProgressFinding {
  if (task.lifecycle === 'closed' || task.lifecycle === 'done_pending') {
    return { progress: 'done', source: reports.find((r) => r.status === 'done') ?? null };
  }
  const voided = (r: StateReport) => r.status === 'done' && task.lifecycleSince !== null && r.createdAt <= task.lifecycleSince;
  const said = reports.filter((r) => r.status !== null && !voided(r));
  const stated = said[0] ?? null;
  const found = (progress: Progress, source: StateReport | null): ProgressFinding => ({ progress, source });
  if (today > task.deadline) return found('overdue', stated);
  const current = reporting.period === null ? [] : reports.filter((r) => r.period === reporting.period);
  if (current.length > 0) {
    const now = current.find((r) => r.status !== null && !voided(r));
    if (now?.status) return found(now.status, now);
    return stated?.status ? found(stated.status, stated) : found('on_track', current[0] ?? null);
  }
  if (reporting.reported === false) return found('missing', null);
  if (reports.length === 0) return found('unknown', null);
  return stated?.status ? found(stated.status, stated) : found('on_track', reports[0] ?? null);
}
