/** `workplan parse <file> [--json]` */
import { parseArgs } from 'node:util';
import { formatPlanSummary } from './format-plan.js';
import { toPlanJson } from '../domain/plan/plan-json.js';
import { importBudget, readPlanInWorker } from '../plan-files/read-in-worker.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../clock.js';
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';

export async function runParse(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  const file = positionals[0];
  if (!file) throw new UsageError('请指定要解析的文件：workplan parse <文件> [--json]');
  // Read and parsed in a worker thread, within the time and memory budget (IMPORT_TIMEOUT_SECONDS, IMPORT_MEMORY_MB).
  const budget = importBudget(loadConfig(process.env, 'store'));
  const { parsed } = await readPlanInWorker({ path: file, fallbackYear: systemClock.now().getFullYear() }, budget);
  if (values.json) io.out(JSON.stringify(toPlanJson(parsed), null, 2) + '\n');
  else io.out(formatPlanSummary(parsed));
  for (const w of parsed.warnings) io.err(`提示：${w}\n`);
  return 0;
}
