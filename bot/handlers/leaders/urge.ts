/**
 * 督办（加急）: a leader's 「督办」 button on the escalation card (value `{ action: 'leader-urge', taskId }`)
 * or `/urge N` (/督办) buzzes the owners' latest nudges through Feishu (urge-plan.ts says who may and
 * when). The toast names whom it buzzes; the urge is recorded (once per task per day, store/urges.ts)
 * before Feishu is asked; then a reply under the card (or the command) says what Feishu accepted and
 * who could not be buzzed, and the result is audited. A retried job reports its urge's result again
 * instead of buzzing twice.
 */
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { botText, type BotText } from '../../feishu/safe-text.js';
import { recordUrge, recordUrgeResult, urgeResult } from '../../store/urges.js';
import { checkedAction, refuse, toast, type Check } from '../reports/checked-action.js';
import { CommandError, requireTask, taskLabel, type CommandSpec } from '../commands/command.js';
import type { CardActionEntry } from '../types.js';
import { buzzOwners, type OwnerOutcome } from './buzz-owners.js';
import { planUrge, urgerName, type UrgePlan } from './urge-plan.js';
import { alreadyUrged, outcomeSummary, outcomeText, viaWords } from './urge-words.js';

type Tell = (text: BotText, key: string) => Promise<unknown>;

/** Records the urge, buzzes, audits what Feishu did and tells the leader. */
export async function runUrge(deps: Deps, plan: UrgePlan, tell: Tell): Promise<void> {
  const label = taskLabel(plan.task);
  const rec = await recordUrge(deps.db, {
    taskId: plan.task.id, actor: plan.openId, now: deps.clock.now(), click: plan.click, chatId: plan.chatId, messageId: plan.messageId,
    after: {
      owners: plan.targets.map((t) => t.name).join('、'), via: viaWords(plan.vias),
      ...(plan.without.length ? { notBuzzed: plan.without.map((w) => w.name).join('、') } : {}),
      targets: plan.targets.map((t) => ({ openId: t.openId, name: t.name, messageId: t.messageId })),
    },
  });
  if (!rec.ok) {
    // Another click took the day between this one's check and its record: nothing is buzzed twice.
    const why = alreadyUrged(await urgerName(deps, rec.earlier.actor), rec.earlier.at);
    await tell(botText`${label}：${why}，本次未重复加急。`, `urge-refused:${plan.click}`);
    return;
  }
  const known = await urgeResult(deps.db, plan.task.id, rec.id);
  const outcomes = known ? (known.outcomes as OwnerOutcome[]) : await buzzOwners(deps, plan.targets, plan.vias);
  const without = known ? (known.without as { name: string }[]) : plan.without;
  if (!known) {
    await recordUrgeResult(deps.db, {
      urgeId: rec.id, taskId: plan.task.id, actor: plan.openId, now: deps.clock.now(), buzzed: outcomes.filter((o) => o.buzzed.length).length,
      after: { outcome: outcomeSummary(outcomes, without), outcomes, without },
    });
  }
  await tell(outcomeText(label, outcomes, without), `urge-result:${rec.id}`);
}

const urgeValue = z.object({ taskId: z.number().int() });

const check: Check<UrgePlan> = async (deps, a) => {
  const v = urgeValue.safeParse(a.action.value);
  const openId = a.operator.open_id;
  const messageId = a.context?.open_message_id ?? null;
  if (!v.success || !openId) return refuse('无法识别的操作');
  const click = a.token ?? `${messageId}:${openId}`;
  const verdict = await planUrge(deps, { taskId: v.data.taskId, openId, click, chatId: a.context?.open_chat_id ?? null, messageId });
  return verdict.ok ? { ok: true, toast: toast('success', verdict.toast), plan: verdict.plan } : refuse(verdict.why);
};

export const urgeCardActions: Record<string, CardActionEntry> = {
  'leader-urge': checkedAction(check, (deps, a, plan) =>
    runUrge(deps, plan, (text, key) => {
      const messageId = a.context?.open_message_id;
      return messageId ? deps.messenger.reply(messageId, { text }, key) : deps.messenger.send({ openId: plan.openId }, { text }, key);
    }),
  ),
};

export const urgeCommand: CommandSpec = {
  names: ['urge', '督办', '加急'],
  example: '/督办 7',
  leaders: true,
  admin: false,
  usage: '/urge 任务编号（如：/urge 7）',
  summary: '督办：加急提醒任务责任人查看最近的催办（责任领导、管理员，每天一次）',
  run: async (deps, ctx) => {
    const task = await requireTask(deps, ctx.args.trim() || undefined);
    const verdict = await planUrge(deps, { taskId: task.id, openId: ctx.senderOpenId, click: ctx.messageId, chatId: ctx.chatId, messageId: ctx.messageId });
    if (!verdict.ok) throw new CommandError(botText`${verdict.why}。`);
    // No 「已加急」 up front: the one answer is what Feishu did.
    await runUrge(deps, verdict.plan, (text, key) => deps.messenger.reply(ctx.messageId, { text }, key));
  },
};
