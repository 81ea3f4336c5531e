/**
 * Benchmark 4: the weekly digest for 22, 500 and 5,000 tasks with a realistic
 * number of reports each (half a year of weekly reports with values), through
 * the store (Prisma) and the pure builder, against the same reads in raw SQL
 * (better-sqlite3 on the same file; on PostgreSQL `pg` on the same database, bench/pg-anchors.ts).
 */
import Database from 'better-sqlite3';
import { chineseWorkCalendar } from '../bot/domain/calendar/chinese-calendar.js';
import { buildDigest } from '../bot/domain/digest/build-digest.js';
import { shanghaiDate } from '../bot/domain/calendar/shanghai-time.js';
import { periodOf } from '../bot/domain/schedule/periods.js';
import { openStore, type Db } from '../bot/store/db.js';
import { loadDigestInput } from '../bot/store/digest-input.js';
import { createBenchDatabase, type StoreKind } from './bench-db.js';
import { pgDigestAnchor } from './pg-anchors.js';
import { seedPlan } from './seed.js';
import type { Row } from './table.js';

/** Friday of 2023-W26: half a year of weekly reports behind each task. */
const NOW = new Date('2023-06-30T16:00:00+08:00');
const IMPORTED = new Date('2023-01-03T10:00:00+08:00');
const WEEKS = 25;

/**
 * The plan with two owners per task and, every week since the import, one
 * report from most tasks (each week about one in seven misses it), carrying a
 * value for each of the task's targets.
 */
async function seedStore(db: Db, tasks: number): Promise<number> {
  const { planId, taskIds, ownersOf } = await seedPlan(db, { tasks, owners: 2, block: 10, importedAt: IMPORTED });
  const reports = [];
  for (let w = 0; w < WEEKS; w++) {
    const at = new Date(IMPORTED.getTime() + (w * 7 + 1) * 86_400_000);
    for (const [i, taskId] of taskIds.entries()) {
      if ((i + w) % 7 === 3) continue;
      reports.push({
        taskId, personId: ownersOf.get(taskId)![w % 2]!, period: `2023-W${String(w + 1).padStart(2, '0')}`,
        status: (i + w) % 11 === 5 ? 'at_risk' : 'on_track', rawText: `第${w + 1}周进展：按计划推进，已完成${(w + 1) * 3}项`, source: 'text',
        createdAt: at, updatedAt: at,
      });
    }
  }
  for (let i = 0; i < reports.length; i += 5000) await db.report.createMany({ data: reports.slice(i, i + 5000) });
  const targets = await db.target.findMany({ select: { id: true, taskId: true, unit: true } });
  const targetsOf = new Map<number, typeof targets>();
  for (const g of targets) targetsOf.set(g.taskId, [...(targetsOf.get(g.taskId) ?? []), g]);
  const stored = await db.report.findMany({ select: { id: true, taskId: true }, orderBy: { id: 'asc' } });
  const values = stored.flatMap((r, i) => (targetsOf.get(r.taskId) ?? []).map((g) => ({ reportId: r.id, targetId: g.id, value: (i % 7) + 1, unit: g.unit })));
  for (let i = 0; i < values.length; i += 5000) await db.reportValue.createMany({ data: values.slice(i, i + 5000) });
  return planId;
}

/** 2023-01-01 00:00 in Beijing: the plan's start. */
const PLAN_START = new Date('2022-12-31T16:00:00Z');

/** A moment as the SQLite store keeps it (ISO text, +00:00). */
const sqliteTime = (d: Date) => d.toISOString().replace('Z', '+00:00');

/**
 * The same reads as loadDigestInput (bot/store/task-states.ts, bot/store/task-rows.ts), as hand-written SQL on
 * the same file, one plain statement per relation: the plans, the tasks with their sections, parties, active
 * assignments with their people, owners' leave, milestones, the current periods' snoozes and check-ins sent,
 * extension audit entries, targets, each task's newest 30 reports, each target's latest value and a level's
 * first since the start (bot/store/target-values.ts).
 */
function rawRead(file: string, planId: number): number {
  const sql = new Database(file, { readonly: true });
  const now = sqliteTime(NOW);
  const since = sqliteTime(PLAN_START);
  const today = shanghaiDate(NOW);
  const periods = (['weekly', 'biweekly', 'monthly'] as const).map((c) => periodOf(c, today).id);
  const inPlan = 'SELECT id FROM Task WHERE planId = ? AND removedAt IS NULL';
  try {
    const all = (q: string, ...args: unknown[]) => sql.prepare(q).all(...args);
    const plans = all('SELECT id, title, year, periodStart, periodEnd, shortName, archivedAt FROM Plan ORDER BY id');
    const tasks = all(`SELECT t.*, s.ordinal, s.title AS sectionTitle, s.parentOrdinal FROM Task t LEFT JOIN Section s ON s.id = t.sectionId
      WHERE t.planId = ? AND t.removedAt IS NULL ORDER BY t.position`, planId);
    const parties = all(`SELECT * FROM TaskParty WHERE taskId IN (${inPlan})`, planId);
    const people = all(`SELECT a.*, p.name, p.openId FROM Assignment a JOIN Person p ON p.id = a.personId WHERE a.taskId IN (${inPlan}) AND a.active = 1`, planId);
    const leave = all(`SELECT l.* FROM Assignment a JOIN Leave l ON l.personId = a.personId WHERE a.taskId IN (${inPlan}) AND a.active = 1 AND a.role = 'owner'`, planId);
    const milestones = all(`SELECT * FROM Milestone WHERE taskId IN (${inPlan})`, planId);
    const snoozes = all(`SELECT * FROM Snooze WHERE taskId IN (${inPlan}) AND period IN (?, ?, ?)`, planId, ...periods);
    const asked = all(`SELECT n.taskId, n.period FROM Task t CROSS JOIN Nudge n WHERE t.planId = ? AND t.removedAt IS NULL AND n.taskId = t.id AND n.period IN (?, ?, ?)
      AND n.state = 'sent' AND n.sentAt <= ? AND n.kind IN ('checkin', 'followup1', 'followup2', 'snooze1', 'snooze2') GROUP BY n.taskId, n.period`, planId, ...periods, now);
    const audit = all(`SELECT id, taskId, action, after FROM AuditEntry WHERE taskId IN (${inPlan})
      AND action IN ('extension.requested', 'extension.approved', 'extension.refused', 'extension.approval-undone')`, planId);
    const targets = all(`SELECT * FROM Target WHERE taskId IN (${inPlan}) AND removedAt IS NULL`, planId);
    const reports = all(`SELECT * FROM (SELECT r.id, r.taskId, r.personId, r.status, r.percent, r.period, r.createdAt, r.rawText, r.returnedAt, r.source,
        ROW_NUMBER() OVER (PARTITION BY r.taskId ORDER BY r.createdAt DESC, r.id DESC) AS newest
      FROM Report r WHERE r.taskId IN (${inPlan}) AND r.revokedAt IS NULL AND r.createdAt <= ?) WHERE newest <= 30`, planId, now);
    const one = (order: string, where: string) => sql.prepare(`SELECT g.id, v.value, r.createdAt FROM Target g JOIN Task t ON t.id = g.taskId
      JOIN ReportValue v ON v.id = (SELECT v2.id FROM ReportValue v2 JOIN Report r2 ON r2.id = v2.reportId
        WHERE v2.targetId = g.id AND r2.revokedAt IS NULL AND r2.createdAt <= ? ${order} LIMIT 1)
      JOIN Report r ON r.id = v.reportId WHERE t.planId = ? AND t.removedAt IS NULL AND g.removedAt IS NULL ${where}`);
    const latest = one('ORDER BY r2.createdAt DESC, r2.id DESC, v2.id DESC', '').all(now, planId);
    const first = one('AND r2.createdAt >= ? ORDER BY r2.createdAt, r2.id, v2.id', "AND g.kind = 'level' AND g.comparator <> 'at_most' AND g.baseline IS NULL").all(now, since, planId);
    return [plans, tasks, parties, people, leave, milestones, snoozes, asked, audit, targets, reports, latest, first].reduce((n, rows) => n + rows.length, 0);
  } finally {
    sql.close();
  }
}

async function median(times: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
}

export async function benchDigest(store: StoreKind = 'sqlite'): Promise<Row[]> {
  const rows: Row[] = [];
  const cal = chineseWorkCalendar();
  for (const n of [22, 500, 5000]) {
    const database = await createBenchDatabase('digest', store);
    const db = await openStore(database.url);
    const pgAnchor = store === 'postgres' ? await pgDigestAnchor(database.url) : null;
    try {
      const planId = await seedStore(db, n);
      await database.analyze();
      const runs = n >= 5000 ? 3 : 7;
      const load = await median(runs, () => loadDigestInput(db, planId, NOW, cal));
      const input = await loadDigestInput(db, planId, NOW, cal);
      const build = await median(runs, () => buildDigest(input));
      const raw = await median(runs, () => (pgAnchor ? pgAnchor.read(planId, NOW, PLAN_START) : rawRead(database.name, planId)));
      rows.push({
        benchmark: `digest: ${n} tasks, ${WEEKS} weeks of reports`,
        figure: `${(load + build).toFixed(0)} ms (store ${load.toFixed(0)} + build ${build.toFixed(0)})`,
        anchor: `raw SQL reads ${raw.toFixed(0)} ms`,
        ratio: `${(load / raw).toFixed(1)}× (store vs SQL)`,
      });
    } finally {
      await pgAnchor?.close();
      await db.$disconnect();
      await database.drop();
    }
  }
  return rows;
}
