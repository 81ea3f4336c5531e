/** Which stored plan a command means: the only one, or the one named by --plan. */
import type { Db } from '../store/db.js';
import { UsageError } from './usage-error.js';

export async function pickPlan(db: Db, given: string | undefined): Promise<number> {
  const plans = await db.plan.findMany({ select: { id: true, title: true, archivedAt: true }, orderBy: { id: 'asc' } });
  if (given) {
    const plan = plans.find((p) => String(p.id) === given);
    if (!plan) throw new UsageError(`没有编号为 ${given} 的计划。${listing(plans)}`);
    return plan.id;
  }
  if (plans.length === 1) return plans[0]!.id;
  // Last year's plan archived, this year's in force: the one in force.
  const current = plans.filter((p) => !p.archivedAt);
  if (current.length === 1) return current[0]!.id;
  if (!plans.length) throw new UsageError('数据库中还没有计划。先运行：workplan import <工作要点文件>');
  throw new UsageError(`数据库中有多个计划，请用 --plan 指定。${listing(plans)}`);
}

function listing(plans: { id: number; title: string }[]): string {
  return plans.length ? `\n${plans.map((p) => `  ${p.id}：${p.title}`).join('\n')}` : '';
}
