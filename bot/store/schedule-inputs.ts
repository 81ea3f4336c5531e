/**
 * What the sweep reads each minute: the active tasks of plans in force, with their owners and
 * leaders, those people's leave, the periods answered by reports, snoozes and open milestones.
 *
 * Raw SQL, the same on SQLite and PostgreSQL (identifiers quoted, values bound): six plain reads,
 * one per relation, joined in memory. Through Prisma the same read (nested includes in slices of
 * 300 tasks, people with their leave) took about a fifth of the first sweep of a 10,000-task plan
 * and most of every later one (bench/sweep.ts, docs/performance.md).
 * tests/integration/schedule-inputs.test.ts proves it equal to the Prisma read it replaced.
 */
import { Prisma } from './generated/client.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { periodOf } from '../domain/schedule/periods.js';
import type { Cadence, PeriodCadence } from '../domain/schedule/settings.js';
import type { PersonForSchedule, TaskForSchedule } from '../domain/schedule/types.js';
import { lifecycleOf } from '../domain/task-state/lifecycle.js';
import type { Db } from './db.js';
import { queryRows } from './raw-sql.js';

/** Reports count as answers for the periods they fall in; look back this far. */
export const LOOKBACK_DAYS = 70;

const CADENCES: readonly string[] = ['weekly', 'biweekly', 'monthly', 'off'];

/**
 * The tasks swept: not removed, stored status 'active' (a task awaiting confirmation, closed or
 * paused is not nudged), of a plan not archived (归档: nudged no more). `t` is the task.
 */
const SWEPT = Prisma.sql`JOIN "Plan" p ON p."id" = t."planId" WHERE t."removedAt" IS NULL AND t."status" = 'active' AND p."archivedAt" IS NULL`;

type Id = number | bigint;
type At = Date | string;

export async function loadScheduleInputs(db: Db, now: Date): Promise<TaskForSchedule[]> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  const tasks = await queryRows<{ id: Id; status: string; cadence: string; deadline: string | null }>(db, Prisma.sql`
    SELECT t."id", t."status", t."cadence", t."deadline" FROM "Task" t ${SWEPT} ORDER BY t."id"`);
  const roles = await queryRows<{ taskId: Id; personId: Id; role: string }>(db, Prisma.sql`
    SELECT a."taskId", a."personId", a."role" FROM "Assignment" a JOIN "Task" t ON t."id" = a."taskId" ${SWEPT}
      AND a."active" = true AND a."role" IN ('owner', 'leader')
    ORDER BY a."taskId", a."id"`);
  const leaves = await queryRows<{ personId: Id; fromDate: string; toDate: string }>(db, Prisma.sql`
    SELECT l."personId", l."fromDate", l."toDate" FROM "Leave" l
    WHERE l."personId" IN (
      SELECT a."personId" FROM "Assignment" a JOIN "Task" t ON t."id" = a."taskId" ${SWEPT}
        AND a."active" = true AND a."role" IN ('owner', 'leader'))
    ORDER BY l."personId", l."id"`);
  const reports = await queryRows<{ taskId: Id; createdAt: At }>(db, Prisma.sql`
    SELECT r."taskId", r."createdAt" FROM "Report" r JOIN "Task" t ON t."id" = r."taskId" ${SWEPT}
      AND r."revokedAt" IS NULL AND r."createdAt" >= ${since}
    ORDER BY r."taskId", r."id"`);
  const snoozes = await queryRows<{ taskId: Id; personId: Id; period: string; until: At }>(db, Prisma.sql`
    SELECT s."taskId", s."personId", s."period", s."until" FROM "Snooze" s JOIN "Task" t ON t."id" = s."taskId" ${SWEPT}
      AND s."createdAt" >= ${since}
    ORDER BY s."taskId", s."id"`);
  const milestones = await queryRows<{ taskId: Id; id: Id; due: string }>(db, Prisma.sql`
    SELECT m."taskId", m."id", m."due" FROM "Milestone" m JOIN "Task" t ON t."id" = m."taskId" ${SWEPT}
      AND m."doneAt" IS NULL
    ORDER BY m."taskId", m."id"`);

  const group = <R extends { taskId: Id }>(rows: R[]) => {
    const by = new Map<number, R[]>();
    for (const r of rows) {
      const id = Number(r.taskId);
      const list = by.get(id);
      if (list) list.push(r);
      else by.set(id, [r]);
    }
    return by;
  };
  const leaveOf = new Map<number, { from: string; to: string }[]>();
  for (const l of leaves) {
    const id = Number(l.personId);
    const list = leaveOf.get(id) ?? [];
    if (!list.length) leaveOf.set(id, list);
    list.push({ from: l.fromDate, to: l.toDate });
  }
  const rolesOf = group(roles);
  const reportsOf = group(reports);
  const snoozesOf = group(snoozes);
  const milestonesOf = group(milestones);

  return tasks.map((t) => {
    const id = Number(t.id);
    const cadence = (CADENCES.includes(t.cadence) ? t.cadence : 'weekly') as Cadence;
    // A report on the task answers its period for every owner.
    const answered = cadence === 'off' ? [] : [...new Set((reportsOf.get(id) ?? []).map((r) => periodOf(cadence as PeriodCadence, shanghaiDate(new Date(r.createdAt))).id))];
    const taskSnoozes = snoozesOf.get(id) ?? [];
    const person = (personId: number): PersonForSchedule => ({
      personId,
      leave: leaveOf.get(personId) ?? [],
      answeredPeriods: answered,
      snoozes: taskSnoozes.filter((z) => Number(z.personId) === personId).map((z) => ({ period: z.period, until: new Date(z.until) })),
    });
    const taskRoles = rolesOf.get(id) ?? [];
    return {
      taskId: id,
      lifecycle: lifecycleOf(t.status),
      cadence,
      deadline: t.deadline,
      owners: taskRoles.filter((a) => a.role === 'owner').map((a) => person(Number(a.personId))),
      leaders: taskRoles.filter((a) => a.role === 'leader').map((a) => person(Number(a.personId))),
      openMilestones: (milestonesOf.get(id) ?? []).map((m) => ({ id: Number(m.id), due: m.due })),
    };
  });
}
