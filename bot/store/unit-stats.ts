/**
 * The per-unit counts (bot/domain/papers/unit-stats.ts) of a plan over the last weeks: the engine's
 * states at the end of each of the previous `weeks - 1` ISO weeks (Sunday 23:59, Beijing time) and at
 * `now`. A past week is seen through today's assignments and lead units (the store keeps no history
 * of those), with the reports and check-ins made by then. `current`: the states at `now` when the caller has them.
 */
import { addDays, isoWeek } from '../domain/calendar/civil-date.js';
import { atShanghai, shanghaiDate } from '../domain/calendar/shanghai-time.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { unitStats, type UnitMoment, type UnitRow } from '../domain/papers/unit-stats.js';
import { inChunks } from './chunks.js';
import type { Db } from './db.js';
import { loadTaskStates, type PlanStates } from './task-states.js';

export const STATS_WEEKS = 4;

export async function loadUnitStats(db: Db, o: { planId: number; now: Date; calendar: WorkCalendar; weeks?: number; current?: PlanStates }): Promise<{ moments: { date: string; label: string }[]; rows: UnitRow[] }> {
  const weeks = o.weeks ?? STATS_WEEKS;
  const today = shanghaiDate(o.now);
  const monday = isoWeek(today).monday;
  const at: Date[] = [];
  for (let i = weeks - 1; i >= 1; i -= 1) at.push(atShanghai(addDays(monday, -7 * i + 6), '23:59'));
  at.push(o.now);
  const moments: UnitMoment[] = [];
  for (const now of at) {
    const states = now === o.now && o.current ? o.current : await loadTaskStates(db, { planId: o.planId, now, calendar: o.calendar });
    const ownerIds = [...new Set(states.tasks.flatMap((t) => t.owners.map((p) => p.personId)))];
    const people = await inChunks(ownerIds, (slice) => db.person.findMany({ where: { id: { in: slice } }, select: { id: true, department: true } }));
    const departments = new Map(people.map((p) => [p.id, p.department ?? '']));
    const date = shanghaiDate(now);
    moments.push({
      date,
      label: `第${isoWeek(date).week}周`,
      tasks: states.tasks.map((t) => ({ leadUnits: t.leadUnits, ownerDepartments: t.owners.map((p) => departments.get(p.personId) ?? ''), state: t.state })),
    });
  }
  return { moments: moments.map((m) => ({ date: m.date, label: m.label })), rows: unitStats(moments) };
}
