/** /plans (计划): the plans and their state; /archive N (归档): ends a plan — no more nudges or digests, the ledger kept. */
import { botText, cut, joinText } from '../../../feishu/safe-text.js';
import type { Deps } from '../../../deps.js';
import { archivePlan, findPlan, listPlans, planLine, setShortName } from '../../../store/plans.js';
import type { CommandContext } from '../../types.js';
import { CommandError, say, type CommandSpec } from '../command.js';

export const plansCommand: CommandSpec = {
  names: ['plans', '计划'],
  admin: true,
  usage: '/plans [简称 计划 简称]（设置计划简称：多份计划进行中时，任务编号写作「简称-7」；简称写「无」则清除）',
  summary: '查看全部工作要点及其状态（进行中 / 已归档），或设置计划简称',
  example: '/plans 简称 2 区委',
  run: async (deps, ctx) => {
    const [verb, ref, name] = ctx.args.trim().split(/\s+/);
    if (verb === '简称' || verb?.toLowerCase() === 'name') return nameStep(deps, ctx, ref, name);
    const plans = await listPlans(deps.db);
    if (!plans.length) throw new CommandError(botText`还没有导入任何工作要点。`);
    await say(deps, ctx, botText`工作要点（${plans.length}份）：\n${joinText(plans.map((p) => botText`${planLine(p)}`), '\n')}\n\n归档已结束的计划：/archive 编号；设置简称：/plans 简称 编号 简称`, 'plans');
  },
};

export const archiveCommand: CommandSpec = {
  names: ['archive', '归档'],
  admin: true,
  usage: '/archive 计划编号（编号见 /plans；也可写年份或标题中的几个字）',
  summary: '归档已结束的计划：不再催办、督办和发送周报，台账保留',
  example: '/archive 1',
  run: async (deps, ctx) => {
    const ref = ctx.args.trim();
    if (!ref) throw new CommandError(botText`请指明要归档的计划（编号见 /plans）。`);
    const plan = await findPlan(deps.db, ref);
    if (!plan) throw new CommandError(botText`没有找到计划「${cut(ref, 20)}」，或对应多份计划。发送 /plans 查看编号。`);
    if (plan.archivedAt) throw new CommandError(botText`「${cut(plan.title, 40)}」已归档，无需重复操作。`);
    const done = await archivePlan(deps.db, { planId: plan.id, by: ctx.senderOpenId, now: deps.clock.now(), chatId: ctx.chatId, messageId: ctx.messageId });
    await say(deps, ctx, done ? botText`已归档「${cut(plan.title, 40)}」：不再催办、督办和发送周报；任务、进展和台账保留（/export 仍可导出）。` : botText`「${cut(plan.title, 40)}」已归档，无需重复操作。`, 'archive');
  },
};

async function nameStep(deps: Deps, ctx: CommandContext, ref: string | undefined, name: string | undefined) {
  if (!ref || !name) throw new CommandError(botText`请写明计划和简称，如「/plans 简称 2 区委」（简称写「无」则清除）。`);
  const plan = await findPlan(deps.db, ref);
  if (!plan) throw new CommandError(botText`没有找到计划「${cut(ref, 20)}」，或对应多份计划。发送 /plans 查看编号。`);
  const clear = name === '无';
  const r = await setShortName(deps.db, { planId: plan.id, name: clear ? null : name, by: ctx.senderOpenId, now: deps.clock.now(), chatId: ctx.chatId, messageId: ctx.messageId });
  if (r.ok === false) throw new CommandError(botText`${r.why}`);
  const text = r.ok === 'same'
    ? botText`「${cut(plan.title, 40)}」的简称未作修改。`
    : clear ? botText`已清除「${cut(plan.title, 40)}」的简称。` : botText`已将「${cut(plan.title, 40)}」的简称设为「${name}」：多份计划进行中时，其任务编号写作「${name}-7」。`;
  await say(deps, ctx, text, 'plans-name');
}
