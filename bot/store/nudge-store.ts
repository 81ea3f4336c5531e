/**
 * What the sweep and the sender need from the store: tasks with their
 * people, leave and answered periods; nudge rows keyed by their stable key
 * and claimed with a conditional update before a send.
 */
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { periodOf } from '../domain/schedule/periods.js';
import type { Cadence, PeriodCadence } from '../domain/schedule/settings.js';
import type { DueNudge, TaskForSchedule } from '../domain/schedule/types.js';
import { lifecycleOf } from '../domain/task-state/lifecycle.js';
import { inChunks } from './chunks.js';
import type { Db } from './db.js';

/** Reports count as answers for the periods they fall in; look back this far. */
const LOOKBACK_DAYS = 70;

/** Active tasks only (the stored status 'active'): a task awaiting confirmation, closed or paused is not nudged. */
export async function loadScheduleInputs(db: Db, now: Date): Promise<TaskForSchedule[]> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  // Tasks of plans still in force: an archived plan (归档) is nudged no more.
  const ids = (await db.task.findMany({ where: { removedAt: null, status: 'active', plan: { archivedAt: null } }, select: { id: true }, orderBy: { id: 'asc' } })).map((t) => t.id);
  const tasks = await inChunks(ids, (slice) => db.task.findMany({
    where: { id: { in: slice } },
    include: {
      assignments: { where: { active: true, role: { in: ['owner', 'leader'] } }, include: { person: { include: { leaves: true } } } },
      reports: { where: { revokedAt: null, createdAt: { gte: since } }, select: { createdAt: true } },
      snoozes: { where: { createdAt: { gte: since } }, select: { personId: true, period: true, until: true } },
      milestones: { where: { doneAt: null }, select: { id: true, due: true } },
    },
  }));
  return tasks.map((t) => {
    const cadence = (['weekly', 'biweekly', 'monthly', 'off'].includes(t.cadence) ? t.cadence : 'weekly') as Cadence;
    // A report on the task answers its period for every owner.
    const answered = cadence === 'off' ? [] : [...new Set(t.reports.map((r) => periodOf(cadence as PeriodCadence, shanghaiDate(r.createdAt)).id))];
    const person = (a: (typeof t.assignments)[number]) => ({
      personId: a.personId,
      leave: a.person.leaves.map((l) => ({ from: l.fromDate, to: l.toDate })),
      answeredPeriods: answered,
      snoozes: t.snoozes.filter((z) => z.personId === a.personId).map((z) => ({ period: z.period, until: z.until })),
    });
    return {
      taskId: t.id,
      lifecycle: lifecycleOf(t.status),
      cadence,
      deadline: t.deadline,
      owners: t.assignments.filter((a) => a.role === 'owner').map(person),
      leaders: t.assignments.filter((a) => a.role === 'leader').map(person),
      openMilestones: t.milestones,
    };
  });
}

/**
 * Creates the rows of nudges not seen before; returns the keys still waiting to be sent.
 * A sweep repeats every due nudge of the period each minute, so the keys already stored
 * are read first (in slices) and only new ones written, in batches; trying to create
 * each one and catching the unique violation took ~60 s for 30,000 nudges (bench/sweep.ts).
 * A batch that races another sweep falls back to one row at a time. When a key is both
 * skipped and due, the first record (skipped) wins, as before.
 */
export async function recordNudges(db: Db, due: DueNudge[], skipped: DueNudge[], now: Date): Promise<string[]> {
  const rows = new Map<string, ReturnType<typeof nudgeRow>>();
  for (const n of skipped) if (!rows.has(n.key)) rows.set(n.key, nudgeRow(n, 'skipped', now));
  for (const n of due) if (!rows.has(n.key)) rows.set(n.key, nudgeRow(n, 'pending', now));
  const stored = await inChunks([...rows.keys()], (slice) => db.nudge.findMany({ where: { key: { in: slice } }, select: { key: true } }), 500);
  for (const { key } of stored) rows.delete(key);
  const fresh = [...rows.values()];
  for (let i = 0; i < fresh.length; i += 500) await createAll(db, fresh.slice(i, i + 500));
  if (!due.length) return [];
  const waiting = await inChunks(
    due.map((n) => n.key),
    (slice) => db.nudge.findMany({ where: { key: { in: slice }, state: { in: ['pending', 'sending'] } }, select: { key: true } }),
    500,
  );
  return waiting.map((w) => w.key);
}

function nudgeRow(n: DueNudge, state: 'pending' | 'skipped', now: Date) {
  return { key: n.key, taskId: n.taskId, personId: n.personId, period: n.period, kind: n.kind, dueAt: n.dueAt, state, createdAt: now };
}

/**
 * Writes the rows in one statement. When another sweep wrote some of them first, the rows it
 * wrote are read back and the rest written again in one statement (not row by row: a race on a
 * big batch then costs two statements, not hundreds); after a few rounds, row by row.
 */
async function createAll(db: Db, data: ReturnType<typeof nudgeRow>[]): Promise<void> {
  const isDuplicate = (e: unknown) => (e as { code?: string }).code === 'P2002';
  let rows = data;
  for (let round = 0; rows.length && round < 3; round++) {
    try {
      await db.nudge.createMany({ data: rows });
      return;
    } catch (e) {
      if (!isDuplicate(e)) throw e;
      const taken = new Set((await db.nudge.findMany({ where: { key: { in: rows.map((r) => r.key) } }, select: { key: true } })).map((r) => r.key));
      rows = rows.filter((r) => !taken.has(r.key));
    }
  }
  for (const row of rows) await db.nudge.create({ data: row }).catch((err: unknown) => {
    if (!isDuplicate(err)) throw err;
  });
}

/**
 * Claims a nudge for sending: pending → sending, or a 'sending' claim older
 * than the lease (its sender died). Only one caller wins.
 */
export async function claimNudge(db: Db, key: string, now: Date, leaseMs: number): Promise<boolean> {
  // Raw SQL, the same on SQLite and PostgreSQL: one statement either way, without Prisma's query compiler.
  const claimed = await db.$executeRaw`
    UPDATE "Nudge" SET "state" = 'sending', "claimedAt" = ${now}, "attempts" = "attempts" + 1
    WHERE "key" = ${key} AND ("state" = 'pending' OR ("state" = 'sending' AND "claimedAt" < ${new Date(now.getTime() - leaseMs)}))`;
  return claimed === 1;
}

/** A nudge as the sender reads it, with its person and whether its period is answered. */
export interface NudgeToSend {
  key: string;
  taskId: number;
  personId: number;
  period: string;
  kind: string;
  state: string;
  person: { name: string; openId: string | null };
  /**
   * The period's newest report (not revoked) on the task: 'answered' when it stands, 'returned' when it was
   * returned for more (退回补充, which does not answer), null when there is none.
   */
  periodReport: 'answered' | 'returned' | null;
}

/**
 * The nudge by its key, its person, and its period's newest report: one statement (raw SQL, the same on SQLite
 * and PostgreSQL), where Prisma read the nudge, its task, the plan and the person, then the report, apart.
 */
export async function nudgeToSend(db: Db, key: string): Promise<NudgeToSend | null> {
  const rows = await db.$queryRaw<{ taskId: number; personId: number; period: string; kind: string; state: string; name: string; openId: string | null; newest: number | bigint | null }[]>`
    SELECT n."taskId", n."personId", n."period", n."kind", n."state", p."name", p."openId",
      (SELECT CASE WHEN r."returnedAt" IS NULL THEN 1 ELSE 0 END FROM "Report" r
        WHERE r."taskId" = n."taskId" AND r."period" = n."period" AND r."revokedAt" IS NULL
        ORDER BY r."createdAt" DESC, r."id" DESC LIMIT 1) AS "newest"
    FROM "Nudge" n JOIN "Person" p ON p."id" = n."personId"
    WHERE n."key" = ${key}`;
  const r = rows[0];
  if (!r) return null;
  return {
    key, taskId: Number(r.taskId), personId: Number(r.personId), period: r.period, kind: r.kind, state: r.state, person: { name: r.name, openId: r.openId },
    periodReport: r.newest === null ? null : Number(r.newest) === 1 ? 'answered' : 'returned',
  };
}

/** A 'sent' nudge's message id is null when Feishu kept saying it was still sending it (`note` says so). Reads nothing back. */
export async function finishNudge(
  db: Db,
  key: string,
  outcome: { state: 'sent'; messageId: string | null; now: Date; note?: string } | { state: 'pending' | 'failed' | 'cancelled'; error?: string },
) {
  if (outcome.state === 'sent') {
    await db.$executeRaw`UPDATE "Nudge" SET "state" = 'sent', "sentAt" = ${outcome.now}, "messageId" = ${outcome.messageId}, "error" = ${outcome.note ?? null} WHERE "key" = ${key}`;
  } else if (outcome.state === 'pending') {
    await db.$executeRaw`UPDATE "Nudge" SET "state" = 'pending', "error" = ${outcome.error ?? null}, "claimedAt" = NULL WHERE "key" = ${key}`;
  } else {
    await db.$executeRaw`UPDATE "Nudge" SET "state" = ${outcome.state}, "error" = ${outcome.error ?? null} WHERE "key" = ${key}`;
  }
}
