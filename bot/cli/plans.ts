/** `workplan plans`: the stored plans and their state (`--name` sets a short name); `workplan archive <plan>`: ends one (no more nudges or digests). */
import { systemClock } from '../clock.js';
import { parseArgs } from 'node:util';
import { archivePlan, findPlan, listPlans, planLine, setShortName } from '../store/plans.js';
import type { Io } from './io.js';
import { withDb } from './open-db.js';
import { UsageError } from './usage-error.js';

export async function runPlans(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { name: { type: 'string' } }, allowPositionals: true, strict: true });
  if (values.name !== undefined) return nameStep(values.name, positionals[0], io);
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

/** `workplan plans --name <计划> <简称>`: sets (「无」 clears) the plan's short name. */
async function nameStep(ref: string, name: string | undefined, io: Io): Promise<number> {
  if (!name) throw new UsageError('请写明简称：workplan plans --name <计划> <简称>（写「无」清除简称）');
  return withDb(async (db) => {
    const plan = await findPlan(db, ref);
    if (!plan) throw new UsageError(`没有找到计划「${ref}」，或对应多份计划。运行 workplan plans 查看编号。`);
    const clear = name === '无';
    const r = await setShortName(db, { planId: plan.id, name: clear ? null : name, by: 'cli', now: systemClock.now() });
    if (r.ok === false) throw new UsageError(r.why);
    if (r.ok === 'same') io.out(`「${plan.title}」的简称未作修改。\n`);
    else io.out(clear ? `已清除「${plan.title}」的简称。\n` : `已将「${plan.title}」的简称设为「${name}」：多份计划进行中时，其任务编号写作「${name}-7」。\n`);
    return 0;
  });
}
