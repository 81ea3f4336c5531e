/** Progress reports (进展): the raw text is always kept, values point at targets. */
import type { KeptDoubt } from '../domain/reply/kept-doubts.js';
import { audit } from './audit.js';
import { reopenStepsOf } from './milestones.js';
import type { Db } from './db.js';

export interface ReportInput {
  taskId: number;
  personId: number | null;
  period: string;
  status: string | null;
  percent: number | null;
  expectedOn: string | null;
  rawText: string;
  /** 'meeting': 「已在会上汇报」, recorded without content (status null, the words kept). */
  source: 'reply' | 'text' | 'button' | 'form' | 'command' | 'meeting';
  messageId: string | null;
  values: { targetId: number; value: number; unit: string }[];
  /** What the reader could not settle, for the owner to settle on the card (report-doubts.ts). */
  doubts?: KeptDoubt[];
  actor: string;
  /** The reporter's standing on the task (owner, collaborator, admin), kept in the audit entry. */
  role?: string;
  now: Date;
  chatId?: string | null;
}

/**
 * A click or a form that repeats, within this long, what the same person's latest report on the task
 * says is the same click: a double tap, or a button pressed on two devices. Found by the soak
 * (tests/soak: the click-race fault), where two clicks at once made two reports.
 */
export const REPEAT_CLICK_MS = 10_000;

/**
 * Stores a report once per source message (a redelivered message records nothing new), and a click or
 * form repeated at once as one report (REPEAT_CLICK_MS).
 */
export async function createReport(db: Db, r: ReportInput) {
  if (r.messageId && (r.source === 'reply' || r.source === 'text' || r.source === 'meeting')) {
    const existing = await db.report.findFirst({ where: { messageId: r.messageId, taskId: r.taskId }, include: { values: true } });
    if (existing) return existing;
  }
  return db.$transaction(async (tx) => {
    if (r.source === 'button' || r.source === 'form') {
      // The task's row locked first (a no-op write: on SQLite it takes the file's write lock, on PostgreSQL the
      // row's), so two clicks handled at once by two workers are looked at one after the other.
      await tx.$executeRaw`UPDATE "Task" SET "id" = "id" WHERE "id" = ${r.taskId}`;
      const last = await tx.report.findFirst({
        where: { taskId: r.taskId, personId: r.personId, revokedAt: null, createdAt: { gte: new Date(r.now.getTime() - REPEAT_CLICK_MS) } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        include: { values: true },
      });
      if (last && last.source === r.source && last.status === r.status && last.rawText === r.rawText && sameValues(last.values, r.values)) return last;
    }
    const report = await tx.report.create({
      data: {
        taskId: r.taskId, personId: r.personId, period: r.period, status: r.status, percent: r.percent, expectedOn: r.expectedOn,
        rawText: r.rawText, source: r.source, messageId: r.messageId, createdAt: r.now, updatedAt: r.now,
        doubts: r.doubts?.length ? JSON.stringify(r.doubts) : null,
        values: { create: r.values.map((v) => ({ targetId: v.targetId, value: v.value, unit: v.unit })) },
      },
      include: { values: true },
    });
    await audit(tx, {
      actor: r.actor, action: 'report.added', now: r.now, taskId: r.taskId, chatId: r.chatId, messageId: r.messageId,
      after: { reportId: report.id, status: r.status, percent: r.percent, values: r.values, source: r.source, ...(r.role ? { role: r.role } : {}), ...(r.doubts?.length ? { doubts: r.doubts } : {}) },
    });
    return report;
  });
}

function sameValues(a: { targetId: number; value: number }[], b: { targetId: number; value: number }[]): boolean {
  const key = (vs: { targetId: number; value: number }[]) => vs.map((v) => `${v.targetId}=${v.value}`).sort().join(',');
  return key(a) === key(b);
}

/** Sets the status of a report that could not be read (the owner picked it on the card). */
export async function setReportStatus(db: Db, reportId: number, status: string, actor: string, now: Date) {
  return db.$transaction(async (tx) => {
    const before = await tx.report.findUniqueOrThrow({ where: { id: reportId } });
    const after = await tx.report.update({ where: { id: reportId }, data: { status, updatedAt: now } });
    await audit(tx, { actor, action: 'report.edited', now, taskId: before.taskId, before: { status: before.status }, after: { status } });
    return after;
  });
}

/**
 * Withdraws a report (撤销); it stays in the history. Only its author may. The milestones it marked done
 * are open again: their texts, or false when nothing was withdrawn.
 */
export async function revokeReport(db: Db, reportId: number, personId: number, actor: string, now: Date): Promise<false | { reopened: string[] }> {
  return db.$transaction(async (tx) => {
    const r = await tx.report.findUnique({ where: { id: reportId } });
    if (!r || r.revokedAt || r.personId !== personId) return false;
    await tx.report.update({ where: { id: reportId }, data: { revokedAt: now, updatedAt: now } });
    await audit(tx, { actor, action: 'report.revoked', now, taskId: r.taskId, before: { reportId, status: r.status } });
    return { reopened: await reopenStepsOf(tx, { reportId, actor, now }) };
  });
}
