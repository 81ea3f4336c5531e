/**
 * Marking a milestone (时间节点) done: by `/milestone N [k] 完成`, or by a report that says the step is done
 * (bot/domain/reply/steps-done.ts). One function for both: conditional (a second mark changes nothing),
 * audited (`milestone.done`; a report's mark names the report as its source).
 */
import { audit } from './audit.js';
import type { Db } from './db.js';

export interface MilestoneMark {
  milestone: { id: number; taskId: number; due: string; text: string };
  actor: string;
  now: Date;
  chatId?: string | null;
  messageId?: string | null;
  /** The report that said the step is done; absent for the command. */
  reportId?: number;
}

/** True when this call marked it (false: it was done already). */
export async function markMilestoneDone(db: Db, m: MilestoneMark): Promise<boolean> {
  const { milestone: step } = m;
  return db.$transaction(async (tx) => {
    const r = await tx.milestone.updateMany({ where: { id: step.id, doneAt: null }, data: { doneAt: m.now } });
    if (r.count) {
      await audit(tx, {
        actor: m.actor, action: 'milestone.done', now: m.now, taskId: step.taskId, chatId: m.chatId ?? null, messageId: m.messageId ?? null,
        after: { milestoneId: step.id, due: step.due, text: step.text, ...(m.reportId !== undefined ? { source: 'report', reportId: m.reportId } : {}) },
      });
    }
    return r.count > 0;
  });
}
