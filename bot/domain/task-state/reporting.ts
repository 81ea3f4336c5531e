/**
 * The check-in period's reporting for a task. Pure. Only an open (active) task is asked; it is
 * reported when a report falls in the current period, and missing when a check-in went out and
 * none came (unless every owner is on leave today). A period whose newest report was returned for
 * more (退回补充) is not reported until a newer one comes: the return asked, whether or not a
 * check-in did. Otherwise nobody was asked, and that is said as such — never as 「已全部报送」.
 * An owner who asked to report later (「明天再报」, a snooze of the period) and has not yet is listed in
 * `later` with the day asked for, whatever else is the case (the period stays missing when asked).
 * `reports` are newest first.
 */
import { shanghaiDate } from '../calendar/shanghai-time.js';
import type { ReportLater, Reporting, StateContext, StateReport, TaskStateInput } from './types.js';

export function reportingOf(task: TaskStateInput, reports: StateReport[], onLeave: number[], ctx: StateContext): Reporting {
  if (task.cadence === 'off') return { period: null, asked: false, reported: null, why: 'cadence_off', later: [] };
  const period = ctx.periodOf(task.cadence);
  const newest = reports.find((r) => r.period === period);
  const reported = newest !== undefined;
  if (task.lifecycle !== 'active') return { period, asked: false, reported: reported ? true : null, why: reported ? 'reported' : 'not_active', later: [] };
  const asked = task.askedPeriods.includes(period);
  if (newest?.returned) return { period, asked, reported: false, why: 'returned', later: laterOf(task, period, ctx) };
  if (reported) return { period, asked, reported: true, why: 'reported', later: [] };
  const later = laterOf(task, period, ctx);
  if (!asked) return { period, asked, reported: null, why: 'not_asked', later };
  const everyoneAway = task.owners.length > 0 && onLeave.length === task.owners.length;
  return everyoneAway ? { period, asked, reported: null, why: 'on_leave', later } : { period, asked, reported: false, why: 'missing', later };
}

/** Each owner's latest snooze of the period, while its day is today or ahead. */
function laterOf(task: TaskStateInput, period: string, ctx: StateContext): ReportLater[] {
  return task.owners.flatMap((o) => {
    const mine = task.snoozes
      .filter((z) => z.personId === o.personId && z.period === period)
      .sort((a, b) => a.until.getTime() - b.until.getTime());
    const last = mine.at(-1);
    if (!last) return [];
    const date = shanghaiDate(last.until);
    if (date < ctx.today) return [];
    return [{ personId: o.personId, until: last.until, date, ask: last.ask }];
  });
}
