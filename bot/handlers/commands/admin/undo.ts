/**
 * /undo (撤销): undoes the admin's last change (all entries of one command)
 * among assignments, deadline, target, cadence and status, from the audit
 * trail's before/after. The reversal is recorded as one 'undo' entry naming
 * the entries it undid, so a second /undo goes one change further back.
 */
import type { Tx } from '../../../store/db.js';
import { audit } from '../../../store/audit.js';
import { say, type CommandSpec } from '../command.js';
import { botText } from '../../../feishu/safe-text.js';

const UNDOABLE = ['assignment.added', 'assignment.ended', 'task.deadline', 'task.target', 'task.cadence', 'task.status'];
const WHAT: Record<string, string> = {
  'assignment.added': '指派', 'assignment.ended': '取消指派', 'task.deadline': '截止日期', 'task.target': '指标', 'task.cadence': '催办频次', 'task.status': '任务状态',
};

type Entry = { id: number; action: string; taskId: number | null; before: string | null; after: string | null; messageId: string | null };

export const undoCommand: CommandSpec = {
  names: ['undo', '撤销'],
  admin: true,
  usage: '/undo',
  summary: '撤销您最近的一次修改',
  run: async (deps, ctx) => {
    const actor = ctx.senderOpenId;
    const undos = await deps.db.auditEntry.findMany({ where: { actor, action: 'undo' }, select: { after: true } });
    const undone = new Set(undos.flatMap((u) => (JSON.parse(u.after ?? '{}') as { ids?: number[] }).ids ?? []));
    const candidates = await deps.db.auditEntry.findMany({ where: { actor, action: { in: UNDOABLE } }, orderBy: { id: 'desc' }, take: 500 });
    const last = candidates.find((e) => !undone.has(e.id));
    if (!last) {
      await say(deps, ctx, botText`没有可以撤销的修改。`, 'undo');
      return;
    }
    // One command may have written several entries (转办 ends one owner and adds another): undo them together.
    const group = last.messageId ? candidates.filter((e) => e.messageId === last.messageId && !undone.has(e.id)) : [last];
    const now = deps.clock.now();
    await deps.db.$transaction(async (tx) => {
      for (const e of group) await reverse(tx, e, actor, now);
      await audit(tx, {
        actor, action: 'undo', now, taskId: last.taskId, chatId: ctx.chatId, messageId: ctx.messageId,
        before: group.map((e) => ({ id: e.id, action: e.action, before: e.before, after: e.after })), after: { ids: group.map((e) => e.id) },
      });
    });
    const task = last.taskId ? await deps.db.task.findUnique({ where: { id: last.taskId }, select: { code: true } }) : null;
    const what = [...new Set(group.map((e) => WHAT[e.action]))].join('、');
    await say(deps, ctx, botText`已撤销${task ? `任务${task.code}的` : ''}${what}修改。`, 'undo');
  },
};

/** Puts back what one audit entry changed. */
async function reverse(tx: Tx, e: Entry, actor: string, now: Date): Promise<void> {
  const before = JSON.parse(e.before ?? 'null') as Record<string, unknown> | null;
  const after = JSON.parse(e.after ?? 'null') as Record<string, unknown> | null;
  const taskId = e.taskId;
  if (taskId === null) return;
  switch (e.action) {
    case 'assignment.added': {
      const { personId, role } = after as { personId: number; role: string };
      await tx.assignment.updateMany({ where: { taskId, personId, role, active: true }, data: { active: false, endedAt: now, endedBy: actor } });
      return;
    }
    case 'assignment.ended': {
      const { personId, role } = before as { personId: number; role: string };
      const active = await tx.assignment.count({ where: { taskId, personId, role, active: true } });
      if (!active) await tx.assignment.create({ data: { taskId, personId, role, assignedBy: actor, assignedAt: now } });
      return;
    }
    case 'task.deadline':
      await tx.task.update({ where: { id: taskId }, data: { deadline: String(before!.deadline), updatedAt: now } });
      return;
    case 'task.cadence':
      await tx.task.update({ where: { id: taskId }, data: { cadence: String(before!.cadence), updatedAt: now } });
      return;
    case 'task.status':
      await tx.task.update({ where: { id: taskId }, data: { status: String(before!.status), updatedAt: now } });
      return;
    case 'task.target':
      await tx.target.updateMany({ where: { taskId, position: Number(before!.position) }, data: { value: Number(before!.value) } });
      return;
  }
}
