/**
 * The escalation card's 批示 form (`leader-instruct`, input `instruction`): one check for the fast
 * toast and the queued work (checked-action.ts) — the task's leaders and the admins only, words
 * required and bounded — then the 批示 is recorded once per click (its event id: a job run twice
 * records and tells once), the owners are told, and the leader gets a reply on the card naming who.
 */
import { z } from 'zod';
import { readInstructionText } from '../../domain/instruction-text.js';
import type { CardActionEntry } from '../types.js';
import { checkedAction, refuse, toast, type Check } from '../reports/checked-action.js';
import { giveInstruction } from './give-instruction.js';
import { mayInstruct, type Giver } from './may-instruct.js';

const value = z.object({ taskId: z.number().int() });

const check: Check<{ giver: Giver; text: string }> = async (deps, a) => {
  const v = value.safeParse(a.action.value);
  const openId = a.operator.open_id;
  if (!v.success || !openId) return refuse('无法识别的操作');
  const giver = await mayInstruct(deps, openId, v.data.taskId);
  if (!giver.ok) return refuse(`${giver.why}，未作记录`);
  const text = readInstructionText(a.action.form_value?.instruction);
  if (!text.ok) return refuse(text.why);
  return { ok: true, toast: toast('success', '批示已记录，将转告责任人'), plan: { giver, text: text.text } };
};

export const instructCardActions: Record<string, CardActionEntry> = {
  'leader-instruct': checkedAction(check, async (deps, a, { giver, text }, envelope) => {
    const chatId = a.context?.open_chat_id ?? null;
    const { instruction, answer } = await giveInstruction(deps, giver, text, { source: 'card', messageId: null, eventId: envelope.header.event_id, chatId });
    const card = a.context?.open_message_id;
    if (card) await deps.messenger.reply(card, { text: answer }, `instructed:${instruction.id}`);
    else await deps.messenger.send({ openId: giver.openId }, { text: answer }, `instructed:${instruction.id}`);
  }),
};
