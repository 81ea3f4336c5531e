/** `workplan plans`: the stored plans and their state; `workplan archive <plan>`: ends one (no more nudges or digests). */
import { systemClock } from '../clock.js';
import { archivePlan, findPlan, listPlans, planLine } from '../store/plans.js';
import type { Io } from './io.js';
import { withDb } from './open-db.js';
import { UsageError } from './usage-error.js';

export async function runPlans(_args: string[], io: Io): Promise<number> {
  const plans = await withDb((db) => listPlans(db));
  if (!plans.length) {
    io.out('数据库中还没有计划。先运行：workplan import <工作要点文件>\n');
    return 0;
  }
  io.out(`${plans.map(planLine).join('\n')}\n`);
  return 0;
}

export async function runArchive(args: string[], io: Io): Promise<number> {
  const ref = args[0];
  if (!ref) throw new UsageError('请指明要归档的计划：workplan archive <编号>（编号见 workplan plans）');
  return withDb(async (db) => {
    const plan = await findPlan(db, ref);
    if (!plan) throw new UsageError(`没有找到计划「${ref}」，或对应多份计划。运行 workplan plans 查看编号。`);
    if (plan.archivedAt || !(await archivePlan(db, { planId: plan.id, by: 'cli', now: systemClock.now() }))) {
      io.out(`「${plan.title}」已归档，无需重复操作。\n`);
      return 0;
    }
    io.out(`已归档「${plan.title}」：不再催办、督办和发送周报；任务、进展和台账保留。\n`);
    return 0;
  });
}
