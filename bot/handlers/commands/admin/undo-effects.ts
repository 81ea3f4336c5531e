/**
 * What /undo does once allowed: puts back what each audit entry changed,
 * records the reversal of an extension approval, says what was restored, and
 * tells everyone the original change told — owners of a deadline change, the
 * person assigned or unassigned (both sides of a 转办), and the requester and
 * owners of an approved extension.
 */
import type { Deps } from '../../../deps.js';
import { readJson } from '../../../domain/audit-fields.js';
import { audit } from '../../../store/audit.js';
import type { Tx } from '../../../store/db.js';
import type { CommandContext } from '../../types.js';
import { taskLabel } from '../command.js';
import { botText } from '../../../feishu/safe-text.js';
import { peopleOn, tell } from './shared.js';
import { CADENCE_WORDS } from './task-settings.js';
import { lifecycleOf } from '../../../domain/task-state/lifecycle.js';
import { personName, ROLE_WORDS, statusWord, type UndoEntry } from './undo-check.js';

/** An extension approval whose deadline change is being undone. */
export interface UndoneApproval {
  /** The task.deadline entry the approval wrote. */
  entryId: number;
  requestId: number;
  taskId: number;
  requestedBy: string | null;
  restored: string;
}

/** Puts back what one audit entry changed. */
export async function reverse(tx: Tx, e: UndoEntry, actor: string, now: Date): Promise<void> {
  const before = readJson(e.before);
  const after = readJson(e.after);
  const taskId = e.taskId;
  if (taskId === null) return;
  switch (e.action) {
    case 'assignment.added':
      await tx.assignment.updateMany({ where: { taskId, personId: Number(after.personId), role: String(after.role), active: true }, data: { active: false, endedAt: now, endedBy: actor } });
      return;
    case 'assignment.ended': {
      const { personId, role } = { personId: Number(before.personId), role: String(before.role) };
      const active = await tx.assignment.count({ where: { taskId, personId, role, active: true } });
      if (!active) await tx.assignment.create({ data: { taskId, personId, role, assignedBy: actor, assignedAt: now } });
      return;
    }
    case 'task.deadline':
      await tx.task.update({ where: { id: taskId }, data: { deadline: String(before.deadline), updatedAt: now } });
      return;
    case 'task.cadence':
      await tx.task.update({ where: { id: taskId }, data: { cadence: String(before.cadence), updatedAt: now } });
      return;
    case 'task.status':
      await tx.task.update({ where: { id: taskId }, data: { status: lifecycleOf(String(before.status)), updatedAt: now } });
      return;
    case 'task.lifecycle': {
      // statusSince back too: the engine's reading of earlier reports, and a completion request's card, follow it.
      const since = typeof before.since === 'string' ? new Date(before.since) : null;
      await tx.task.update({ where: { id: taskId }, data: { status: lifecycleOf(String(before.status)), statusSince: since, updatedAt: now } });
      return;
    }
    case 'task.target':
      await tx.target.updateMany({ where: { taskId, position: Number(before.position), removedAt: null }, data: { value: Number(before.value) } });
      return;
  }
}

/** The extension approvals behind the group's deadline entries (an approval writes both in one transaction). */
export async function approvalBehind(deps: Pick<Deps, 'db'>, group: UndoEntry[]): Promise<UndoneApproval[]> {
  const out: UndoneApproval[] = [];
  for (const e of group.filter((x) => x.action === 'task.deadline' && x.taskId !== null)) {
    const approved = await deps.db.auditEntry.findFirst({ where: { action: 'extension.approved', taskId: e.taskId, actor: e.actor, at: e.at, messageId: e.messageId } });
    const requestId = Number(readJson(approved?.after ?? null).requestId);
    if (!approved || !Number.isInteger(requestId)) continue;
    const request = await deps.db.auditEntry.findUnique({ where: { id: requestId } });
    const requestedBy = readJson(request?.after ?? null).requestedBy;
    out.push({ entryId: e.id, requestId, taskId: e.taskId!, requestedBy: typeof requestedBy === 'string' ? requestedBy : null, restored: String(readJson(e.before).deadline) });
  }
  return out;
}

export function recordApprovalUndone(tx: Tx, a: UndoneApproval, actor: string, now: Date, ctx: CommandContext) {
  return audit(tx, {
    actor, action: 'extension.approval-undone', now, taskId: a.taskId, chatId: ctx.chatId, messageId: ctx.messageId,
    after: { requestId: a.requestId, deadline: a.restored, status: 'undone' },
  });
}

/** 「截止日期恢复为 2022-06-30」, one phrase per entry. */
export async function describeReversal(deps: Pick<Deps, 'db'>, group: UndoEntry[]): Promise<string[]> {
  const out: string[] = [];
  for (const e of group) {
    const before = readJson(e.before);
    const after = readJson(e.after);
    if (e.action === 'task.deadline') out.push(`截止日期恢复为 ${String(before.deadline)}`);
    else if (e.action === 'task.target') out.push(`第${Number(before.position) + 1}项指标恢复为 ${String(before.value)}`);
    else if (e.action === 'task.cadence') out.push(`催办频次恢复为${CADENCE_WORDS[String(before.cadence)] ?? '原设置'}`);
    else if (e.action === 'task.status' || e.action === 'task.lifecycle') out.push(`状态恢复为「${statusWord(before.status)}」`);
    else if (e.action === 'assignment.added') out.push(`${await personName(deps, after.personId)}不再是${ROLE_WORDS[String(after.role)] ?? '该任务人员'}`);
    else if (e.action === 'assignment.ended') out.push(`${await personName(deps, before.personId)}恢复为${ROLE_WORDS[String(before.role)] ?? '该任务人员'}`);
  }
  return out;
}

/** Tells everyone the original change told; true when anyone was told. */
export async function tellReversal(
  deps: Deps,
  ctx: CommandContext,
  task: { id: number; code: string; title: string; shownCode: string },
  group: UndoEntry[],
  approvals: UndoneApproval[],
): Promise<boolean> {
  const label = taskLabel(task);
  const key = `undo:${ctx.messageId}`;
  let told = false;
  const owners = await peopleOn(deps, task.id, 'owner');
  for (const e of group) {
    const before = readJson(e.before);
    const after = readJson(e.after);
    if (e.action === 'task.deadline') {
      const approval = approvals.find((a) => a.entryId === e.id);
      const requester = approval?.requestedBy ? await deps.db.person.findUnique({ where: { openId: approval.requestedBy } }) : null;
      if (requester) await tell(deps, [requester], botText`${label}的延期申请此前已同意，现已撤销：完成时限恢复为 ${String(before.deadline)}。如仍需延期，请重新提交申请（/extend）。`, `${key}:requester`);
      const others = owners.filter((p) => p.id !== requester?.id);
      const text = approval ? botText`${label}的延期批准已撤销，完成时限恢复为 ${String(before.deadline)}。` : botText`${label}的截止日期已恢复为 ${String(before.deadline)}（撤销了此前调整为 ${String(after.deadline)} 的修改）。`;
      await tell(deps, others, text, `${key}:deadline`);
      told ||= others.length > 0 || !!requester;
    } else if (e.action === 'task.lifecycle') {
      await tell(deps, owners, botText`管理员撤销了此前的状态调整：${label}恢复为「${statusWord(before.status)}」。`, `${key}:lifecycle`);
      told ||= owners.some((p) => p.openId);
    } else if (e.action === 'assignment.added' || e.action === 'assignment.ended') {
      const x = e.action === 'assignment.added' ? after : before;
      const person = await deps.db.person.findUnique({ where: { id: Number(x.personId) } });
      if (!person) continue;
      const role = ROLE_WORDS[String(x.role)] ?? '人员';
      const text = e.action === 'assignment.added'
        ? botText`管理员撤销了此前的指派：您不再是${label}的${role}。`
        : botText`管理员撤销了此前的调整：您重新成为${label}的${role}。发送 /task ${task.shownCode} 查看详情。`;
      await tell(deps, [person], text, `${key}:${e.id}`);
      told ||= !!person.openId;
    }
  }
  return told;
}
