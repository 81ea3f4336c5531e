/**
 * A 批示 (instruction) given, by any channel: recorded once (bot/store/instructions.ts, audited
 * 'task.instruction'), then every active owner and collaborator of the task gets 「领导批示」 naming
 * the task, the leader and the words (escaped; one uuid per instruction and person, so a retried job
 * never shows it twice), their messages kept so a reply to one is a report on the task; the leader's
 * escalation cards show it as the latest 批示; the caller answers the leader with who was told.
 */
import { namedTask } from '../../store/plan-codes.js';
import type { Deps } from '../../deps.js';
import { botText, cut, type BotText } from '../../feishu/safe-text.js';
import { keepInstructionNotice, recordInstruction, type InstructionRow, type InstructionSource } from '../../store/instructions.js';
import { names, taskLabel } from '../commands/command.js';
import { refreshEscalations } from './escalation-cards.js';
import type { Giver } from './may-instruct.js';

export interface HowGiven {
  source: InstructionSource;
  /** The leader's own message (thread reply, /批示), or null for a card click. */
  messageId: string | null;
  /** The card click's event id, or null. */
  eventId: string | null;
  chatId: string | null;
}

export interface Given {
  instruction: InstructionRow;
  /** What the leader is told: who got it. */
  answer: BotText;
}

/** The leader's person row; a configured admin not yet in the store gets one (named 管理员). */
async function giverPersonId(deps: Pick<Deps, 'db' | 'clock'>, g: Giver): Promise<number> {
  if (g.personId !== null) return g.personId;
  const now = deps.clock.now();
  const row = await deps.db.person.upsert({ where: { openId: g.openId }, create: { openId: g.openId, name: '管理员', createdAt: now, updatedAt: now }, update: {} });
  return row.id;
}

export async function giveInstruction(deps: Deps, giver: Giver, text: string, how: HowGiven): Promise<Given> {
  const now = deps.clock.now();
  const personId = await giverPersonId(deps, giver);
  const { instruction } = await recordInstruction(deps.db, { taskId: giver.taskId, personId, actor: giver.openId, text, now, ...how });
  const task = await namedTask(deps.db, giver.taskId);
  const people = await deps.db.assignment.findMany({
    where: { taskId: task.id, active: true, role: { in: ['owner', 'collaborator'] } },
    include: { person: true },
    orderBy: [{ role: 'desc' }, { id: 'asc' }], // owners first
  });
  const told = [...new Map(people.filter((a) => a.person.openId && a.personId !== personId).map((a) => [a.personId, a.person])).values()];
  const label = taskLabel(task);
  const message = botText`【领导批示】${label}\n${cut(giver.name, 12)}：${cut(text, 500)}\n请抓紧落实，可直接回复这条消息报告落实情况。`;
  for (const p of told) {
    // Re-sent after a retry with the same uuid: Feishu answers with the first message.
    const sent = await deps.messenger.send({ openId: p.openId! }, { text: message }, `instruction:${instruction.id}:${p.id}`);
    await keepInstructionNotice(deps.db, { instructionId: instruction.id, personId: p.id, messageId: sent.messageId, now });
  }
  await refreshEscalations(deps, task.id);
  const answer = told.length
    ? botText`已记录对${label}的批示，并转告：${names(told)}。`
    : botText`已记录对${label}的批示。该任务目前没有责任人或协办人，暂无人可转告。`;
  return { instruction, answer };
}
