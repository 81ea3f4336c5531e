/**
 * Benchmark 3: the sweep over 10,000 tasks × 3 owners — the first sweep of a
 * check-in period (30,000 nudges due: recorded and enqueued) and the sweep a
 * minute later, once they are sent (nothing new: what every minute of the
 * period costs). Anchor: the same reads and writes as hand-written SQL
 * (better-sqlite3, one transaction; on PostgreSQL through `pg`, bench/pg-anchors.ts)
 * on a copy of the database, plus the same pure computation, plus —
 * for the first sweep — the same 30,000 jobs (name, data, job id, options)
 * enqueued through bare BullMQ `addBulk` on the same Redis under a private
 * prefix, in the same chunks (BULK_CHUNK, two in flight; one `addBulk` of all
 * 30,000 is slower, docs/performance.md).
 */
import { Queue } from 'bullmq';
import Database from 'better-sqlite3';
import { manualClock } from '../bot/clock.js';
import { dueNudges } from '../bot/domain/schedule/due-nudges.js';
import type { DueNudge } from '../bot/domain/schedule/types.js';
import { loadScheduleInputs } from '../bot/store/nudge-store.js';
import { runSweep } from '../jobs/processors/nudge-sweep.js';
import { addInChunks, jobIdFor } from '../jobs/queues.js';
import { dropQueuePrefix } from '../bot/demo/drop-prefix.js';
import { benchEnv, REDIS_URL } from './bench-env.js';
import type { BenchDatabase, StoreKind } from './bench-db.js';
import { pgSweepAnchor, type SweepAnchor } from './pg-anchors.js';
import { seedPlan } from './seed.js';
import type { Row } from './table.js';

const TASKS = 10_000;
const OWNERS = 3;
const AT = new Date('2023-01-03T09:30:00+08:00');
const LOOKBACK_MS = 70 * 86_400_000;

const time = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
};

/** The sweep's reads as plain SQL. */
function rawReads(sql: Database.Database, now: Date): number {
  const since = now.getTime() - LOOKBACK_MS;
  const tasks = sql.prepare("SELECT id, status, cadence, deadline FROM Task WHERE removedAt IS NULL AND status = 'active' ORDER BY id").all();
  const people = sql
    .prepare("SELECT a.taskId, a.personId, a.role FROM Assignment a JOIN Task t ON t.id = a.taskId WHERE t.removedAt IS NULL AND t.status = 'active' AND a.active = 1 AND a.role IN ('owner', 'leader')")
    .all();
  const leaves = sql.prepare('SELECT personId, fromDate, toDate FROM Leave').all();
  const reports = sql.prepare('SELECT taskId, createdAt FROM Report WHERE revokedAt IS NULL AND createdAt >= ?').all(since);
  return tasks.length + people.length + leaves.length + reports.length;
}

/** The sweep's writes as plain SQL: every nudge INSERT OR IGNORE in one transaction, then the keys still waiting. */
function rawWrites(sql: Database.Database, due: DueNudge[], skipped: DueNudge[], now: Date): number {
  const insert = sql.prepare('INSERT OR IGNORE INTO Nudge (key, taskId, personId, period, kind, dueAt, state, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  sql.transaction(() => {
    for (const n of skipped) insert.run(n.key, n.taskId, n.personId, n.period, n.kind, n.dueAt.getTime(), 'skipped', now.getTime());
    for (const n of due) insert.run(n.key, n.taskId, n.personId, n.period, n.kind, n.dueAt.getTime(), 'pending', now.getTime());
  })();
  return sql.prepare("SELECT key FROM Nudge WHERE state IN ('pending', 'sending')").all().length;
}

/** The SQLite anchor on its copy of the file, as the PostgreSQL one (bench/pg-anchors.ts) on its copy of the database. */
function sqliteSweepAnchor(file: string): SweepAnchor {
  const sql = new Database(file);
  return {
    reads: async (now) => rawReads(sql, now),
    writes: async (due, skipped, now) => rawWrites(sql, due, skipped, now),
    markSent: async () => void sql.prepare("UPDATE Nudge SET state = 'sent'").run(),
    close: async () => void sql.close(),
  };
}

/** The first sweep's jobs through a bare BullMQ queue (a private prefix on the same Redis), with the nudges queue's options. */
async function bareEnqueue(deps: ReturnType<Awaited<ReturnType<typeof benchEnv>>['deps']>, prefix: string, keys: string[]): Promise<number> {
  const queue = new Queue('nudges', { connection: deps.redis, prefix: `${prefix}-anchor`, defaultJobOptions: deps.queues.nudges.defaultJobOptions });
  try {
    await queue.waitUntilReady();
    const jobs = keys.map((key) => ({ name: 'send-nudge', data: { key }, opts: { jobId: jobIdFor('nudge', key) } }));
    const t = performance.now();
    await addInChunks(queue, jobs);
    return performance.now() - t;
  } finally {
    await queue.close();
    await dropQueuePrefix(REDIS_URL, `${prefix}-anchor`);
  }
}

export async function benchSweep(store: StoreKind = 'sqlite'): Promise<Row[]> {
  const env = await benchEnv('sweep', undefined, store);
  const clock = manualClock(AT);
  const deps = env.deps(clock);
  let copy: BenchDatabase | undefined;
  try {
    await seedPlan(deps.db, { tasks: TASKS, owners: OWNERS, block: 10, importedAt: new Date('2022-12-20T10:00:00+08:00'), bulk: true });
    await env.database.analyze();
    if (store === 'postgres') await deps.db.$disconnect(); // a template must have no other session; Prisma reconnects
    copy = await env.database.copy();

    const [first, firstMs] = await time(() => runSweep(deps));
    await deps.db.nudge.updateMany({ where: { state: 'pending' }, data: { state: 'sent', sentAt: AT } });
    clock.advance(60_000);
    const [steady, steadyMs] = await time(() => runSweep(deps));

    // The anchor: the same computation over the same inputs, with the reads and writes in raw SQL.
    const inputs = await loadScheduleInputs(deps.db, AT);
    const [computed, computeMs] = await time(() => {
      const due: DueNudge[] = [];
      const skipped: DueNudge[] = [];
      for (const t of inputs) {
        const r = dueNudges(t, AT, deps.calendar, deps.schedule);
        due.push(...r.due);
        skipped.push(...r.skipped);
      }
      return { due, skipped };
    });
    const sql = copy.kind === 'postgres' ? await pgSweepAnchor(copy.url) : sqliteSweepAnchor(copy.name);
    const [, readMs] = await time(() => sql.reads(AT, LOOKBACK_MS));
    const [, writeMs] = await time(() => sql.writes(computed.due, computed.skipped, AT));
    await sql.markSent();
    const [, steadyWriteMs] = await time(() => sql.writes(computed.due, computed.skipped, AT));
    await sql.close();
    const enqueueMs = await bareEnqueue(deps, env.prefix, computed.due.map((n) => n.key));
    const anchorFirst = readMs + computeMs + writeMs + enqueueMs;
    const anchorSteady = readMs + computeMs + steadyWriteMs;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    return [
      {
        benchmark: `sweep: ${TASKS} tasks × ${OWNERS} owners, first of the period`,
        figure: `${s(firstMs)} (${first.due} due, ${first.enqueued} enqueued)`,
        anchor: `raw SQL ${s(readMs + writeMs)} + computation ${s(computeMs)} + bare BullMQ addBulk ${s(enqueueMs)}`,
        ratio: `${(firstMs / anchorFirst).toFixed(1)}×`,
      },
      {
        benchmark: `sweep: ${TASKS} tasks × ${OWNERS} owners, a minute later (all sent)`,
        figure: `${s(steadyMs)} (${steady.due} due, ${steady.enqueued} enqueued)`,
        anchor: `raw SQL ${s(readMs + steadyWriteMs)} + computation ${s(computeMs)}`,
        ratio: `${(steadyMs / anchorSteady).toFixed(1)}×`,
      },
    ];
  } finally {
    await copy?.drop();
    await env.close();
  }
}
