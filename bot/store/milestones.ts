/**
 * Marking a milestone (时间节点) done: by `/milestone N [k] 完成`, or by a report that says the step is done
 * (bot/domain/reply/steps-done.ts). One function for both: conditional (a second mark changes nothing),
 * audited (`milestone.done`; a report's mark names the report as its source). Withdrawing that report
 * reopens what it marked (reopenStepsOf, audited `milestone.reopened`).
 */
import { audit } from './audit.js';
import type { Db, Tx } from './db.js';

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
    const r = await tx.milestone.updateMany({ where: { id: step.id, doneAt: null }, data: { doneAt: m.now, doneByReportId: m.reportId ?? null } });
    if (r.count) {
      await audit(tx, {
        actor: m.actor, action: 'milestone.done', now: m.now, taskId: step.taskId, chatId: m.chatId ?? null, messageId: m.messageId ?? null,
        after: { milestoneId: step.id, due: step.due, text: step.text, ...(m.reportId !== undefined ? { source: 'report', reportId: m.reportId } : {}) },
      });
    }
    return r.count > 0;
  });
}

/** Reopens the milestones `reportId` marked done (its 撤销), audited; their texts. Inside the revoke's transaction. */
export async function reopenStepsOf(tx: Tx, r: { reportId: number; actor: string; now: Date }): Promise<string[]> {
  const steps = await tx.milestone.findMany({ where: { doneByReportId: r.reportId } });
  for (const s of steps) {
    const back = await tx.milestone.updateMany({ where: { id: s.id, doneByReportId: r.reportId }, data: { doneAt: null, doneByReportId: null } });
    if (back.count) {
      await audit(tx, {
        actor: r.actor, action: 'milestone.reopened', now: r.now, taskId: s.taskId,
        before: { milestoneId: s.id, due: s.due, text: s.text, reportId: r.reportId },
      });
    }
  }
  return steps.map((s) => s.text);
}
