/**
 * Changing a task's lifecycle (bot/domain/task-state/lifecycle.ts) in the store: the rule is
 * transition(); the write is a conditional update on the status and statusSince read (so of two
 * deciders at once only the first changes it), statusSince becomes `now` (the engine stops
 * counting a 「已完成」 made before a return), and one 'task.lifecycle' audit entry records
 * before ({ status, since }) and after ({ status, event, reportId?, reason? }) — what /undo,
 * /history and the completion card read back.
 */
import { lifecycleOf, transition, type LifecycleEvent } from '../domain/task-state/lifecycle.js';
import type { Lifecycle } from '../domain/task-state/types.js';
import { readJson } from '../domain/audit-fields.js';
import { audit } from './audit.js';
import type { Db } from './db.js';

/** What changed the lifecycle: a transition's event, or an owner withdrawing their 「已完成」 (done_pending → active). */
export type LifecycleCause = LifecycleEvent | 'withdraw';

export interface LifecycleChangeInput {
  taskId: number;
  cause: LifecycleCause;
  actor: string;
  now: Date;
  /** Change only while the task is still exactly here (a decision on one completion request). */
  expect?: { lifecycle: Lifecycle; since: Date | null };
  reportId?: number;
  reason?: string;
  chatId?: string | null;
  messageId?: string | null;
}

export type LifecycleChange =
  | { ok: true; from: Lifecycle; to: Lifecycle; entryId: number }
  | { ok: false; why: string; current: Lifecycle };

export const LIFECYCLE_ACTION = 'task.lifecycle';

export async function changeLifecycle(db: Db, c: LifecycleChangeInput): Promise<LifecycleChange> {
  return db.$transaction(async (tx) => {
    const task = await tx.task.findUniqueOrThrow({ where: { id: c.taskId }, select: { status: true, statusSince: true, removedAt: true } });
    const from = lifecycleOf(task.status);
    const refuse = (why: string): LifecycleChange => ({ ok: false, why, current: from });
    if (task.removedAt) return refuse('任务已不在计划中');
    if (c.expect && (from !== c.expect.lifecycle || task.statusSince?.getTime() !== c.expect.since?.getTime())) return refuse('任务状态已有变化');
    const t = transition(from, c.cause === 'withdraw' ? 'return' : c.cause);
    if (!t.ok) return refuse(t.why);
    const moved = await tx.task.updateMany({
      where: { id: c.taskId, status: task.status, statusSince: task.statusSince },
      data: { status: t.to, statusSince: c.now, updatedAt: c.now },
    });
    if (moved.count !== 1) return refuse('任务状态已有变化');
    const entryId = await audit(tx, {
      actor: c.actor, action: LIFECYCLE_ACTION, now: c.now, taskId: c.taskId, chatId: c.chatId ?? null, messageId: c.messageId ?? null,
      before: { status: from, since: task.statusSince?.toISOString() ?? null },
      after: { status: t.to, event: c.cause, ...(c.reportId !== undefined ? { reportId: c.reportId } : {}), ...(c.reason !== undefined ? { reason: c.reason } : {}) },
    });
    return { ok: true, from, to: t.to, entryId };
  });
}

/** An owner's 「已完成」 awaiting its decision: the entry that moved the task to done_pending, and the report. */
export interface CompletionRequest {
  entryId: number;
  taskId: number;
  /** When the task became done_pending: equal to Task.statusSince while the request is open. */
  at: Date;
  actor: string;
  reportId: number | null;
}

/** The request an entry records (an owner_done), whether or not it is still open. */
export async function completionRequest(db: Db, entryId: number): Promise<CompletionRequest | null> {
  const e = await db.auditEntry.findUnique({ where: { id: entryId } });
  if (!e || e.action !== LIFECYCLE_ACTION || e.taskId === null) return null;
  const after = readJson(e.after);
  if (after.event !== 'owner_done') return null;
  return { entryId: e.id, taskId: e.taskId, at: e.at, actor: e.actor, reportId: typeof after.reportId === 'number' ? after.reportId : null };
}

/** Is the request still the one the task waits on? (A decision, a withdrawal or /done since close it; /undo of that opens it again.) */
export async function isOpen(db: Db, r: CompletionRequest): Promise<boolean> {
  const t = await db.task.findUnique({ where: { id: r.taskId }, select: { status: true, statusSince: true, removedAt: true } });
  return !!t && !t.removedAt && lifecycleOf(t.status) === 'done_pending' && t.statusSince?.getTime() === r.at.getTime();
}

/** The open request of a task, if it waits on one. */
export async function openRequest(db: Db, taskId: number): Promise<CompletionRequest | null> {
  const t = await db.task.findUnique({ where: { id: taskId }, select: { status: true, statusSince: true } });
  if (!t || lifecycleOf(t.status) !== 'done_pending' || !t.statusSince) return null;
  const entries = await db.auditEntry.findMany({ where: { taskId, action: LIFECYCLE_ACTION, at: t.statusSince }, orderBy: { id: 'desc' }, select: { id: true } });
  for (const e of entries) {
    const r = await completionRequest(db, e.id);
    if (r) return r;
  }
  return null;
}

/** What became of a request once closed: the latest lifecycle change after it, the one the task now stands on (event, who, when, reason). */
export async function requestOutcome(db: Db, r: CompletionRequest) {
  const next = await db.auditEntry.findFirst({ where: { taskId: r.taskId, action: LIFECYCLE_ACTION, id: { gt: r.entryId } }, orderBy: { id: 'desc' } });
  if (!next) return null;
  const after = readJson(next.after);
  return { event: String(after.event ?? ''), actor: next.actor, at: next.at, reason: typeof after.reason === 'string' ? after.reason : null };
}
