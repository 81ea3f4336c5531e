/** /pause N (暂停), /resume N (恢复), /done N (办结): a task's administrative status; audited. */
import { botText } from '../../../feishu/safe-text.js';
import { say, taskLabel, type CommandSpec } from '../command.js';
import { wordTable } from '../../../domain/word-table.js';
import { auditChange, taskAndRest } from './shared.js';

export const STATUS_WORDS = wordTable({ active: '进行中', paused: '已暂停', done: '已办结' });

function statusCommand(names: string[], status: 'active' | 'paused' | 'done', summary: string, note: string): CommandSpec {
  return {
    names,
    admin: true,
    usage: `/${names[0]} 任务编号`,
    summary,
    run: async (deps, ctx) => {
      const { task } = await taskAndRest(deps, ctx);
      const before = (await deps.db.task.findUniqueOrThrow({ where: { id: task.id }, select: { status: true } })).status;
      const label = taskLabel(task);
      if (before === status) {
        await say(deps, ctx, botText`${label}已是「${STATUS_WORDS[status] ?? status}」状态，未作修改。`, 'status');
        return;
      }
      await deps.db.task.update({ where: { id: task.id }, data: { status, updatedAt: deps.clock.now() } });
      await auditChange(deps, ctx, { action: 'task.status', taskId: task.id, before: { status: before }, after: { status } });
      await say(deps, ctx, botText`${label}的状态已由「${STATUS_WORDS[before] ?? before}」改为「${STATUS_WORDS[status] ?? status}」。${note}`, 'status');
    },
  };
}

export const pauseCommand = statusCommand(['pause', '暂停'], 'paused', '暂停任务（暂停催办）', '暂停期间不再催办。');
export const resumeCommand = statusCommand(['resume', '恢复'], 'active', '恢复已暂停或已办结的任务', '将按频次继续催办。');
export const doneCommand = statusCommand(['done', '办结'], 'done', '将任务标记为办结', '不再催办。');
