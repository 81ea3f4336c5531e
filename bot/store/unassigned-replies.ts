/**
 * A free message whose task the bot has to ask about is kept whole on the server until the sender
 * chooses (an audit entry 'reply.unassigned' keyed by the message id); the chooser card carries
 * only the message id.
 */
import { audit } from './audit.js';
import type { Db } from './db.js';

const ACTION = 'reply.unassigned';

/** Keeps the message's words once (a retried job finds them already kept). */
export async function keepUnassignedReply(db: Db, r: { messageId: string; actor: string; text: string; chatId: string; now: Date }): Promise<void> {
  await db.$transaction(async (tx) => {
    if (await tx.auditEntry.findFirst({ where: { action: ACTION, messageId: r.messageId, actor: r.actor }, select: { id: true } })) return;
    await audit(tx, { actor: r.actor, action: ACTION, now: r.now, after: { text: r.text }, chatId: r.chatId, messageId: r.messageId });
  });
}

/** The words of a message kept for its sender, or null (unknown message, or someone else's). */
export async function unassignedReply(db: Db, messageId: string, actor: string): Promise<{ text: string; chatId: string | null } | null> {
  const row = await db.auditEntry.findFirst({ where: { action: ACTION, messageId, actor }, orderBy: { id: 'asc' }, select: { after: true, chatId: true } });
  if (!row?.after) return null;
  const text = (JSON.parse(row.after) as { text?: unknown }).text;
  return typeof text === 'string' ? { text, chatId: row.chatId } : null;
}
