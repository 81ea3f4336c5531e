/**
 * What the sweep and the sender need from the store: tasks with their
 * people, leave and answered periods; nudge rows keyed by their stable key
 * and claimed with a conditional update before a send.
 */
import { Prisma } from './generated/client.js';
import type { DueNudge } from '../domain/schedule/types.js';
import type { Db } from './db.js';
import { execute, queryRows } from './raw-sql.js';

export { loadScheduleInputs } from './schedule-inputs.js';

/** Rows per INSERT (one statement text for every full batch): 8 values each, well inside SQLite's 32,766 and PostgreSQL's 65,535 bound values. */
const INSERT_ROWS = 1000;
/** Keys per read of the stored ones. */
const READ_KEYS = 1000;

const INSERT_NUDGES = Prisma.raw('INSERT INTO "Nudge" ("key", "taskId", "personId", "period", "kind", "dueAt", "state", "createdAt") VALUES ');

/**
 * Creates the rows of nudges not seen before; returns the keys of `due` still waiting to be sent
 * (pending, or claimed by a sender that has not finished).
 *
 * A sweep repeats every due nudge of the period each minute, so the stored keys are read first and
 * only new nudges written: multi-row `INSERT … ON CONFLICT ("key") DO NOTHING` (SQLite and PostgreSQL
 * alike) returning nothing, so a key another sweep stored meanwhile is left as it is — each nudge is
 * stored once and its state never goes back. Then one read of the waiting keys (the `state` index).
 * Through Prisma (`findMany` of the stored keys in slices, `createMany` in batches of 500 with a
 * fallback for races, the waiting keys in slices) this was three quarters of the first sweep of a
 * 10,000-task plan; writing every due nudge each minute with ON CONFLICT, stored or not, costs five
 * times the read of the stored keys (bench/sweep.ts, docs/performance.md). A key both skipped and
 * due is stored as skipped: skipped rows come first, and the first row of a key wins.
 */
export async function recordNudges(db: Db, due: DueNudge[], skipped: DueNudge[], now: Date): Promise<string[]> {
  const rows = new Map<string, { n: DueNudge; state: 'pending' | 'skipped' }>();
  for (const n of skipped) if (!rows.has(n.key)) rows.set(n.key, { n, state: 'skipped' });
  for (const n of due) if (!rows.has(n.key)) rows.set(n.key, { n, state: 'pending' });
  const keys = [...rows.keys()];
  for (let i = 0; i < keys.length; i += READ_KEYS) {
    const stored = await queryRows<{ key: string }>(db, Prisma.sql`SELECT "key" FROM "Nudge" WHERE "key" IN (${Prisma.join(keys.slice(i, i + READ_KEYS))})`);
    for (const { key } of stored) rows.delete(key);
  }
  const fresh = [...rows.values()].map(({ n, state }) => Prisma.sql`(${n.key}, ${n.taskId}, ${n.personId}, ${n.period}, ${n.kind}, ${n.dueAt}, ${state}, ${now})`);
  for (let i = 0; i < fresh.length; i += INSERT_ROWS) {
    await execute(db, Prisma.sql`${INSERT_NUDGES}${Prisma.join(fresh.slice(i, i + INSERT_ROWS))} ON CONFLICT ("key") DO NOTHING`);
  }
  if (!due.length) return [];
  const wanted = new Set(due.map((n) => n.key));
  const waiting = await queryRows<{ key: string }>(db, Prisma.sql`SELECT "key" FROM "Nudge" WHERE "state" IN ('pending', 'sending')`);
  return waiting.map((w) => w.key).filter((key) => wanted.has(key));
}

/**
 * Claims a nudge for sending: pending → sending, or a 'sending' claim older
 * than the lease (its sender died). Only one caller wins.
 */
export async function claimNudge(db: Db, key: string, now: Date, leaseMs: number): Promise<boolean> {
  // Raw SQL, the same on SQLite and PostgreSQL: one statement either way, without Prisma's query compiler.
  const claimed = await execute(db, Prisma.sql`
    UPDATE "Nudge" SET "state" = 'sending', "claimedAt" = ${now}, "attempts" = "attempts" + 1
    WHERE "key" = ${key} AND ("state" = 'pending' OR ("state" = 'sending' AND "claimedAt" < ${new Date(now.getTime() - leaseMs)}))`);
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
  /** When a sender claimed it ('sending'), or null. */
  claimedAt: Date | null;
  person: { name: string; openId: string | null };
  /**
   * The period's newest report (not revoked) on the task: 'answered' when it stands, 'returned' when it was
   * returned for more (退回补充, which does not answer), null when there is none.
   */
  periodReport: 'answered' | 'returned' | null;
  /** Whether the person is on leave on `today` (the day asked about). */
  onLeave: boolean;
}

/**
 * The nudge by its key, its person, and its period's newest report: one statement (raw SQL, the same on SQLite
 * and PostgreSQL), where Prisma read the nudge, its task, the plan and the person, then the report, apart.
 */
export async function nudgeToSend(db: Db, key: string, today: string): Promise<NudgeToSend | null> {
  const rows = await queryRows<{ taskId: number; personId: number; period: string; kind: string; state: string; claimedAt: Date | string | null; name: string; openId: string | null; newest: number | bigint | null; onLeave: number | bigint | boolean | null }>(db, Prisma.sql`
    SELECT n."taskId", n."personId", n."period", n."kind", n."state", n."claimedAt", p."name", p."openId",
      (SELECT CASE WHEN r."returnedAt" IS NULL THEN 1 ELSE 0 END FROM "Report" r
        WHERE r."taskId" = n."taskId" AND r."period" = n."period" AND r."revokedAt" IS NULL
        ORDER BY r."createdAt" DESC, r."id" DESC LIMIT 1) AS "newest",
      (SELECT 1 FROM "Leave" l WHERE l."personId" = n."personId" AND l."fromDate" <= ${today} AND l."toDate" >= ${today} LIMIT 1) AS "onLeave"
    FROM "Nudge" n JOIN "Person" p ON p."id" = n."personId"
    WHERE n."key" = ${key}`);
  const r = rows[0];
  if (!r) return null;
  return {
    key, taskId: Number(r.taskId), personId: Number(r.personId), period: r.period, kind: r.kind, state: r.state,
    claimedAt: r.claimedAt === null ? null : new Date(r.claimedAt), person: { name: r.name, openId: r.openId },
    periodReport: r.newest === null ? null : Number(r.newest) === 1 ? 'answered' : 'returned',
    onLeave: r.onLeave !== null && Number(r.onLeave) === 1,
  };
}

/**
 * Said of a nudge ended unsent after a sender had claimed it and died (its lease lapsed): that sender may have
 * sent it before dying, between Feishu's answer and the record. The store cannot know; it says so rather than
 * claim the card was never shown.
 */
export const MAYBE_SHOWN = '此前一次发送中断，飞书可能已送达';

/** A 'sent' nudge's message id is null when Feishu kept saying it was still sending it (`note` says so). Reads nothing back. */
export async function finishNudge(
  db: Db,
  key: string,
  outcome: { state: 'sent'; messageId: string | null; now: Date; note?: string } | { state: 'pending' | 'failed' | 'cancelled'; error?: string },
) {
  if (outcome.state === 'sent') {
    await execute(db, Prisma.sql`UPDATE "Nudge" SET "state" = 'sent', "sentAt" = ${outcome.now}, "messageId" = ${outcome.messageId}, "error" = ${outcome.note ?? null} WHERE "key" = ${key}`);
  } else if (outcome.state === 'pending') {
    await execute(db, Prisma.sql`UPDATE "Nudge" SET "state" = 'pending', "error" = ${outcome.error ?? null}, "claimedAt" = NULL WHERE "key" = ${key}`);
  } else {
    await execute(db, Prisma.sql`UPDATE "Nudge" SET "state" = ${outcome.state}, "error" = ${outcome.error ?? null} WHERE "key" = ${key}`);
  }
}
