/**
 * Instructions (批示) in the store: recorded once per leader message or card click (the unique
 * messageId / eventId), audited as 'task.instruction'; the 「领导批示」 messages sent for them (a reply
 * to one is a report on its task); and the reads every channel shows — the latest per task, a
 * task's list, a plan's list for the ledger.
 */
import { audit } from './audit.js';
import { inChunks } from './chunks.js';
import type { Db } from './db.js';

export type InstructionSource = 'card' | 'reply' | 'command';
export const INSTRUCTION_ACTION = 'task.instruction';

export interface InstructionInput {
  taskId: number;
  personId: number;
  /** The leader's open_id (the audit's actor). */
  actor: string;
  text: string;
  source: InstructionSource;
  /** The leader's own message (thread reply, /批示); null for a card click. */
  messageId: string | null;
  /** The card click's event id; null for a message. */
  eventId: string | null;
  chatId: string | null;
  now: Date;
}

export interface InstructionRow {
  id: number;
  taskId: number;
  personId: number;
  text: string;
  source: string;
  createdAt: Date;
}

const sameOne = (i: Pick<InstructionInput, 'messageId' | 'eventId'>) =>
  i.messageId !== null ? { messageId: i.messageId } : i.eventId !== null ? { eventId: i.eventId } : null;

/**
 * Records the instruction and its audit entry, once: the same message or click again (a redelivery,
 * a job run twice, two workers at once) finds the first. `created` says whether this call made it.
 */
export async function recordInstruction(db: Db, i: InstructionInput): Promise<{ instruction: InstructionRow; created: boolean }> {
  const key = sameOne(i);
  const existing = key ? await db.instruction.findFirst({ where: key }) : null;
  if (existing) return { instruction: existing, created: false };
  try {
    const instruction = await db.$transaction(async (tx) => {
      const row = await tx.instruction.create({
        data: { taskId: i.taskId, personId: i.personId, text: i.text, source: i.source, messageId: i.messageId, eventId: i.eventId, createdAt: i.now },
      });
      await audit(tx, {
        actor: i.actor, action: INSTRUCTION_ACTION, now: i.now, taskId: i.taskId, chatId: i.chatId, messageId: i.messageId,
        after: { instructionId: row.id, what: i.text, source: i.source },
      });
      return row;
    });
    return { instruction, created: true };
  } catch (e) {
    // Another run recorded the same message or click between our read and our write.
    if ((e as { code?: string }).code !== 'P2002' || !key) throw e;
    return { instruction: await db.instruction.findFirstOrThrow({ where: key }), created: false };
  }
}

/** Remembers the 「领导批示」 message a person got, so their reply to it finds the task. */
export async function keepInstructionNotice(db: Db, n: { instructionId: number; personId: number; messageId: string; now: Date }): Promise<void> {
  if (!n.messageId) return;
  await db.instructionNotice.upsert({
    where: { instructionId_personId: { instructionId: n.instructionId, personId: n.personId } },
    create: { instructionId: n.instructionId, personId: n.personId, messageId: n.messageId, sentAt: n.now },
    update: { messageId: n.messageId, sentAt: n.now },
  });
}

/** The task of the 「领导批示」 message among `messageIds`, if one is. */
export async function taskOfNotice(db: Db, messageIds: string[]): Promise<number | null> {
  if (!messageIds.length) return null;
  const notice = await db.instructionNotice.findFirst({ where: { messageId: { in: messageIds } }, select: { instruction: { select: { taskId: true } } } });
  return notice?.instruction.taskId ?? null;
}

/** An instruction as the channels show it: who gave it, when, what. */
export interface InstructionView {
  id: number;
  taskId: number;
  by: string;
  at: Date;
  text: string;
  source: string;
}

const VIEW = { id: true, taskId: true, text: true, source: true, createdAt: true, person: { select: { name: true } } } as const;
const view = (r: { id: number; taskId: number; text: string; source: string; createdAt: Date; person: { name: string } }): InstructionView =>
  ({ id: r.id, taskId: r.taskId, by: r.person.name, at: r.createdAt, text: r.text, source: r.source });

/** The latest instruction made by `now` on each of the tasks that has one. */
export async function latestInstructions(db: Db, taskIds: number[], now: Date): Promise<Map<number, InstructionView>> {
  const out = new Map<number, InstructionView>();
  if (!taskIds.length) return out;
  // Newest first, the first per task wins (a plan has few instructions next to its tasks).
  const rows = await inChunks(taskIds, (slice) => db.instruction.findMany({
    where: { taskId: { in: slice }, createdAt: { lte: now } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: VIEW,
  }));
  for (const r of rows) {
    const seen = out.get(r.taskId);
    if (!seen || r.createdAt > seen.at || (r.createdAt.getTime() === seen.at.getTime() && r.id > seen.id)) out.set(r.taskId, view(r));
  }
  return out;
}

/** A task's instructions, newest first (at most `take`). */
export async function instructionsOf(db: Db, taskId: number, take = 20): Promise<InstructionView[]> {
  const rows = await db.instruction.findMany({ where: { taskId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take, select: VIEW });
  return rows.map(view);
}

/** Every instruction on a plan's tasks (removed ones too) made by `now`, newest first, with the task: the ledger's 批示 sheet. */
export async function planInstructions(db: Db, planId: number, now: Date) {
  return db.instruction.findMany({
    where: { task: { planId }, createdAt: { lte: now } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { ...VIEW, task: { select: { code: true, title: true } } },
  });
}

export type PlanInstruction = Awaited<ReturnType<typeof planInstructions>>[number];
