/**
 * `workplan import <file> [--units <分解表>] [--carry-from <plan>] [--dry-run]`: store a plan, or update it in place.
 * `--units` merges a units-only 任务分解表 (任务编号, 牵头科室, 配合科室, 分管领导) onto the tasks by number. A new
 * plan while an earlier one is stored gets a preview of the people it could carry over (承接责任人);
 * `--carry-from` carries them (after the import), `--dry-run` only shows what would be carried. A plan that names
 * lead units or leaders is then proposed owners from the org chart (printed; nothing assigned).
 */
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { importBudget, readPlanInWorker } from '../plan-files/read-in-worker.js';
import { importPlan, planKey } from '../store/import-plan.js';
import { applyCarry, carrySource, previewCarry, type CarrySource } from '../store/carry-over.js';
import type { Db } from '../store/db.js';
import { findPlan } from '../store/plans.js';
import { mergeUnits } from '../domain/plan/units-table.js';
import { readUnitsFile } from '../plan-files/read-units-file.js';
import { configuredChart, proposeAfterImport, type ChartSource } from './assign-propose.js';
import { carryTable, dryRunCarry } from './carry-table.js';
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';
import { withDb } from './open-db.js';

export async function runImport(args: string[], io: Io, chartSource?: ChartSource | null): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { 'carry-from': { type: 'string' }, 'dry-run': { type: 'boolean' }, units: { type: 'string' } } });
  const file = positionals[0];
  if (!file) throw new UsageError('请指定要导入的文件：workplan import <文件>');
  const now = systemClock.now();
  // Read and parse fully before touching the store (bad input changes nothing), in a worker
  // thread within the time and memory budget (IMPORT_TIMEOUT_SECONDS, IMPORT_MEMORY_MB).
  const budget = importBudget(loadConfig(process.env, 'store'));
  // After loadConfig, which reads .env: Feishu's org chart when the app's credentials are set.
  const readChart = chartSource === undefined ? configuredChart(process.env) : chartSource;
  const read = await readPlanInWorker({ path: file, fallbackYear: now.getFullYear() }, budget);
  const { sourceName, sourceText } = read;
  // A units table (任务分解表) names the tasks' lead units, collaborators and leaders by task number.
  const parsed = values.units === undefined ? read.parsed : mergeUnits(read.parsed, await readUnitsFile(values.units));
  const key = planKey(parsed.plan);
  const ref = values['carry-from'];
  return withDb(async (db) => {
    const named = ref === undefined ? null : await namedSource(db, ref, key);
    if (values['dry-run']) {
      const source = named ?? (await carrySource(db, { issuer: parsed.plan.issuer, year: parsed.plan.year, exceptKey: key }));
      io.out(source ? await dryRunCarry(db, source, parsed) : `没有可承接责任人的其他计划。（预览，未作任何修改）\n`);
      return 0;
    }
    const result = await importPlan(db, { parsed, sourceName, sourceText, actor: 'cli', now });
    if (result.created) {
      io.out(`已导入《${parsed.plan.title}》：${parsed.sections.length} 个部分、${result.taskCount} 项任务。\n`);
    } else if (!result.changes.length) {
      io.out(`《${parsed.plan.title}》已是最新，没有变化。\n`);
    } else {
      io.out(`已更新《${parsed.plan.title}》，责任人与进展记录均保留。变化 ${result.changes.length} 处：\n`);
      for (const c of result.changes) io.out(`  - ${c.message}\n`);
    }
    for (const w of parsed.warnings) io.err(`提示：${w}\n`);
    if (values.units !== undefined) io.out(`已按任务分解表 ${values.units} 写入牵头单位、配合单位和责任领导。\n`);
    if (named) {
      const { plan, added } = await applyCarry(db, { fromPlanId: named.id, toPlanId: result.planId, by: 'cli', now });
      io.out(`已从《${named.title}》承接责任人（新增 ${added} 人次）：\n${carryTable(plan)}`);
    } else if (result.created) {
      const source = await carrySource(db, { issuer: parsed.plan.issuer, year: parsed.plan.year, exceptId: result.planId });
      const plan = source ? await previewCarry(db, { fromPlanId: source.id, toPlanId: result.planId }) : null;
      if (source && plan?.carry.length) {
        io.out(`可从《${source.title}》承接以下任务的责任人（尚未承接）：\n${carryTable(plan)}`);
        io.out(`确认无误后运行：workplan import ${file} --carry-from ${source.id}\n`);
      }
    }
    // Owners proposed from the org chart when the plan names units (issue #23); nothing is assigned.
    if (!named) await proposeAfterImport(db, result.planId, { created: result.created, changed: result.changes.length > 0 }, io, readChart);
    return 0;
  });
}

/** The plan --carry-from names: by number, year or part of its title; never the plan being imported. */
async function namedSource(db: Db, ref: string, key: string): Promise<CarrySource> {
  const plan = await findPlan(db, ref);
  if (!plan) throw new UsageError(`没有找到计划「${ref}」，或对应多份计划。运行 workplan plans 查看编号。`);
  const stored = await db.plan.findUnique({ where: { id: plan.id }, select: { key: true } });
  if (stored?.key === key) throw new UsageError(`「${plan.title}」就是要导入的计划，不能从它承接责任人。`);
  return { id: plan.id, title: plan.title, year: plan.year };
}
