/**
 * The anchors of the sweep and the digest on PostgreSQL (`npm run bench -- --postgres`): the same
 * reads and writes as their SQLite anchors (bench/sweep.ts, bench/digest.ts), written plainly
 * through `pg` on one connection opened before the clock starts (identifiers quoted; a moment bound
 * as UTC text cast to `timestamp`, which is how Prisma keeps DateTime on PostgreSQL).
 */
import pg from 'pg';
import { shanghaiDate } from '../bot/domain/calendar/shanghai-time.js';
import { periodOf } from '../bot/domain/schedule/periods.js';
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
  const inPlan = 'SELECT "id" FROM "Task" WHERE "planId" = $1 AND "removedAt" IS NULL';
  const one = (order: string, where: string) => `SELECT g."id", v."value", r."createdAt" FROM "Target" g JOIN "Task" t ON t."id" = g."taskId"
    JOIN "ReportValue" v ON v."id" = (SELECT v2."id" FROM "ReportValue" v2 JOIN "Report" r2 ON r2."id" = v2."reportId"
      WHERE v2."targetId" = g."id" AND r2."revokedAt" IS NULL AND r2."createdAt" <= $2::timestamp ${order} LIMIT 1)
    JOIN "Report" r ON r."id" = v."reportId" WHERE t."planId" = $1 AND t."removedAt" IS NULL AND g."removedAt" IS NULL ${where}`;
  return {
    read: async (planId, nowAt, sinceAt) => {
      const now = utc(nowAt);
      const since = utc(sinceAt);
      const today = shanghaiDate(nowAt);
      const periods = (['weekly', 'biweekly', 'monthly'] as const).map((c) => periodOf(c, today).id);
      const all = async (q: string, args: unknown[] = []) => (await sql.query(q, args)).rowCount!;
      const counts = [
        await all('SELECT "id", "title", "year", "periodStart", "periodEnd", "shortName", "archivedAt" FROM "Plan" ORDER BY "id"'),
        await all(`SELECT t.*, s."ordinal", s."title" AS "sectionTitle", s."parentOrdinal" FROM "Task" t LEFT JOIN "Section" s ON s."id" = t."sectionId"
          WHERE t."planId" = $1 AND t."removedAt" IS NULL ORDER BY t."position"`, [planId]),
        await all(`SELECT * FROM "TaskParty" WHERE "taskId" IN (${inPlan})`, [planId]),
        await all(`SELECT a.*, p."name", p."openId" FROM "Assignment" a JOIN "Person" p ON p."id" = a."personId" WHERE a."taskId" IN (${inPlan}) AND a."active"`, [planId]),
        await all(`SELECT l.* FROM "Assignment" a JOIN "Leave" l ON l."personId" = a."personId" WHERE a."taskId" IN (${inPlan}) AND a."active" AND a."role" = 'owner'`, [planId]),
        await all(`SELECT * FROM "Milestone" WHERE "taskId" IN (${inPlan})`, [planId]),
        await all(`SELECT * FROM "Snooze" WHERE "taskId" IN (${inPlan}) AND "period" IN ($2, $3, $4)`, [planId, ...periods]),
        await all(`SELECT n."taskId", n."period" FROM "Task" t CROSS JOIN "Nudge" n WHERE t."planId" = $1 AND t."removedAt" IS NULL AND n."taskId" = t."id"
          AND n."period" IN ($2, $3, $4) AND n."state" = 'sent' AND n."sentAt" <= $5::timestamp
          AND n."kind" IN ('checkin', 'followup1', 'followup2', 'snooze1', 'snooze2') GROUP BY n."taskId", n."period"`, [planId, ...periods, now]),
        await all(`SELECT "id", "taskId", "action", "after" FROM "AuditEntry" WHERE "taskId" IN (${inPlan})
          AND "action" IN ('extension.requested', 'extension.approved', 'extension.refused', 'extension.approval-undone')`, [planId]),
        await all(`SELECT * FROM "Target" WHERE "taskId" IN (${inPlan}) AND "removedAt" IS NULL`, [planId]),
        await all(`SELECT * FROM (SELECT r."id", r."taskId", r."personId", r."status", r."percent", r."period", r."createdAt", r."rawText", r."returnedAt", r."source",
            ROW_NUMBER() OVER (PARTITION BY r."taskId" ORDER BY r."createdAt" DESC, r."id" DESC) AS newest
          FROM "Report" r WHERE r."taskId" IN (${inPlan}) AND r."revokedAt" IS NULL AND r."createdAt" <= $2::timestamp) x WHERE newest <= 30`, [planId, now]),
        await all(one('ORDER BY r2."createdAt" DESC, r2."id" DESC, v2."id" DESC', ''), [planId, now]),
        await all(one('AND r2."createdAt" >= $3::timestamp ORDER BY r2."createdAt", r2."id", v2."id"', `AND g."kind" = 'level' AND g."comparator" <> 'at_most' AND g."baseline" IS NULL`), [planId, now, since]),
      ];
      return counts.reduce((a, b) => a + b, 0);
    },
    close: () => sql.end(),
  };
}
