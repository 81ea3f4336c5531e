/**
 * What the sweep and the sender need from the store: tasks with their
 * people, leave and answered periods; nudge rows keyed by their stable key
 * and claimed with a conditional update before a send.
 */
import { Prisma } from './generated/client.js';
import type { DueNudge } from '../domain/schedule/types.js';
import type { Db } from './db.js';

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
    const stored = await db.$queryRaw<{ key: string }[]>`SELECT "key" FROM "Nudge" WHERE "key" IN (${Prisma.join(keys.slice(i, i + READ_KEYS))})`;
    for (const { key } of stored) rows.delete(key);
  }
  const fresh = [...rows.values()].map(({ n, state }) => Prisma.sql`(${n.key}, ${n.taskId}, ${n.personId}, ${n.period}, ${n.kind}, ${n.dueAt}, ${state}, ${now})`);
  for (let i = 0; i < fresh.length; i += INSERT_ROWS) {
    await db.$executeRaw`${INSERT_NUDGES}${Prisma.join(fresh.slice(i, i + INSERT_ROWS))} ON CONFLICT ("key") DO NOTHING`;
  }
  if (!due.length) return [];
  const wanted = new Set(due.map((n) => n.key));
  const waiting = await db.$queryRaw<{ key: string }[]>`SELECT "key" FROM "Nudge" WHERE "state" IN ('pending', 'sending')`;
  return waiting.map((w) => w.key).filter((key) => wanted.has(key));
}

/**
 * Claims a nudge for sending: pending → sending, or a 'sending' claim older
 * than the lease (its sender died). Only one caller wins.
 */
export async function claimNudge(db: Db, key: string, now: Date, leaseMs: number): Promise<boolean> {
  const r = await db.nudge.updateMany({
    where: { key, OR: [{ state: 'pending' }, { state: 'sending', claimedAt: { lt: new Date(now.getTime() - leaseMs) } }] },
    data: { state: 'sending', claimedAt: now, attempts: { increment: 1 } },
  });
  return r.count === 1;
}

/** A 'sent' nudge's message id is null when Feishu kept saying it was still sending it (`note` says so). */
export async function finishNudge(
  db: Db,
  key: string,
  outcome: { state: 'sent'; messageId: string | null; now: Date; note?: string } | { state: 'pending' | 'failed' | 'cancelled'; error?: string },
) {
  await db.nudge.update({
    where: { key },
    data:
      outcome.state === 'sent'
        ? { state: 'sent', sentAt: outcome.now, messageId: outcome.messageId, error: outcome.note ?? null }
        : { state: outcome.state, error: outcome.error ?? null, ...(outcome.state === 'pending' ? { claimedAt: null } : {}) },
  });
}
