/**
 * The rows behind the task-state engine's input (bot/store/task-states.ts), read in raw SQL that is the
 * same on SQLite and PostgreSQL (identifiers quoted, values bound, NULLs cast so PostgreSQL can type a
 * UNION): the tasks with their sections in one statement, and everything that hangs off them — lead
 * units and leaders (TaskParty), people (Assignment and Person), owners' leave, milestones, the current
 * periods' snoozes, targets, each target's latest value, the current periods' check-ins sent, the
 * extension requests' audit entries and each task's newest reports — in one more: a UNION ALL of one
 * branch per relation over a shared set of columns.
 *
 * Through Prisma these were a dozen statements, each compiled and mapped object by object: 14 of the
 * 23 statements a nudge cost, about half of a worker's time (docs/performance.md). The tasks in scope
 * are a plan's (`planId`) or given ones (`taskIds`, in slices: bot/store/chunks.ts).
 */
import { Prisma } from './generated/client.js';
import { CHUNK } from './chunks.js';
import type { Db } from './db.js';
import { queryRows, queryTuples, sqlDate } from './raw-sql.js';

type Sql = Prisma.Sql;

/** The check-in kinds that ask an owner for the period's report (the engine's askedPeriods). */
const ASKING_KINDS = ['checkin', 'followup1', 'followup2', 'snooze1', 'snooze2'];
const EXTENSION_ACTIONS = ['extension.requested', 'extension.approved', 'extension.refused', 'extension.approval-undone'];

export type TaskScope = { planId: number } | { taskIds: number[] };

export interface TaskRow {
  id: number;
  planId: number;
  code: string;
  title: string;
  body: string;
  position: number;
  status: string;
  deadline: string;
  plannedDeadline: string | null;
  startDate: string | null;
  statusSince: Date | null;
  cadence: string;
  section: { ordinal: string; title: string; parentOrdinal: string | null } | null;
}

/** One row of the UNION: `kind` says which relation, the other columns mean what its branch puts in them. */
export interface PartRow {
  kind: 'party' | 'person' | 'leave' | 'milestone' | 'snooze' | 'target' | 'value' | 'asked' | 'extension' | 'report';
  taskId: number;
  id: number | null;
  ref: number | null;
  num: number | null;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
  e: string | null;
  x: number | null;
  y: number | null;
  at: Date | null;
}

/** The shared columns, each with its type (cast NULLs: PostgreSQL types a UNION pairwise, left to right). */
const COLUMNS = { id: 'INTEGER', ref: 'INTEGER', num: 'INTEGER', a: 'TEXT', b: 'TEXT', c: 'TEXT', d: 'TEXT', e: 'TEXT', x: 'DOUBLE PRECISION', y: 'DOUBLE PRECISION', at: 'TIMESTAMP(3)' } as const;
type Column = keyof typeof COLUMNS;

/** One relation's read: its own columns under the shared names, and the rest of its statement (FROM …). */
interface Branch {
  kind: PartRow['kind'];
  taskId: string;
  cols: Partial<Record<Column, string>>;
  rest: Sql;
}

const branch = (kind: PartRow['kind'], taskId: string, cols: Partial<Record<Column, string>>, rest: Sql): Branch => ({ kind, taskId, cols, rest });

/**
 * The branch's statement: `padded`, every shared column (NULLs cast), to be one branch of a UNION; else only
 * its own columns (the others are set to null as its rows are read).
 */
function branchSql(b: Branch, padded: boolean): Sql {
  const names = padded ? (Object.keys(COLUMNS) as Column[]) : (Object.keys(b.cols) as Column[]);
  const list = names.map((c) => `${b.cols[c] ?? `CAST(NULL AS ${COLUMNS[c]})`} AS "${c}"`);
  return Prisma.sql`SELECT ${Prisma.raw([`'${b.kind}' AS "kind"`, `${b.taskId} AS "taskId"`, ...list].join(', '))} ${b.rest}`;
}

/** Tasks not removed, in scope, in plan order, with their sections; slices of given ids read in turn. */
export async function readTasks(db: Db, scope: TaskScope): Promise<TaskRow[]> {
  const out: TaskRow[] = [];
  for (const where of scopes(scope)) {
    const rows = await queryRows<Omit<TaskRow, 'section'> & { sOrdinal: string | null; sTitle: string | null; sParent: string | null }>(db, Prisma.sql`
      SELECT t."id", t."planId", t."code", t."title", t."body", t."position", t."status", t."deadline", t."plannedDeadline", t."startDate",
        t."statusSince", t."cadence", s."ordinal" AS "sOrdinal", s."title" AS "sTitle", s."parentOrdinal" AS "sParent"
      FROM "Task" t LEFT JOIN "Section" s ON s."id" = t."sectionId"
      WHERE ${where} AND t."removedAt" IS NULL
      ORDER BY t."position", t."id"`);
    for (const r of rows) {
      out.push({
        id: Number(r.id), planId: Number(r.planId), code: r.code, title: r.title, body: r.body, position: Number(r.position), status: r.status,
        deadline: r.deadline, plannedDeadline: r.plannedDeadline, startDate: r.startDate, statusSince: r.statusSince === null ? null : new Date(r.statusSince),
        cadence: r.cadence, section: r.sOrdinal === null ? null : { ordinal: r.sOrdinal, title: r.sTitle!, parentOrdinal: r.sParent },
      });
    }
  }
  return out;
}

export interface PartsOptions {
  now: Date;
  /** The current check-in periods (weekly, biweekly, monthly): the snoozes and check-ins read are theirs. */
  periods: string[];
  /** Newest reports made by `now` per task. */
  reportsPerTask: number;
  /** Whether to read each target's latest value (the ledger reads every value instead: bot/store/target-values.ts). */
  latestValues: boolean;
}

/** Everything the engine reads that hangs off the tasks in scope (tasks removed excluded), one statement per slice. */
export async function readParts(db: Db, scope: TaskScope, o: PartsOptions): Promise<PartRow[]> {
  const out: PartRow[] = [];
  for (const where of scopes(scope)) {
    const branches = partBranches(where, o);
    // A few tasks (a card): one statement. A whole plan: one narrow statement per relation — carried through a
    // UNION, each of some 150,000 rows had every shared column, and the read took 40% longer (docs/performance.md).
    const statements: [Sql, Column[]][] = 'planId' in scope
      ? branches.map((b) => [branchSql(b, false), Object.keys(b.cols) as Column[]])
      : [[Prisma.join(branches.map((b) => branchSql(b, true)), ' UNION ALL '), COLUMN_NAMES]];
    for (const [statement, columns] of statements) {
      // Read as arrays and typed here, each row one object of one shape (docs/performance.md). A column's place in
      // the tuple: after kind and taskId, in the statement's order; -1 when the statement does not select it.
      const i = Object.fromEntries(COLUMN_NAMES.map((c) => [c, columns.includes(c) ? columns.indexOf(c) + 2 : -1])) as Record<Column, number>;
      for (const r of await queryTuples(db, statement)) {
        out.push({
          kind: r[0] as PartRow['kind'], taskId: Number(r[1]),
          id: number(r, i.id), ref: number(r, i.ref), num: number(r, i.num),
          a: text(r, i.a), b: text(r, i.b), c: text(r, i.c), d: text(r, i.d), e: text(r, i.e),
          x: number(r, i.x), y: number(r, i.y), at: i.at < 0 ? null : sqlDate(r[i.at]),
        });
      }
    }
  }
  return out;
}

const COLUMN_NAMES = Object.keys(COLUMNS) as Column[];
const number = (r: unknown[], i: number): number | null => (i < 0 || r[i] === null ? null : Number(r[i]));
const text = (r: unknown[], i: number): string | null => (i < 0 ? null : (r[i] as string | null));

function partBranches(where: Sql, o: PartsOptions): Branch[] {
  // Each branch takes the tasks in scope (`where` is on `Task t`).
  const inScope = Prisma.sql`IN (SELECT t."id" FROM "Task" t WHERE ${where} AND t."removedAt" IS NULL)`;
  const periods = Prisma.join(o.periods);
  const branches: Branch[] = [
    // First: its columns' declared types (INTEGER, TEXT, DATETIME) type the UNION's on SQLite, so `at` comes back as a Date.
    branch('person', 'g."taskId"', { id: 'g."id"', num: 'g."personId"', a: 'g."role"', b: 'u."name"', c: 'u."openId"', at: 'g."assignedAt"' },
      Prisma.sql`FROM "Assignment" g JOIN "Person" u ON u."id" = g."personId" WHERE g."taskId" ${inScope} AND g."active" = TRUE`),
    branch('party', 'p."taskId"', { id: 'p."id"', num: 'p."position"', a: 'p."role"', b: 'p."name"' },
      Prisma.sql`FROM "TaskParty" p WHERE p."taskId" ${inScope}`),
    branch('leave', 'g."taskId"', { id: 'l."id"', num: 'l."personId"', a: 'l."fromDate"', b: 'l."toDate"' },
      Prisma.sql`FROM "Assignment" g JOIN "Leave" l ON l."personId" = g."personId" WHERE g."taskId" ${inScope} AND g."active" = TRUE AND g."role" = 'owner'`),
    branch('milestone', 'm."taskId"', { id: 'm."id"', num: 'm."position"', a: 'm."due"', b: 'm."text"', at: 'm."doneAt"' },
      Prisma.sql`FROM "Milestone" m WHERE m."taskId" ${inScope}`),
    branch('snooze', 'z."taskId"', { id: 'z."id"', num: 'z."personId"', a: 'z."period"', b: 'z."ask"', at: 'z."until"' },
      Prisma.sql`FROM "Snooze" z WHERE z."taskId" ${inScope} AND z."period" IN (${periods})`),
    branch('target', 'g."taskId"', { id: 'g."id"', num: 'g."position"', a: 'g."label"', b: 'g."unit"', c: 'g."comparator"', d: 'g."kind"', e: 'g."paceNote"', x: 'g."value"', y: 'g."baseline"' },
      Prisma.sql`FROM "Target" g WHERE g."taskId" ${inScope} AND g."removedAt" IS NULL`),
    branch('asked', 'n."taskId"', { a: 'n."period"' },
      // From the tasks (CROSS JOIN keeps SQLite's join order): by Nudge(taskId, period), not by the state index over every sent nudge.
      Prisma.sql`FROM "Task" t CROSS JOIN "Nudge" n WHERE ${where} AND t."removedAt" IS NULL AND n."taskId" = t."id" AND n."period" IN (${periods})
        AND n."state" = 'sent' AND n."sentAt" <= ${o.now} AND n."kind" IN (${Prisma.join(ASKING_KINDS)}) GROUP BY n."taskId", n."period"`),
    branch('extension', 'e."taskId"', { id: 'e."id"', a: 'e."action"', b: 'e."after"' },
      Prisma.sql`FROM "AuditEntry" e WHERE e."taskId" ${inScope} AND e."action" IN (${Prisma.join(EXTENSION_ACTIONS)})`),
    // Each task's newest reports made by now, not revoked (ties: the later id first).
    branch('report', 'q."taskId"', { id: 'q."id"', ref: 'q."returned"', num: 'q."personId"', a: 'q."status"', b: 'q."period"', c: 'q."rawText"', d: 'q."source"', x: 'q."percent"', at: 'q."createdAt"' },
      Prisma.sql`FROM (
        SELECT r."id", r."taskId", r."personId", r."status", r."percent", r."period", r."createdAt", r."rawText", r."source",
          CASE WHEN r."returnedAt" IS NULL THEN 0 ELSE 1 END AS "returned",
          ROW_NUMBER() OVER (PARTITION BY r."taskId" ORDER BY r."createdAt" DESC, r."id" DESC) AS "newest"
        FROM "Report" r WHERE r."taskId" ${inScope} AND r."revokedAt" IS NULL AND r."createdAt" <= ${o.now}
      ) q WHERE q."newest" <= ${o.reportsPerTask}`),
  ];
  if (o.latestValues) {
    // Each target's latest value of a non-revoked report made by now: one indexed look-up per target (ReportValue.targetId).
    branches.push(branch('value', 'g."taskId"', { id: 'v."id"', ref: 'g."id"', num: 'r."id"', x: 'v."value"', at: 'r."createdAt"' },
      Prisma.sql`FROM "Target" g
        JOIN "ReportValue" v ON v."id" = (
          SELECT v2."id" FROM "ReportValue" v2 JOIN "Report" r2 ON r2."id" = v2."reportId"
          WHERE v2."targetId" = g."id" AND r2."revokedAt" IS NULL AND r2."createdAt" <= ${o.now}
          ORDER BY r2."createdAt" DESC, r2."id" DESC, v2."id" DESC LIMIT 1)
        JOIN "Report" r ON r."id" = v."reportId"
        WHERE g."taskId" ${inScope} AND g."removedAt" IS NULL`));
  }
  return branches;
}

/** The scope as WHERE conditions on `Task t`: the plan's tasks in one, given ids in slices. */
function scopes(scope: TaskScope): Sql[] {
  if ('planId' in scope) return [Prisma.sql`t."planId" = ${scope.planId}`];
  const out: Sql[] = [];
  for (let i = 0; i < scope.taskIds.length; i += CHUNK) out.push(Prisma.sql`t."id" IN (${Prisma.join(scope.taskIds.slice(i, i + CHUNK))})`);
  return out;
}
