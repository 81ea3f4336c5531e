/**
 * A free message whose task the bot has to ask about is kept whole on the server until the sender
 * chooses (an audit entry 'reply.unassigned' keyed by the message id), with the evidence (佐证材料)
 * it carries; the chooser card carries only the message id.
 */
import type { EvidenceParts } from '../domain/evidence/parts.js';
import { audit } from './audit.js';
import type { Db } from './db.js';

const ACTION = 'reply.unassigned';

/** Keeps the message's words once (a retried job finds them already kept). */
export async function keepUnassignedReply(db: Db, r: { messageId: string; actor: string; text: string; chatId: string; now: Date; evidence?: EvidenceParts }): Promise<void> {
  await db.$transaction(async (tx) => {
    if (await tx.auditEntry.findFirst({ where: { action: ACTION, messageId: r.messageId, actor: r.actor }, select: { id: true } })) return;
    const after = { text: r.text, ...(r.evidence ? { evidence: r.evidence } : {}) };
    await audit(tx, { actor: r.actor, action: ACTION, now: r.now, after, chatId: r.chatId, messageId: r.messageId });
  });
}

/** The words of a message kept for its sender, or null (unknown message, or someone else's). */
export async function unassignedReply(db: Db, messageId: string, actor: string): Promise<{ text: string; chatId: string | null; evidence: EvidenceParts | null } | null> {
  const row = await db.auditEntry.findFirst({ where: { action: ACTION, messageId, actor }, orderBy: { id: 'asc' }, select: { after: true, chatId: true } });
  if (!row?.after) return null;
  const after = JSON.parse(row.after) as { text?: unknown; evidence?: EvidenceParts };
  return typeof after.text === 'string' ? { text: after.text, chatId: row.chatId, evidence: after.evidence ?? null } : null;
}
