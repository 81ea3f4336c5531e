/**
 * 退回补充: a leader or an admin returns a report for more. The report stays as it was said (its
 * words, status and figures) and is marked returned: the period is 待补充 until a newer report comes
 * (the task-state engine's reporting), and the owners get a nudge of its own (kind `return-<report id>`)
 * through the nudges queue, so the claim, the uuid and the recovery of lost jobs apply.
 */
import { audit } from './audit.js';
import type { Db } from './db.js';

/** The nudge kind that asks the owners to make a returned report good. */
export const returnKind = (reportId: number): string => `return-${reportId}`;
export const returnedReportOf = (kind: string): number | null => {
  const m = kind.match(/^return-(\d+)$/);
  return m ? Number(m[1]) : null;
};

export interface ReturnInput {
  reportId: number;
  taskId: number;
  by: string;
  reason: string;
  now: Date;
  chatId: string | null;
  messageId: string | null;
}

/**
 * Marks the report returned and audits it, once: only a report neither withdrawn nor already
 * returned changes (a conditional update), so two racing clicks return it once. True when this call did.
 */
export async function returnReport(db: Db, r: ReturnInput): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const changed = await tx.report.updateMany({
      where: { id: r.reportId, taskId: r.taskId, revokedAt: null, returnedAt: null },
      data: { returnedAt: r.now, returnedBy: r.by, returnReason: r.reason, updatedAt: r.now },
    });
    if (changed.count !== 1) return false;
    await audit(tx, { actor: r.by, action: 'report.returned', now: r.now, taskId: r.taskId, after: { reportId: r.reportId, reason: r.reason }, chatId: r.chatId, messageId: r.messageId });
    return true;
  });
}

/**
 * The owners' 退回补充 nudges, one per owner and returned report, due now; resolves to the keys of
 * those still pending (a retried call creates nothing twice).
 */
export async function recordReturnNudges(db: Db, o: { taskId: number; reportId: number; period: string; personIds: number[]; now: Date }): Promise<string[]> {
  const kind = returnKind(o.reportId);
  const keys: string[] = [];
  for (const personId of o.personIds) {
    const key = `${o.taskId}:${personId}:${kind}`;
    await db.nudge.upsert({
      where: { key },
      create: { key, taskId: o.taskId, personId, period: o.period, kind, dueAt: o.now, state: 'pending', createdAt: o.now },
      update: {},
    });
    keys.push(key);
  }
  const pending = await db.nudge.findMany({ where: { key: { in: keys }, state: 'pending' }, select: { key: true } });
  return pending.map((n) => n.key);
}

/** Whether a 退回补充 nudge is still wanted: the report is still returned and nothing newer came for the task. */
export async function returnStillOpen(db: Db, reportId: number): Promise<boolean> {
  const r = await db.report.findUnique({ where: { id: reportId }, select: { taskId: true, returnedAt: true, revokedAt: true, createdAt: true } });
  if (!r || !r.returnedAt || r.revokedAt) return false;
  const newer = await db.report.count({ where: { taskId: r.taskId, revokedAt: null, createdAt: { gt: r.createdAt } } });
  return newer === 0;
}
