/**
 * Targets' reported values (non-revoked reports made by `now`) for the task-state engine, by target id.
 *
 * Raw SQL, the same on SQLite and PostgreSQL (identifiers quoted, values bound): through Prisma, every
 * value of every target came with its report (targets → values → report.createdAt), three nested reads
 * mapped row by row — about 2 s of a 5,000-task digest with half a year of weekly values
 * (bench/digest.ts, docs/performance.md). Plan-wide reads take only what the engine reads
 * (bot/domain/task-state/target-history.ts): each target's latest value, one indexed look-up per target
 * (read with the task's other parts in bot/store/task-rows.ts), and for levels without a baseline the first
 * value since the task's start (here). The ledger's weekly values take the whole history.
 */
import { Prisma } from './generated/client.js';
import { byReportTime, firstValueSince, readsFirstValue, type ReportedValue } from '../domain/task-state/target-history.js';
import type { StateTarget } from '../domain/task-state/types.js';
import { inChunks } from './chunks.js';
import type { Db } from './db.js';
import { queryRows } from './raw-sql.js';

interface ValueRow {
  targetId: number;
  valueId: number;
  value: number;
  reportId: number;
  at: Date | string;
}

/** The target fields that say which values the engine reads, with the task's start ('YYYY-MM-DD'). */
export interface TargetToRead extends Pick<StateTarget, 'id' | 'kind' | 'comparator' | 'baseline'> {
  start: string;
}

const reported = (r: ValueRow): ReportedValue & { targetId: number } => ({
  targetId: Number(r.targetId), value: Number(r.value), at: new Date(r.at), reportId: Number(r.reportId), valueId: Number(r.valueId),
});

/**
 * One value per target: the newest (or, `since` given, the oldest from then) of a non-revoked report made by `now`.
 * (The task-state load reads the newest with its other parts, bot/store/task-rows.ts; the tests' reference reader reads them here.)
 */
export async function oneValueEach(db: Db, targetIds: number[], now: Date, since: Date | null): Promise<Map<number, ReportedValue>> {
  const order = since === null
    ? Prisma.sql`ORDER BY r2."createdAt" DESC, r2."id" DESC, v2."id" DESC`
    : Prisma.sql`AND r2."createdAt" >= ${since} ORDER BY r2."createdAt" ASC, r2."id" ASC, v2."id" ASC`;
  const rows = await inChunks(targetIds, (slice) => queryRows<ValueRow>(db, Prisma.sql`
    SELECT g."id" AS "targetId", v."id" AS "valueId", v."value" AS "value", r."id" AS "reportId", r."createdAt" AS "at"
    FROM "Target" g
    JOIN "ReportValue" v ON v."id" = (
      SELECT v2."id" FROM "ReportValue" v2 JOIN "Report" r2 ON r2."id" = v2."reportId"
      WHERE v2."targetId" = g."id" AND r2."revokedAt" IS NULL AND r2."createdAt" <= ${now} ${order}
      LIMIT 1)
    JOIN "Report" r ON r."id" = v."reportId"
    WHERE g."id" IN (${Prisma.join(slice)})`));
  return new Map(rows.map((r) => { const v = reported(r); return [v.targetId, v]; }));
}

/**
 * Of the targets whose latest value is known, the levels without a plan baseline: their first value since
 * the task's start, by target id (the statement per distinct start: nearly always one, the plan's).
 */
export async function firstValues(db: Db, targets: TargetToRead[], latest: Map<number, unknown>, now: Date): Promise<Map<number, ReportedValue>> {
  const first = new Map<number, ReportedValue>();
  const byStart = new Map<string, number[]>();
  for (const t of targets) {
    if (!readsFirstValue(t) || !latest.has(t.id)) continue;
    const ids = byStart.get(t.start) ?? [];
    if (!ids.length) byStart.set(t.start, ids);
    ids.push(t.id);
  }
  for (const [start, ids] of byStart) for (const [id, v] of await oneValueEach(db, ids, now, firstValueSince(start))) first.set(id, v);
  return first;
}

/** Every value of each target made by `now`, oldest first (the ledger's 「指标逐周数值」): target id → history. */
export async function allValues(db: Db, targetIds: number[], now: Date): Promise<Map<number, StateTarget['history']>> {
  const rows = await inChunks(targetIds, (slice) => queryRows<ValueRow>(db, Prisma.sql`
    SELECT v."targetId" AS "targetId", v."id" AS "valueId", v."value" AS "value", r."id" AS "reportId", r."createdAt" AS "at"
    FROM "ReportValue" v JOIN "Report" r ON r."id" = v."reportId"
    WHERE v."targetId" IN (${Prisma.join(slice)}) AND r."revokedAt" IS NULL AND r."createdAt" <= ${now}`));
  const out = new Map<number, (ReportedValue & { targetId: number })[]>(targetIds.map((id) => [id, []]));
  for (const r of rows) { const v = reported(r); out.get(v.targetId)?.push(v); }
  return new Map([...out].map(([id, vs]) => [id, vs.sort(byReportTime).map((v) => ({ value: v.value, at: v.at }))]));
}
