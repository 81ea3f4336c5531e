/**
 * Benchmark 6: importing a 6,000-row task table (.xlsx and .csv) as /import and
 * `workplan import` do it — read and parse in a worker thread (with the default
 * budget), then store in a fresh SQLite file. Anchors, in the same run: the
 * bare read (.xlsx: inflating the sheet and counting its cells; .csv:
 * csv-parse alone) and the same rows written as hand-written SQL
 * (better-sqlite3, one transaction) on a copy of the empty store.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ParsedPlan } from '../bot/domain/plan/types.js';
import { readZipDirectory } from '../bot/plan-files/zip-directory.js';
import { importPlan } from '../bot/store/import-plan.js';
import { manualClock } from '../bot/clock.js';
import { benchEnv } from './bench-env.js';
import type { Row } from './table.js';

const ROWS = 6000;
const BUDGET = { timeoutMs: 120_000, memoryMb: 512 };
const NOW = new Date('2023-01-03T09:30:00+08:00');
const HEADER = ['序号', '重点工作任务', '牵头单位', '配合单位', '完成时限'];
const row = (i: number) => [
  String(i),
  `培育科技型企业第${i}批。组织开展政策宣讲，力争全年新增科技型企业${(i % 90) + 10}家，技术合同登记${(i % 9) + 1}亿元。`,
  `第${(i % 6) + 1}科室`,
  '区财政局、区税务局',
  `2023年${(i % 12) + 1}月底`,
];

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

async function tableFiles(): Promise<{ xlsx: Buffer; csv: Buffer }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务');
  ws.addRow(['某区科技局2023年重点工作任务分解表（xlsx）']);
  ws.addRow(HEADER);
  for (let i = 1; i <= ROWS; i++) ws.addRow(row(i));
  const lines = ['某区科技局2023年重点工作任务分解表（csv）', HEADER.join(','), ...Array.from({ length: ROWS }, (_, i) => row(i + 1).map((c) => `"${c}"`).join(','))];
  return { xlsx: Buffer.from(await wb.xlsx.writeBuffer()), csv: Buffer.from(lines.join('\n'), 'utf8') };
}

/** The read anchor: the bytes made available, nothing understood. */
function bareRead(name: string, bytes: Buffer): number {
  if (name.endsWith('.csv')) return (parseCsv(bytes.toString('utf8'), { relax_column_count: true }) as string[][]).length;
  const sheet = readZipDirectory(bytes, 1000).entries.find((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))!;
  const data = bytes.subarray(sheet.dataOffset, sheet.dataOffset + sheet.compressedSize);
  const xml = (sheet.method === 8 ? inflateRawSync(data) : data).toString('utf8');
  let cells = 0;
  for (let at = xml.indexOf('<c '); at >= 0; at = xml.indexOf('<c ', at + 3)) cells++;
  return cells;
}

/** The store anchor: plan, tasks, targets and parties as plain inserts in one transaction. */
function rawStore(file: string, parsed: ParsedPlan): void {
  const sql = new Database(file);
  const now = NOW.getTime();
  sql.transaction(() => {
    const planId = sql
      .prepare('INSERT INTO Plan (key, title, issuer, year, issuedOn, periodEnd, sourceName, sourceText, sourceHash, importedAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(`raw|${parsed.plan.title}`, parsed.plan.title, parsed.plan.issuer, parsed.plan.year, parsed.plan.issuedOn, parsed.plan.periodEnd, 'raw', '', '', now, now).lastInsertRowid;
    const task = sql.prepare('INSERT INTO Task (planId, code, number, position, title, body, deadline, deadlineText, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const target = sql.prepare('INSERT INTO Target (taskId, position, label, value, unit, comparator, kind, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const party = sql.prepare('INSERT INTO TaskParty (taskId, role, name, position) VALUES (?, ?, ?, ?)');
    parsed.tasks.forEach((t, position) => {
      const id = task.run(planId, t.code, t.number, position, t.title, t.body, t.deadline, t.deadlineText, now, now).lastInsertRowid;
      t.targets.forEach((g, i) => target.run(id, i, g.label, g.value, g.unit, g.comparator, g.kind, g.text));
      [...t.leadUnits.map((n) => ['lead', n]), ...t.collaborators.map((n) => ['collaborator', n]), ...t.leaders.map((n) => ['leader', n])].forEach(([role, name], i) =>
        party.run(id, role, name, i),
      );
    });
  })();
  sql.close();
}

/** The reader as production runs it: compiled (run.ts builds dist/), so its worker thread starts without tsx. */
async function compiledReader(): Promise<typeof import('../bot/plan-files/read-in-worker.js')['readPlanInWorker']> {
  const url = new URL('../dist/bot/plan-files/read-in-worker.js', import.meta.url).href;
  return ((await import(url)) as typeof import('../bot/plan-files/read-in-worker.js')).readPlanInWorker;
}

export async function benchImport(): Promise<Row[]> {
  const readPlanInWorker = await compiledReader();
  const { xlsx, csv } = await tableFiles();
  const rows: Row[] = [];
  for (const [name, bytes] of [['任务分解表.xlsx', xlsx], ['任务分解表.csv', csv]] as const) {
    const env = await benchEnv('import');
    const copy = `${env.dbFile}.anchor`;
    try {
      const deps = env.deps(manualClock(NOW));
      await deps.db.plan.count(); // the store is migrated and open before the clock starts
      copyFileSync(env.dbFile, copy);
      const [read, readMs] = await time(() => readPlanInWorker({ name, bytes, fallbackYear: 2023 }, BUDGET));
      const [result, storeMs] = await time(() => importPlan(deps.db, { ...read, actor: 'bench', now: NOW }));
      if (result.taskCount !== ROWS) throw new Error(`imported ${result.taskCount} tasks, expected ${ROWS}`);
      const [, bareMs] = await time(() => bareRead(name, bytes));
      const [, rawMs] = await time(() => rawStore(copy, read.parsed));
      const total = readMs + storeMs;
      rows.push({
        benchmark: `import: ${ROWS}-row ${name.slice(name.lastIndexOf('.'))} (read + parse + store)`,
        figure: `${(total / 1000).toFixed(2)} s (read + parse ${(readMs / 1000).toFixed(2)} s in a worker thread, store ${(storeMs / 1000).toFixed(2)} s)`,
        anchor: `bare read ${(bareMs / 1000).toFixed(2)} s + raw SQL inserts ${(rawMs / 1000).toFixed(2)} s`,
        ratio: `${(total / (bareMs + rawMs)).toFixed(1)}×`,
      });
    } finally {
      rmSync(copy, { force: true });
      await env.close();
    }
  }
  return rows;
}
