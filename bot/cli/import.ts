/** `workplan import <file>`: store a plan, or update it in place. */
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { importBudget, readPlanInWorker } from '../plan-files/read-in-worker.js';
import { importPlan } from '../store/import-plan.js';
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';
import { withDb } from './open-db.js';

export async function runImport(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const file = positionals[0];
  if (!file) throw new UsageError('请指定要导入的文件：workplan import <文件>');
  const now = systemClock.now();
  // Read and parse fully before touching the store (bad input changes nothing), in a worker
  // thread within the time and memory budget (IMPORT_TIMEOUT_SECONDS, IMPORT_MEMORY_MB).
  const budget = importBudget(loadConfig(process.env, 'store'));
  const { parsed, sourceName, sourceText } = await readPlanInWorker({ path: file, fallbackYear: now.getFullYear() }, budget);
  const result = await withDb((db) => importPlan(db, { parsed, sourceName, sourceText, actor: 'cli', now }));
  if (result.created) {
    io.out(`已导入《${parsed.plan.title}》：${parsed.sections.length} 个部分、${result.taskCount} 项任务。\n`);
  } else if (!result.changes.length) {
    io.out(`《${parsed.plan.title}》已是最新，没有变化。\n`);
  } else {
    io.out(`已更新《${parsed.plan.title}》，责任人与进展记录均保留。变化 ${result.changes.length} 处：\n`);
    for (const c of result.changes) io.out(`  - ${c.message}\n`);
  }
  for (const w of parsed.warnings) io.err(`提示：${w}\n`);
  return 0;
}
