/**
 * A task's status at `now` as the digest shows it (DigestStatus). Pure.
 *
 * In order: done (state done, or the latest report that states a status says done) →
 * overdue (past the deadline) → the latest status reported in the current period →
 * missing (asked this period, no report for it, not every owner on leave) → the latest
 * earlier status → unknown (never a report). A report that gives numbers but no status
 * word counts as 按计划 when no report ever stated a status.
 */
import type { DigestReport, DigestStatus, DigestTaskInput } from './types.js';

export interface StatusFinding {
  status: DigestStatus;
  /** The report the status was read from, if any (its words are the blocker for 'blocked'). */
  source: DigestReport | null;
  /** Reports made by `now`, newest first. */
  reports: DigestReport[];
}

/** Reports created by `now`, newest first (ties: higher id first). */
export function reportsAt(task: DigestTaskInput, now: Date): DigestReport[] {
  const at = now.getTime();
  return task.reports
    .filter((r) => r.createdAt.getTime() <= at)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
}

export function allOwnersOnLeave(task: DigestTaskInput): boolean {
  return task.owners.length > 0 && task.owners.every((o) => o.onLeave);
}

export function taskStatus(task: DigestTaskInput, today: string, now: Date): StatusFinding {
  const reports = reportsAt(task, now);
  const stated = reports.find((r) => r.status !== null) ?? null;
  const found = (status: DigestStatus, source: DigestReport | null): StatusFinding => ({ status, source, reports });

  if (task.state === 'done') return found('done', stated?.status === 'done' ? stated : null);
  if (stated?.status === 'done') return found('done', stated);
  if (today > task.deadline) return found('overdue', stated);

  const current = task.currentPeriod === null ? [] : reports.filter((r) => r.period === task.currentPeriod);
  if (current.length > 0) {
    const said = current.find((r) => r.status !== null);
    if (said?.status) return found(said.status, said);
    return stated?.status ? found(stated.status, stated) : found('on_track', current[0] ?? null);
  }
  if (task.askedThisPeriod && !allOwnersOnLeave(task)) return found('missing', null);
  if (reports.length === 0) return found('unknown', null);
  return stated?.status ? found(stated.status, stated) : found('on_track', reports[0] ?? null);
}
