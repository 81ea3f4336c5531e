/**
 * A leader's reply in a thread the bot started for leaders is a 批示, not a report:
 * - in the thread of an escalation card (a sent Nudge of kind `leader-*`): on that card's task;
 * - in the thread of a digest card (DigestPost.messageIds): on the task the words name at their
 *   start (「7号任务请抓紧」「任务7 …」「#2023-7 …」, as resolve-task reads codes) among the digest's plan
 *   (a combined digest: the plans in force); naming none, or a code several plans hold, the bot asks which.
 * From someone who may not give it but may report on the task (an owner, on a forwarded card) the
 * message goes on as a report; from anyone else in those threads it is refused and kept in the audit.
 * Resolves to whether the message was handled here.
 */
import type { Deps } from '../../deps.js';
import { readInstructionText } from '../../domain/instruction-text.js';
import { botText, cut, type BotText } from '../../feishu/safe-text.js';
import { audit } from '../../store/audit.js';
import type { MessageContext } from '../types.js';
import { mayReport } from '../reports/may-report.js';
import { prefixedTaskAtStart, taskNamedAtStart } from '../../domain/named-task.js';
import { codeNamer, planByPrefix } from '../../domain/plan/plan-code.js';
import { plansInForce } from '../../store/digest-posts.js';
import { plansForCodes } from '../../store/plan-codes.js';
import { giveInstruction } from './give-instruction.js';
import { leadsInPlan, mayInstruct } from './may-instruct.js';

type Target = { taskId: number; text: string };

export async function onLeaderReply(deps: Deps, ctx: MessageContext): Promise<boolean> {
  const threadIds = [ctx.parentId, ctx.rootId].filter((x): x is string => !!x);
  if (!threadIds.length) return false;
  const reply = (text: BotText, tag: string) => deps.messenger.reply(ctx.messageId, { text }, `reply:${ctx.messageId}:${tag}`);

  let target: Target;
  const escalation = await deps.db.nudge.findFirst({ where: { messageId: { in: threadIds }, kind: { startsWith: 'leader-' } }, select: { taskId: true } });
  if (escalation) target = { taskId: escalation.taskId, text: ctx.text };
  else {
    const plans = await digestPlansOf(deps, threadIds);
    if (!plans.length || !(await leadsInAny(deps, ctx.senderOpenId, plans))) return false;
    const found = await namedInDigest(deps, ctx.text, plans);
    if (found.kind === 'several') {
      await reply(botText`「${cut(found.code, 12)}」对应多项任务：${found.shown.join('、')}，这条批示未作记录。请写明计划，如「任务${found.shown[0] ?? '2023-7'} 请抓紧」。`, 'instruct-which');
      return true;
    }
    const named = found.kind === 'task' ? found : taskNamedAtStart(ctx.text);
    const task = found.kind === 'task' ? { id: found.taskId } : null;
    if (!named || !task) {
      // A leader's word on the digest without a task the bot can find: ask, record nothing.
      await reply(named
        ? botText`没有找到任务「${cut(named.code, 12)}」，这条批示未作记录。请注明任务编号，如「7号任务请抓紧」。`
        : botText`请注明是哪项任务的批示，如「7号任务请抓紧」或「任务7 请抓紧」，这条消息未作记录。`, 'instruct-which');
      return true;
    }
    target = { taskId: task.id, text: named.rest || ctx.text };
  }

  const giver = await mayInstruct(deps, ctx.senderOpenId, target.taskId);
  if (!giver.ok) {
    if ((await mayReport(deps, ctx.senderOpenId, target.taskId)).ok) return false;
    await deps.db.$transaction((tx) => audit(tx, {
      actor: ctx.senderOpenId, action: 'instruction.refused', now: deps.clock.now(), taskId: target.taskId,
      after: { what: ctx.text }, chatId: ctx.chatId, messageId: ctx.messageId,
    }));
    await reply(botText`${giver.why}，这条消息未作记录。`, 'instruct-refused');
    return true;
  }
  const text = readInstructionText(target.text);
  if (!text.ok) {
    await reply(botText`${text.why}，这条消息未作记录。`, 'instruct-refused');
    return true;
  }
  const { answer } = await giveInstruction(deps, giver, text.text, { source: 'reply', messageId: ctx.messageId, eventId: null, chatId: ctx.chatId });
  await reply(answer, 'instructed');
  return true;
}

/** Does this person lead a task of any of the plans (or is an admin)? */
async function leadsInAny(deps: Pick<Deps, 'db' | 'config'>, openId: string, plans: number[]): Promise<boolean> {
  for (const planId of plans) if (await leadsInPlan(deps, openId, planId)) return true;
  return false;
}

/**
 * The task the words name at their start among the digest's plans: 「#2023-7 …」 (its plan's prefix), or a bare
 * code one of the plans holds (several: the shown codes, to ask which).
 */
async function namedInDigest(deps: Pick<Deps, 'db'>, text: string, plans: number[]): Promise<
  { kind: 'task'; taskId: number; code: string; rest: string } | { kind: 'several'; code: string; shown: string[] } | { kind: 'none' }
> {
  const all = await plansForCodes(deps.db);
  const p = prefixedTaskAtStart(text);
  const plan = p && planByPrefix(all, p.prefix);
  const m = plan ? { code: p.code, rest: p.rest } : taskNamedAtStart(text);
  if (!m) return { kind: 'none' };
  const where = { planId: { in: plan ? [plan.id] : plans }, code: m.code, removedAt: null };
  const tasks = await deps.db.task.findMany({ where, select: { id: true, planId: true, code: true }, take: 10 });
  if (tasks.length === 1) return { kind: 'task', taskId: tasks[0]!.id, code: m.code, rest: m.rest };
  if (tasks.length > 1) {
    const shown = codeNamer(all);
    return { kind: 'several', code: m.code, shown: tasks.map((t) => shown(t.planId, t.code)) };
  }
  return { kind: 'none' };
}

/**
 * The plans of the digest card among `messageIds`, if one is (the ids are kept as a JSON array per post): its
 * plan, or, for a combined digest, every plan in force.
 */
async function digestPlansOf(deps: Pick<Deps, 'db'>, messageIds: string[]): Promise<number[]> {
  const posts = await deps.db.digestPost.findMany({
    where: { state: 'sent', OR: messageIds.map((id) => ({ messageIds: { contains: JSON.stringify(id) } })) },
    select: { planId: true, messageIds: true },
    take: 5,
  });
  for (const p of posts) {
    const ids = parseIds(p.messageIds);
    if (!messageIds.some((id) => ids.includes(id))) continue;
    return p.planId !== null ? [p.planId] : plansInForce(deps.db);
  }
  return [];
}

function parseIds(json: string | null): string[] {
  try {
    const v: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
