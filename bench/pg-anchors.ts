/**
 * The anchors of the sweep and the digest on PostgreSQL (`npm run bench -- --postgres`): the same
 * reads and writes as their SQLite anchors (bench/sweep.ts, bench/digest.ts), written plainly
 * through `pg` on one connection opened before the clock starts (identifiers quoted; a moment bound
 * as UTC text cast to `timestamp`, which is how Prisma keeps DateTime on PostgreSQL).
 */
import pg from 'pg';
import type { DueNudge } from '../bot/domain/schedule/types.js';

/** A moment as Prisma stores it in a PostgreSQL `TIMESTAMP(3)` column: UTC, no zone. */
const utc = (d: Date | number) => new Date(d).toISOString().replace('Z', '');

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

export interface SweepAnchor {
  /** The sweep's reads; returns the rows read. */
  reads(now: Date, lookbackMs: number): Promise<number>;
  /** Every nudge inserted unless already there, in one transaction, then the keys still waiting. */
  writes(due: DueNudge[], skipped: DueNudge[], now: Date): Promise<number>;
  markSent(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The sweep's anchor on PostgreSQL. The inserts go 5,000 rows to a statement (`unnest` of arrays,
 * `ON CONFLICT DO NOTHING`, the INSERT OR IGNORE of SQLite): row by row each would be a round trip,
 * which the SQLite anchor, in-process, does not pay and the store's createMany does not either.
 */
export async function pgSweepAnchor(url: string): Promise<SweepAnchor> {
  const sql = await connect(url);
  return {
    reads: async (now, lookbackMs) => {
      const since = utc(now.getTime() - lookbackMs);
      const tasks = await sql.query(`SELECT "id", "status", "cadence", "deadline" FROM "Task" WHERE "removedAt" IS NULL AND "status" = 'active' ORDER BY "id"`);
      const people = await sql.query(`SELECT a."taskId", a."personId", a."role" FROM "Assignment" a JOIN "Task" t ON t."id" = a."taskId"
        WHERE t."removedAt" IS NULL AND t."status" = 'active' AND a."active" AND a."role" IN ('owner', 'leader')`);
      const leaves = await sql.query(`SELECT "personId", "fromDate", "toDate" FROM "Leave"`);
      const reports = await sql.query(`SELECT "taskId", "createdAt" FROM "Report" WHERE "revokedAt" IS NULL AND "createdAt" >= $1::timestamp`, [since]);
      return tasks.rowCount! + people.rowCount! + leaves.rowCount! + reports.rowCount!;
    },
    writes: async (due, skipped, now) => {
      const rows = [...skipped.map((n) => [n, 'skipped'] as const), ...due.map((n) => [n, 'pending'] as const)];
      await sql.query('BEGIN');
      try {
        for (let i = 0; i < rows.length; i += 5000) {
          const batch = rows.slice(i, i + 5000);
          await sql.query(
            `INSERT INTO "Nudge" ("key", "taskId", "personId", "period", "kind", "dueAt", "state", "createdAt")
             SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::timestamp(3)[], $7::text[], $8::timestamp(3)[])
             ON CONFLICT DO NOTHING`,
            [
              batch.map(([n]) => n.key), batch.map(([n]) => n.taskId), batch.map(([n]) => n.personId), batch.map(([n]) => n.period),
              batch.map(([n]) => n.kind), batch.map(([n]) => utc(n.dueAt)), batch.map(([, state]) => state), batch.map(() => utc(now)),
            ],
          );
        }
        await sql.query('COMMIT');
      } catch (e) {
        await sql.query('ROLLBACK');
        throw e;
      }
      return (await sql.query(`SELECT "key" FROM "Nudge" WHERE "state" IN ('pending', 'sending')`)).rowCount!;
    },
    markSent: async () => void (await sql.query(`UPDATE "Nudge" SET "state" = 'sent'`)),
    close: () => sql.end(),
  };
}

/** The digest's reads (bench/digest.ts's rawRead) on PostgreSQL; returns the rows read. */
export async function pgDigestAnchor(url: string): Promise<{ read(planId: number, now: Date, since: Date): Promise<number>; close(): Promise<void> }> {
  const sql = await connect(url);
  const one = (order: string, where: string) => `SELECT g."id", v."value", r."createdAt" FROM "Target" g JOIN "Task" t ON t."id" = g."taskId"
    JOIN "ReportValue" v ON v."id" = (SELECT v2."id" FROM "ReportValue" v2 JOIN "Report" r2 ON r2."id" = v2."reportId"
      WHERE v2."targetId" = g."id" AND r2."revokedAt" IS NULL AND r2."createdAt" <= $1::timestamp ${order} LIMIT 1)
    JOIN "Report" r ON r."id" = v."reportId" WHERE t."planId" = $2 AND g."removedAt" IS NULL ${where}`;
  return {
    read: async (planId, nowAt, sinceAt) => {
      const now = utc(nowAt);
      const since = utc(sinceAt);
      const n = (r: pg.QueryResult) => r.rowCount!;
      const tasks = await sql.query(`SELECT * FROM "Task" WHERE "planId" = $1 AND "removedAt" IS NULL ORDER BY "position"`, [planId]);
      const reports = await sql.query(`SELECT * FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r."taskId" ORDER BY r."createdAt" DESC, r."id" DESC) AS newest
        FROM "Report" r JOIN "Task" t ON t."id" = r."taskId" WHERE t."planId" = $1 AND r."revokedAt" IS NULL AND r."createdAt" <= $2::timestamp) x WHERE newest <= 30`, [planId, now]);
      const latest = await sql.query(one('ORDER BY r2."createdAt" DESC, r2."id" DESC, v2."id" DESC', ''), [now, planId]);
      const first = await sql.query(
        one('AND r2."createdAt" >= $3::timestamp ORDER BY r2."createdAt", r2."id", v2."id"', `AND g."kind" = 'level' AND g."comparator" <> 'at_most' AND g."baseline" IS NULL`),
        [now, planId, since],
      );
      const targets = await sql.query(`SELECT g.* FROM "Target" g JOIN "Task" t ON t."id" = g."taskId" WHERE t."planId" = $1 AND g."removedAt" IS NULL`, [planId]);
      const people = await sql.query(`SELECT a.*, p."name" FROM "Assignment" a JOIN "Person" p ON p."id" = a."personId" JOIN "Task" t ON t."id" = a."taskId"
        WHERE t."planId" = $1 AND a."active" AND a."role" = 'owner'`, [planId]);
      const parties = await sql.query(`SELECT tp.* FROM "TaskParty" tp JOIN "Task" t ON t."id" = tp."taskId" WHERE t."planId" = $1 AND tp."role" = 'lead'`, [planId]);
      const nudges = await sql.query(`SELECT n."taskId", n."period" FROM "Nudge" n JOIN "Task" t ON t."id" = n."taskId" WHERE t."planId" = $1 AND n."state" = 'sent'`, [planId]);
      return n(tasks) + n(reports) + n(latest) + n(first) + n(targets) + n(people) + n(parties) + n(nudges);
    },
    close: () => sql.end(),
  };
}
