/**
 * Cards that offer a decision, one per subject and recipient (SentCard): kept when sent, read when the
 * decision is made so that every copy can be updated.
 */
import type { Db } from './db.js';

export interface SentCardRow {
  openId: string;
  messageId: string;
  sentAt: Date;
}

/** Remembers the card `messageId` sent to `openId` about `subject` (a resend of the same card replaces it). */
export async function keepSentCard(db: Db, c: { subject: string; openId: string; messageId: string; now: Date }): Promise<void> {
  if (!c.messageId) return;
  await db.sentCard.upsert({
    where: { subject_openId: { subject: c.subject, openId: c.openId } },
    create: { subject: c.subject, openId: c.openId, messageId: c.messageId, sentAt: c.now },
    update: { messageId: c.messageId, sentAt: c.now },
  });
}

export async function sentCards(db: Db, subject: string): Promise<SentCardRow[]> {
  return db.sentCard.findMany({ where: { subject }, select: { openId: true, messageId: true, sentAt: true }, orderBy: { id: 'asc' } });
}

/** Cards of every subject that starts with `prefix` (a decision sent as several cards: 「proposal:7:」). */
export async function sentCardsUnder(db: Db, prefix: string): Promise<SentCardRow[]> {
  return db.sentCard.findMany({ where: { subject: { startsWith: prefix } }, select: { openId: true, messageId: true, sentAt: true }, orderBy: { id: 'asc' } });
}
