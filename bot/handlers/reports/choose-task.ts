/**
 * The chooser's answer (card value action 'choose-task'): the person picked the task a free message
 * was about — a button (taskId in the value), the drop-down (the task id as the chosen option) or a
 * task number typed in the box (form field `code`). The message's words come from the server
 * (bot/store/unassigned-replies.ts), whole, and only for the person who sent them; whether they may
 * report on the chosen task is mayReport's rule, as on every channel. Once recorded, the chooser
 * card shows the choice (update-cards.ts).
 */
import { z } from 'zod';
import { findTask } from '../commands/command.js';
import type { CardAction } from '../../feishu/envelope.js';
import { plainText } from '../../feishu/safe-text.js';
import { unassignedReply } from '../../store/unassigned-replies.js';
import { refuse, toast, type Check } from './checked-action.js';
import { mayReport } from './may-report.js';
import { chosenCard } from '../../feishu/cards/chooser-card.js';
import type { Deps } from '../../deps.js';
import { keepEvidence } from '../evidence/keep-evidence.js';
import { updateCards } from '../update-cards.js';
import { loadTask, recordReport, type Said } from './record-reply.js';

const chooseValue = z.object({ messageId: z.string().min(1).max(128), taskId: z.number().int().optional() });

/** The id the click names: the button's, the drop-down option's, or the typed number's. */
function chosen(a: CardAction, taskId: number | undefined): { id: number } | { code: string } | null {
  if (taskId !== undefined) return { id: taskId };
  const option = a.action.option;
  if (option && /^\d{1,12}$/.test(option)) return { id: Number(option) };
  const typed = a.action.form_value?.code;
  return typeof typed === 'string' && typed.trim() ? { code: typed.trim().slice(0, 20) } : null;
}

export const checkChoice: Check<Said> = async (deps, a) => {
  const v = chooseValue.safeParse(a.action.value);
  const openId = a.operator.open_id;
  if (!v.success || !openId) return refuse('无法识别的操作');
  const pick = chosen(a, v.data.taskId);
  if (!pick) return refuse('请选择任务，或填写任务编号');
  const task = 'id' in pick
    ? await deps.db.task.findUnique({ where: { id: pick.id }, select: { id: true } })
    : await typedTask(deps, pick.code);
  if (!task) return refuse(`没有找到${'code' in pick ? `任务「${plainText(pick.code, 20)}」` : '这项任务'}，这条回复未作记录，请重新选择`);
  const reporter = await mayReport(deps, openId, task.id);
  if (!reporter.ok) return refuse(`${reporter.why}，这条回复未作记录`);
  const kept = await unassignedReply(deps.db, v.data.messageId, openId);
  if (!kept) return refuse('没有找到您的这条回复，未作记录');
  const said: Said = {
    text: kept.text, source: 'text', messageId: v.data.messageId, chatId: a.context?.open_chat_id ?? kept.chatId, replyTo: v.data.messageId, reporter,
  };
  return { ok: true, toast: toast('success', '已选择，正在记录'), plan: said };
};

/** The work of a choice: record the message on the task (and its evidence), then show the choice on the chooser card. */
export async function recordChoice(deps: Deps, a: CardAction, said: Said): Promise<void> {
  const task = await loadTask(deps, said.reporter.taskId);
  const { report } = await recordReport(deps, task, said);
  const evidence = said.messageId ? (await unassignedReply(deps.db, said.messageId, said.reporter.openId))?.evidence : null;
  if (evidence && said.messageId) {
    const ctx = { messageId: said.messageId, chatId: said.chatId, senderOpenId: said.reporter.openId };
    await keepEvidence(deps, ctx, { taskId: task.id, reportId: report.id, reporter: said.reporter }, evidence);
  }
  const cardId = a.context?.open_message_id;
  if (cardId) await updateCards(deps, [{ messageId: cardId, sentAt: null }], chosenCard({ code: task.shownCode, title: task.title }, said.text));
}

/** The task a typed code names (「7」, or 「2023-7」 with several plans in force): null when none or several. */
async function typedTask(deps: Pick<Deps, 'db'>, code: string): Promise<{ id: number } | null> {
  const found = await findTask(deps, code);
  return found.kind === 'found' ? { id: found.task.id } : null;
}
