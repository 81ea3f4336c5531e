/**
 * The check-in period's reporting for a task. Pure. Only an open (active) task is asked; it is
 * reported when a report falls in the current period, and missing when a check-in went out and
 * none came (unless every owner is on leave today). A period whose newest report was returned for
 * more (退回补充) is not reported until a newer one comes: the return asked, whether or not a
 * check-in did. Otherwise nobody was asked, and that is said as such — never as 「已全部报送」.
 * `reports` are newest first.
 */
import type { Reporting, StateContext, StateReport, TaskStateInput } from './types.js';

export function reportingOf(task: TaskStateInput, reports: StateReport[], onLeave: number[], ctx: StateContext): Reporting {
  if (task.cadence === 'off') return { period: null, asked: false, reported: null, why: 'cadence_off' };
  const period = ctx.periodOf(task.cadence);
  const newest = reports.find((r) => r.period === period);
  const reported = newest !== undefined;
  if (task.lifecycle !== 'active') return { period, asked: false, reported: reported ? true : null, why: reported ? 'reported' : 'not_active' };
  const asked = task.askedPeriods.includes(period);
  if (newest?.returned) return { period, asked, reported: false, why: 'returned' };
  if (reported) return { period, asked, reported: true, why: 'reported' };
  if (!asked) return { period, asked, reported: null, why: 'not_asked' };
  const everyoneAway = task.owners.length > 0 && onLeave.length === task.owners.length;
  return everyoneAway ? { period, asked, reported: null, why: 'on_leave' } : { period, asked, reported: false, why: 'missing' };
}
