/**
 * Each task's newest reports made by `now` (not revoked), newest first, for the task-state engine: the
 * reference read of tests/helpers/prisma-task-states.ts (the bot reads them in bot/store/task-rows.ts).
 *
 * Raw SQL, the same on SQLite and PostgreSQL (identifiers quoted, values bound): Prisma applies a
 * nested `take` after reading every report of the tasks and maps each row with all its columns —
 * about 1.9 s of a 5,000-task digest with half a year of weekly reports, where this read of the
 * columns the engine uses takes under half that (bench/digest.ts, docs/performance.md).
 */
import { Prisma } from '../../bot/store/generated/client.js';
import type { ReportStatus, StateReport } from '../../bot/domain/task-state/types.js';
import { inChunks } from '../../bot/store/chunks.js';
import type { Db } from '../../bot/store/db.js';

interface ReportRow {
  id: number;
  taskId: number;
  personId: number | null;
  status: string | null;
  percent: number | null;
  period: string;
  createdAt: Date | string;
  rawText: string;
  returnedAt: Date | string | null;
  source: string;
}

/** Task id → its newest `perTask` reports made by `now`, newest first (ties: the later id first). */
export async function recentReports(db: Db, taskIds: number[], now: Date, perTask: number): Promise<Map<number, StateReport[]>> {
  const rows = await inChunks(taskIds, (slice) => db.$queryRaw<ReportRow[]>`
    SELECT x."id", x."taskId", x."personId", x."status", x."percent", x."period", x."createdAt", x."rawText", x."returnedAt", x."source"
    FROM (
      SELECT r."id", r."taskId", r."personId", r."status", r."percent", r."period", r."createdAt", r."rawText", r."returnedAt", r."source",
        ROW_NUMBER() OVER (PARTITION BY r."taskId" ORDER BY r."createdAt" DESC, r."id" DESC) AS "newest"
      FROM "Report" r
      WHERE r."taskId" IN (${Prisma.join(slice)}) AND r."revokedAt" IS NULL AND r."createdAt" <= ${now}
    ) x
    WHERE x."newest" <= ${perTask}`);
  const out = new Map<number, StateReport[]>(taskIds.map((id) => [id, []]));
  for (const r of rows) {
    out.get(Number(r.taskId))?.push({
      id: Number(r.id), personId: r.personId === null ? null : Number(r.personId), status: r.status as ReportStatus | null,
      percent: r.percent === null ? null : Number(r.percent), period: r.period, createdAt: new Date(r.createdAt), rawText: r.rawText,
      returned: r.returnedAt !== null, meeting: r.source === 'meeting',
    });
  }
  for (const list of out.values()) list.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
  return out;
}
