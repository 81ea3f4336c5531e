/** `workplan import <file>`: store a plan, or update it in place. */
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { parsePlan } from '../domain/plan/parse-plan.js';
import { readPlanFile } from '../plan-files/read-plan-file.js';
import { importPlan } from '../store/import-plan.js';
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';
import { withDb } from './open-db.js';

export async function runImport(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const file = positionals[0];
  if (!file) throw new UsageError('请指定要导入的文件：workplan import <文件>');
  const now = systemClock.now();
  // Read and parse fully before touching the store: bad input changes nothing.
  const source = await readPlanFile(file);
  const parsed = parsePlan(source, { fallbackYear: now.getFullYear() });
  const sourceText = source.kind === 'text' ? source.text : source.rows.map((r) => r.join('\t')).join('\n');
  const result = await withDb((db) => importPlan(db, { parsed, sourceName: source.name, sourceText, actor: 'cli', now }));
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
