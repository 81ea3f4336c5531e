/**
 * /undo (撤销): undoes the admin's own last change (all entries of one command)
 * among assignments, deadline, target, cadence and lifecycle (its statusSince
 * too: a completion request it settled is open again), from the audit
 * trail's before/after — only while nothing newer touched the same field
 * (undo-check.ts). The reversal is recorded as one 'undo' entry naming the
 * entries it undid, so a second /undo goes one change further back; everyone
 * the change told is told of its reversal (undo-effects.ts).
 */
import { namedTask } from '../../../store/plan-codes.js';
import { readJson } from '../../../domain/audit-fields.js';
import { wordTable } from '../../../domain/word-table.js';
import { audit } from '../../../store/audit.js';
import { openRequest } from '../../../store/lifecycle.js';
import { showCompletionState } from '../../reports/completion-cards.js';
import { say, type CommandSpec } from '../command.js';
import { botText } from '../../../feishu/safe-text.js';
import { undoConflict, undoneIds } from './undo-check.js';
import { approvalBehind, describeReversal, recordApprovalUndone, reverse, tellReversal } from './undo-effects.js';

const UNDOABLE = ['assignment.added', 'assignment.ended', 'task.deadline', 'task.target', 'task.cadence', 'task.status', 'task.lifecycle'];
const WHAT = wordTable({
  'assignment.added': '指派', 'assignment.ended': '取消指派', 'task.deadline': '截止日期', 'task.target': '指标', 'task.cadence': '催办频次', 'task.status': '任务状态',
  'task.lifecycle': '任务状态',
});
/** A lifecycle change made by a report (报完成, 撤回) is the report's own: its undo is the report's 撤销, not /undo. */
const byReport = (e: { action: string; after: string | null }) => e.action === 'task.lifecycle' && ['owner_done', 'withdraw'].includes(String(readJson(e.after).event));

export const undoCommand: CommandSpec = {
  names: ['undo', '撤销'],
  example: '/undo',
  admin: true,
  usage: '/undo',
  summary: '撤销您最近的一次修改',
  run: async (deps, ctx) => {
    const actor = ctx.senderOpenId;
    const undone = undoneIds(await deps.db.auditEntry.findMany({ where: { actor, action: 'undo' }, select: { after: true } }));
    const candidates = (await deps.db.auditEntry.findMany({ where: { actor, action: { in: UNDOABLE } }, orderBy: { id: 'desc' }, take: 500 })).filter((e) => !byReport(e));
    const last = candidates.find((e) => !undone.has(e.id));
    if (!last) {
      await say(deps, ctx, botText`没有可以撤销的修改。`, 'undo');
      return;
    }
    // One command may have written several entries (转办 ends one owner and adds another): undo them together.
    const group = last.messageId ? candidates.filter((e) => e.messageId === last.messageId && !undone.has(e.id)) : [last];
    const task = last.taskId ? await namedTask(deps.db, last.taskId) : null;
    const what = [...new Set(group.map((e) => WHAT[e.action]))].join('、');
    const name = task ? `任务${task.shownCode}的` : '';
    const conflict = await undoConflict(deps, group);
    if (conflict) {
      await say(deps, ctx, botText`无法撤销${name}${what}修改：${conflict}`, 'undo');
      return;
    }
    const approvals = await approvalBehind(deps, group);
    const now = deps.clock.now();
    await deps.db.$transaction(async (tx) => {
      for (const e of group) await reverse(tx, e, actor, now);
      for (const a of approvals) await recordApprovalUndone(tx, a, actor, now, ctx);
      await audit(tx, {
        actor, action: 'undo', now, taskId: last.taskId, chatId: ctx.chatId, messageId: ctx.messageId,
        before: group.map((e) => ({ id: e.id, action: e.action, before: e.before, after: e.after })), after: { ids: group.map((e) => e.id), what },
      });
    });
    // A completion request the undone change had settled waits again: its cards ask again (completion-cards.ts).
    const reopened = last.taskId !== null && group.some((e) => e.action === 'task.lifecycle') ? await openRequest(deps.db, last.taskId) : null;
    if (reopened) await showCompletionState(deps, reopened);
    const told = task ? await tellReversal(deps, ctx, task, group, approvals) : false;
    const details = (await describeReversal(deps, group)).join('，');
    await say(deps, ctx, botText`已撤销${name}${what}修改${details ? `：${details}` : ''}。${told ? '已告知相关人员。' : ''}`, 'undo');
  },
};
