/** The append-only audit trail: every change writes one entry; nothing updates or deletes them. */
import type { Tx } from './db.js';

export interface AuditInput {
  actor: string;
  action: string;
  now: Date;
  taskId?: number | null;
  before?: unknown;
  after?: unknown;
  chatId?: string | null;
  messageId?: string | null;
}

/** Writes the entry; resolves to its id (a request others answer names it: extension, completion). */
export async function audit(tx: Tx, e: AuditInput): Promise<number> {
  const row = await tx.auditEntry.create({
    data: {
      at: e.now,
      actor: e.actor,
      action: e.action,
      taskId: e.taskId ?? null,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      chatId: e.chatId ?? null,
      messageId: e.messageId ?? null,
    },
    select: { id: true },
  });
  return row.id;
}
