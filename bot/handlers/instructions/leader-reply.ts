/**
 * A leader's reply in a thread the bot started for leaders is a 批示, not a report:
 * - in the thread of an escalation card (a sent Nudge of kind `leader-*`): on that card's task;
 * - in the thread of a digest card (DigestPost.messageIds): on the task the words name at their
 *   start (「7号任务请抓紧」「任务7 …」, as resolve-task reads codes); naming none, the bot asks which.
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
import { taskNamedAtStart } from '../../domain/named-task.js';
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
    const planId = await digestPlanOf(deps, threadIds);
    if (planId === null || !(await leadsInPlan(deps, ctx.senderOpenId, planId))) return false;
    const named = taskNamedAtStart(ctx.text);
    const task = named ? await deps.db.task.findFirst({ where: { planId, code: named.code, removedAt: null }, select: { id: true } }) : null;
    if (!named || !task) {
      // A leader's word on the digest without a task the bot can find: ask, record nothing.
      await reply(named
        ? botText`没有找到任务「${cut(named.code, 12)}」，这条批示未作记录。请注明任务编号，如「7号任务请抓紧」。`
        : botText`请注明是哪项任务的批示，如「7号任务请抓紧」或「任务7 请抓紧」，这条消息未作记录。`, 'instruct-which');
      return true;
    }
    target = { taskId: task.id, text: named.rest };
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

/** The plan of the digest card among `messageIds`, if one is (the ids are kept as a JSON array per post). */
async function digestPlanOf(deps: Pick<Deps, 'db'>, messageIds: string[]): Promise<number | null> {
  const posts = await deps.db.digestPost.findMany({
    where: { state: 'sent', OR: messageIds.map((id) => ({ messageIds: { contains: JSON.stringify(id) } })) },
    select: { planId: true, messageIds: true },
    take: 5,
  });
  for (const p of posts) {
    const ids = parseIds(p.messageIds);
    if (p.planId !== null && messageIds.some((id) => ids.includes(id))) return p.planId;
  }
  return null;
}

function parseIds(json: string | null): string[] {
  try {
    const v: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
