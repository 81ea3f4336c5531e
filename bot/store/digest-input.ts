/**
 * Gathers a plan's digest input at `now`: the engine's state of every task (loadTaskStates), its latest
 * 批示, how much evidence (佐证材料) each has, the week, the previous snapshot.
 */
import { addDays, isoWeek } from '../domain/calendar/civil-date.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { workdaysIn, type WorkCalendar } from '../domain/calendar/work-calendar.js';
import { readSnapshot } from '../domain/digest/changes.js';
import { TREND_WEEKS } from '../domain/digest/sparkline.js';
import type { DigestInput } from '../domain/digest/types.js';
import { lastWorkdayOfWeek } from '../domain/schedule/periods.js';
import type { Db } from './db.js';
import { latestInstructions, type InstructionView } from './instructions.js';
import { evidenceCounts } from './evidence.js';
import { loadTaskStates } from './task-states.js';

/** The ISO week of `today` with its first and last working days (null when it has none). */
export function digestWeek(cal: WorkCalendar, today: string) {
  const { year, week, monday } = isoWeek(today);
  const days = workdaysIn(cal, monday, addDays(monday, 6));
  const last = lastWorkdayOfWeek(cal, today);
  return { id: `${year}-W${String(week).padStart(2, '0')}`, number: week, firstWorkday: days[0] ?? monday, lastWorkday: last ?? addDays(monday, 4), hasWorkday: days.length > 0 };
}

export async function loadDigestInput(db: Db, planId: number, now: Date, cal: WorkCalendar): Promise<DigestInput> {
  const { plan, ctx, tasks } = await loadTaskStates(db, { planId, now, calendar: cal });
  const instructions = await latestInstructions(db, tasks.map((t) => t.id), now);
  const week = digestWeek(cal, ctx.today);
  // The earlier digests' snapshots, newest first: the previous one says what changed, all draw each target's trend.
  const earlier = await db.digestSnapshot.findMany({ where: { planId, week: { lt: week.id } }, orderBy: { week: 'desc' }, take: TREND_WEEKS - 1 });
  const previousRow = earlier[0] ?? null;
  const evidence = await evidenceCounts(db, tasks.map((t) => t.id), now);
  return {
    plan,
    now,
    today: ctx.today,
    timeShare: ctx.elapsed(plan.periodStart, plan.periodEnd),
    week: { id: week.id, number: week.number, firstWorkday: week.firstWorkday, lastWorkday: week.lastWorkday },
    previous: previousRow ? readSnapshot(previousRow.json) : null,
    history: earlier.map((r) => readSnapshot(r.json)).filter((s) => s !== null).reverse(),
    tasks: tasks.map((t) => ({
      id: t.id,
      code: t.code,
      shownCode: t.shownCode,
      title: t.title,
      section: t.section && { ordinal: t.section.ordinal, title: t.section.title },
      leadUnits: t.leadUnits,
      owners: t.owners.map((o) => ({ personId: o.personId, name: o.name })),
      state: t.state,
      instruction: instructionOf(instructions.get(t.id)),
      evidence: evidence.get(t.id) ?? 0,
    })),
  };
}

const instructionOf = (i: InstructionView | undefined) => (i ? { by: i.by, date: shanghaiDate(i.at), text: i.text } : null);
