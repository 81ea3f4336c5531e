/** The carry-over (承接责任人) as the CLI prints it: a table (新任务 | 承接自 | 牵头单位 | 责任人 | 依据), then what is not carried. */
import { planCarryOver, type CarryPlan } from '../domain/plan/carry-over.js';
import { ambiguousLine, CARRY_HEADERS, carryRow, carrySummary } from '../domain/plan/carry-words.js';
import type { ParsedPlan } from '../domain/plan/types.js';
import { newTasks, oldTasks, parsedTasks, type CarrySource } from '../store/carry-over.js';
import type { Db } from '../store/db.js';
import { planKey } from '../store/import-plan.js';

export function carryTable(plan: CarryPlan): string {
  const lines = plan.carry.length ? [CARRY_HEADERS.join(' | '), ...plan.carry.map(carryRow).map((r) => [r.to, r.from, r.units, r.people, r.reason].join(' | '))] : ['（没有可承接的任务）'];
  lines.push(...plan.ambiguous.map(ambiguousLine), `${carrySummary(plan)}。`);
  return `${lines.join('\n')}\n`;
}

/** What importing `parsed` and carrying from `source` would do, the store unchanged. */
export async function dryRunCarry(db: Db, source: CarrySource, parsed: ParsedPlan): Promise<string> {
  const stored = await db.plan.findUnique({ where: { key: planKey(parsed.plan) }, select: { id: true } });
  const tasks = parsedTasks(parsed, stored ? await newTasks(db, stored.id) : []);
  const plan = planCarryOver(await oldTasks(db, source.id), tasks);
  return `预览：从《${source.title}》承接责任人到《${parsed.plan.title}》（未作任何修改）\n${carryTable(plan)}`;
}
