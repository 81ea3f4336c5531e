/**
 * Benchmark 4: the weekly digest for 22, 500 and 5,000 tasks with a realistic
 * number of reports each (six weeks of weekly reports with values), through
 * the store (Prisma) and the pure builder, against the same reads in raw SQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chineseWorkCalendar } from '../bot/domain/calendar/chinese-calendar.js';
import { buildDigest } from '../bot/domain/digest/build-digest.js';
import { parsePlan } from '../bot/domain/plan/parse-plan.js';
import { openStore, type Db } from '../bot/store/db.js';
import { loadDigestInput } from '../bot/store/digest-input.js';
import { importPlan } from '../bot/store/import-plan.js';
import { generatePlan } from './generate-plan.js';
import type { Row } from './table.js';

const NOW = new Date('2023-04-14T16:00:00+08:00');
const WEEKS = 6;

async function seedStore(db: Db, tasks: number): Promise<number> {
  const text = generatePlan(tasks);
  const parsed = parsePlan({ kind: 'text', name: 'big.txt', text });
  const { planId } = await importPlan(db, { parsed, sourceName: 'big.txt', sourceText: text, actor: 'bench', now: new Date('2023-03-01T00:00:00Z') });
  const all = await db.task.findMany({ where: { planId }, include: { targets: true } });
  const t0 = new Date('2023-03-01T00:00:00Z');
  await db.person.createMany({ data: all.map((t) => ({ name: `人员${t.code}`, openId: `ou_bench_${t.id}`, createdAt: t0, updatedAt: t0 })) });
  const people = await db.person.findMany({ select: { id: true, openId: true } });
  const personOf = new Map(people.map((p) => [p.openId, p.id]));
  await db.assignment.createMany({ data: all.map((t) => ({ taskId: t.id, personId: personOf.get(`ou_bench_${t.id}`)!, role: 'owner', assignedAt: t0 })) });
  for (let w = 0; w < WEEKS; w++) {
    const at = new Date(NOW.getTime() - (WEEKS - w) * 7 * 86_400_000);
    await db.report.createMany({
      data: all.map((t) => ({
        taskId: t.id, personId: personOf.get(`ou_bench_${t.id}`)!, period: `2023-W${String(9 + w).padStart(2, '0')}`,
        status: w % 5 === 4 ? 'at_risk' : 'on_track', rawText: `第${w + 1}周进展：按计划推进，已完成${(w + 1) * 3}项`, source: 'text',
        createdAt: at, updatedAt: at,
      })),
    });
  }
  const reports = await db.report.findMany({ select: { id: true, taskId: true } });
  const targetOf = new Map(all.map((t) => [t.id, t.targets[0]]));
  const values = reports.flatMap((r, i) => {
    const g = targetOf.get(r.taskId);
    return g ? [{ reportId: r.id, targetId: g.id, value: (i % 7) + 1, unit: g.unit }] : [];
  });
  for (let i = 0; i < values.length; i += 5000) await db.reportValue.createMany({ data: values.slice(i, i + 5000) });
  return planId;
}

/** The same reads as loadDigestInput, as hand-written SQL on the same file. */
function rawRead(file: string, planId: number): number {
  const sql = new Database(file, { readonly: true });
  try {
    const tasks = sql.prepare('SELECT * FROM Task WHERE planId = ? AND removedAt IS NULL ORDER BY position').all(planId) as { id: number }[];
    const reports = sql.prepare('SELECT r.* FROM Report r JOIN Task t ON t.id = r.taskId WHERE t.planId = ? AND r.revokedAt IS NULL ORDER BY r.createdAt DESC').all(planId);
    const values = sql.prepare('SELECT v.*, r.createdAt FROM ReportValue v JOIN Report r ON r.id = v.reportId JOIN Task t ON t.id = r.taskId WHERE t.planId = ? AND r.revokedAt IS NULL').all(planId);
    const targets = sql.prepare('SELECT g.* FROM Target g JOIN Task t ON t.id = g.taskId WHERE t.planId = ? AND g.removedAt IS NULL').all(planId);
    const people = sql.prepare("SELECT a.*, p.name FROM Assignment a JOIN Person p ON p.id = a.personId JOIN Task t ON t.id = a.taskId WHERE t.planId = ? AND a.active = 1 AND a.role = 'owner'").all(planId);
    const parties = sql.prepare("SELECT tp.* FROM TaskParty tp JOIN Task t ON t.id = tp.taskId WHERE t.planId = ? AND tp.role = 'lead'").all(planId);
    const nudges = sql.prepare("SELECT n.taskId, n.period FROM Nudge n JOIN Task t ON t.id = n.taskId WHERE t.planId = ? AND n.state = 'sent'").all(planId);
    return tasks.length + reports.length + values.length + targets.length + people.length + parties.length + nudges.length;
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

export async function benchDigest(): Promise<Row[]> {
  const rows: Row[] = [];
  const cal = chineseWorkCalendar();
  for (const n of [22, 500, 5000]) {
    const dir = mkdtempSync(join(tmpdir(), 'wp-bench-digest-'));
    const file = join(dir, 'bench.db');
    const db = await openStore(`file:${file}`);
    try {
      const planId = await seedStore(db, n);
      const runs = n >= 5000 ? 3 : 7;
      const load = await median(runs, () => loadDigestInput(db, planId, NOW, cal));
      const input = await loadDigestInput(db, planId, NOW, cal);
      const build = await median(runs, () => buildDigest(input, cal));
      const raw = await median(runs, () => rawRead(file, planId));
      rows.push({
        benchmark: `digest: ${n} tasks × ${WEEKS} reports`,
        figure: `${(load + build).toFixed(0)} ms (store ${load.toFixed(0)} + build ${build.toFixed(0)})`,
        anchor: `raw SQL reads ${raw.toFixed(0)} ms`,
        ratio: `${(load / raw).toFixed(1)}× (store vs SQL)`,
      });
    } finally {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
