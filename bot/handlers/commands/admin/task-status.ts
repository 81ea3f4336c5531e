/**
 * A task's life by admin command, each through transition() and audited as 'task.lifecycle'
 * (bot/store/lifecycle.ts): /pause N (暂停: active → paused), /resume N (恢复: paused → active),
 * /done N (办结: any lifecycle but closed → closed, settling a pending completion request), /reopen N
 * (重新打开: closed or done_pending → active). The owners are told, since their nudges stop or start;
 * the completion cards of a request this settles show it (completion-cards.ts).
 */
import type { Lifecycle, LifecycleEvent } from '../../../domain/task-state/index.js';
import { lifecycleWord } from '../../../domain/task-state/index.js';
import { botText } from '../../../feishu/safe-text.js';
import { changeLifecycle, openRequest } from '../../../store/lifecycle.js';
import { showCompletionState } from '../../reports/completion-cards.js';
import { CommandError, say, taskLabel, type CommandSpec } from '../command.js';
import { peopleOn, taskAndRest, tell } from './shared.js';

/** What the owners hear, by the lifecycle reached. */
const OWNER_NOTE: Record<Lifecycle, string> = {
  paused: '已暂停，暂停期间不再催办。',
  active: '已恢复为进行中，将按频次继续催办。',
  closed: '已由管理员办结，不再催办。',
  done_pending: '',
};

const HINT: Partial<Record<LifecycleEvent, string>> = {
  resume: '已办结的任务请用 /reopen 重新打开。',
  pause: '只有进行中的任务可以暂停。',
};

function lifecycleCommand(names: string[], event: LifecycleEvent, summary: string): CommandSpec {
  return {
    names,
    admin: true,
    usage: `/${names[0]} 任务编号`,
    summary,
    run: async (deps, ctx) => {
      const { task } = await taskAndRest(deps, ctx);
      const label = taskLabel(task);
      const pending = await openRequest(deps.db, task.id);
      const change = await changeLifecycle(deps.db, {
        taskId: task.id, cause: event, actor: ctx.senderOpenId, now: deps.clock.now(), chatId: ctx.chatId, messageId: ctx.messageId,
      });
      if (!change.ok) throw new CommandError(botText`${label}：${change.why}，未作修改。${HINT[event] ?? ''}`);
      const owners = await peopleOn(deps, task.id, 'owner');
      const told = owners.some((p) => p.openId) ? '已告知责任人。' : '';
      await say(deps, ctx, botText`${label}的状态已由「${lifecycleWord(change.from)}」改为「${lifecycleWord(change.to)}」。${OWNER_NOTE[change.to]}${told}`, 'status');
      await tell(deps, owners, botText`${label}${OWNER_NOTE[change.to]}`, `lifecycle:${change.entryId}`);
      // A completion request this settled (/done, /reopen of a task waiting on one): the deciders' cards say so.
      if (pending) await showCompletionState(deps, pending);
    },
  };
}

export const pauseCommand = lifecycleCommand(['pause', '暂停'], 'pause', '暂停任务（暂停催办）');
export const resumeCommand = lifecycleCommand(['resume', '恢复'], 'resume', '恢复已暂停的任务');
export const doneCommand = lifecycleCommand(['done', '办结'], 'admin_done', '直接办结任务（无需确认）');
export const reopenCommand = lifecycleCommand(['reopen', '重新打开', '重开'], 'reopen', '重新打开已办结或待确认办结的任务');
