/**
 * /subscribe (订阅周报), /unsubscribe (取消订阅): the current group chat receives the weekly digest, or stops.
 * 「/subscribe」 sends one digest per plan in force (the default); 「/subscribe 合并」 one digest covering them
 * all; 「/subscribe <计划>」 only that plan's (bot/domain/digest/recipients.ts). Audited; no change says so.
 */
import type { Deps } from '../../../deps.js';
import { choiceWords, type DigestChatChoice } from '../../../domain/digest/recipients.js';
import { botText, cut } from '../../../feishu/safe-text.js';
import { findPlan, listPlans } from '../../../store/plans.js';
import type { CommandContext } from '../../types.js';
import { CommandError, say, type CommandSpec } from '../command.js';
import { auditChange } from './shared.js';

type Choice = Omit<DigestChatChoice, 'chatId'>;
const PER_PLAN: Choice = { planId: null, combined: false };
const COMBINED = /^(合并|combined|all|全部)$/iu;
const SEPARATE = /^(分别|各计划|per-plan)$/iu;

/** What the words ask for: per plan (nothing, 「分别」), combined (「合并」), or one plan (its number, short name, year, title). */
async function choiceOf(deps: Deps, args: string): Promise<Choice> {
  const ref = args.trim();
  if (!ref || SEPARATE.test(ref)) return PER_PLAN;
  if (COMBINED.test(ref)) return { planId: null, combined: true };
  const plan = await findPlan(deps.db, ref);
  if (!plan) throw new CommandError(botText`没有找到计划「${cut(ref, 20)}」，或对应多份计划。发送 /plans 查看编号；合并各计划请写「/subscribe 合并」。`);
  if (plan.archivedAt) throw new CommandError(botText`「${cut(plan.title, 40)}」已归档，不再发送周报。`);
  return { planId: plan.id, combined: false };
}

async function subscribe(deps: Deps, ctx: CommandContext) {
  if (ctx.chatType === 'p2p') throw new CommandError(botText`请在要接收周报的群里 @我 并发送此命令，私聊中无法订阅。`);
  const want = await choiceOf(deps, ctx.args);
  const now = deps.clock.now();
  const before = await deps.db.chat.findUnique({ where: { chatId: ctx.chatId } });
  const titles = new Map((await listPlans(deps.db)).map((p) => [p.id, p.title]));
  const words = choiceWords(want, (id) => cut(titles.get(id) ?? `计划${id}`, 40));
  const had: Choice = { planId: before?.digestPlanId ?? null, combined: before?.digestCombined ?? false };
  if (before?.digest && had.planId === want.planId && had.combined === want.combined) {
    await say(deps, ctx, botText`本群已订阅周报（${words}），未作修改。`, 'subscribe');
    return;
  }
  const data = { digest: true, digestPlanId: want.planId, digestCombined: want.combined, ...(before?.digest ? {} : { subscribedBy: ctx.senderOpenId, subscribedAt: now }) };
  await deps.db.chat.upsert({ where: { chatId: ctx.chatId }, create: { chatId: ctx.chatId, createdAt: now, ...data }, update: data });
  const after = { chatId: ctx.chatId, digest: true, planId: want.planId, combined: want.combined };
  if (before?.digest) await auditChange(deps, ctx, { action: 'chat.digest-choice', before: { chatId: ctx.chatId, digest: true, planId: had.planId, combined: had.combined }, after });
  else await auditChange(deps, ctx, { action: 'chat.subscribed', before: { chatId: ctx.chatId, digest: false }, after });
  await say(deps, ctx, before?.digest ? botText`本群周报已改为：${words}。` : botText`本群已订阅周报，每周将在此发送工作要点进展周报（${words}）。`, 'subscribe');
}

async function unsubscribe(deps: Deps, ctx: CommandContext) {
  if (ctx.chatType === 'p2p') throw new CommandError(botText`请在要接收周报的群里 @我 并发送此命令，私聊中无法订阅。`);
  const before = await deps.db.chat.findUnique({ where: { chatId: ctx.chatId } });
  if (!before?.digest) {
    await say(deps, ctx, botText`本群未订阅周报，未作修改。`, 'subscribe');
    return;
  }
  await deps.db.chat.update({ where: { chatId: ctx.chatId }, data: { digest: false, digestPlanId: null, digestCombined: false } });
  await auditChange(deps, ctx, { action: 'chat.unsubscribed', before: { chatId: ctx.chatId, digest: true, planId: before.digestPlanId, combined: before.digestCombined }, after: { chatId: ctx.chatId, digest: false } });
  await say(deps, ctx, botText`本群已取消订阅周报。`, 'subscribe');
}

export const subscribeCommand: CommandSpec = {
  names: ['subscribe', '订阅周报'],
  example: '在群里 @我 /subscribe 合并',
  admin: true,
  usage: '在群里 @我 /subscribe [合并|计划]（默认进行中的每份计划各发一份；「合并」合为一份；写计划编号或简称则只发该计划）',
  summary: '本群订阅周报（每份计划各一份、合并为一份，或只订一份计划）',
  run: subscribe,
};

export const unsubscribeCommand: CommandSpec = {
  names: ['unsubscribe', '取消订阅'],
  example: '在群里 @我 /unsubscribe',
  admin: true,
  usage: '在群里 @我 /unsubscribe',
  summary: '本群取消订阅周报',
  run: unsubscribe,
};
