/**
 * The chooser's answer (card value action 'choose-task'): the person picked the task a free message
 * was about — a button (taskId in the value), the drop-down (the task id as the chosen option) or a
 * task number typed in the box (form field `code`). The message's words come from the server
 * (bot/store/unassigned-replies.ts), whole, and only for the person who sent them.
 */
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { normaliseTaskCode } from '../../domain/owners/parse-owners.js';
import type { CardAction } from '../../feishu/envelope.js';
import { botText, cut } from '../../feishu/safe-text.js';
import { unassignedReply } from '../../store/unassigned-replies.js';
import type { CardActionHandler } from '../types.js';
import { loadTask, recordReport } from './record-reply.js';

const chooseValue = z.object({ messageId: z.string().min(1).max(128), taskId: z.number().int().optional() });

/** The person's tasks (owner or collaborator, active, still in the plan). */
async function tasksOf(deps: Deps, personId: number) {
  const rows = await deps.db.assignment.findMany({
    where: { personId, active: true, role: { in: ['owner', 'collaborator'] }, task: { removedAt: null } },
    select: { task: { select: { id: true, code: true } } },
  });
  return rows.map((r) => r.task);
}

/** The id the click names: the button's, the drop-down option's, or the typed number's. */
function chosen(a: CardAction, taskId: number | undefined): { id: number } | { code: string } | null {
  if (taskId !== undefined) return { id: taskId };
  const option = a.action.option;
  if (option && /^\d{1,12}$/.test(option)) return { id: Number(option) };
  const typed = a.action.form_value?.code;
  return typeof typed === 'string' && typed.trim() ? { code: typed.trim().slice(0, 20) } : null;
}

export const chooseTask: CardActionHandler = async (deps, a) => {
  const v = chooseValue.safeParse(a.action.value);
  const openId = a.operator.open_id;
  const person = openId ? await deps.db.person.findUnique({ where: { openId } }) : null;
  if (!v.success || !openId || !person) return;
  const kept = await unassignedReply(deps.db, v.data.messageId, openId);
  const pick = chosen(a, v.data.taskId);
  if (!kept || !pick) return;
  const mine = await tasksOf(deps, person.id);
  const task = 'id' in pick ? mine.find((t) => t.id === pick.id) : mine.find((t) => t.code === normaliseTaskCode(pick.code));
  if (!task) {
    const cardMessage = a.context?.open_message_id;
    const named = 'code' in pick ? botText`「${cut(pick.code, 20)}」` : botText``;
    const text = botText`没有找到您负责的任务${named}，这条回复尚未记录。请重新选择，或发送 /mine 查看您的任务。`;
    if (cardMessage) await deps.messenger.reply(cardMessage, { text }, `choose-missing:${v.data.messageId}:${a.token ?? ''}`);
    return;
  }
  await recordReport(deps, await loadTask(deps, task.id), {
    text: kept.text, source: 'text', messageId: v.data.messageId, chatId: a.context?.open_chat_id ?? kept.chatId,
    replyTo: v.data.messageId, personId: person.id, openId,
  });
};
