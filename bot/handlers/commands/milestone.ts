/**
 * /milestone N 完成 (时间节点): an owner (or an admin) marks the task's next open milestone done — or its k-th,
 * `/milestone N k 完成` — which stops that milestone's reminders. `/milestone N` lists the task's milestones.
 * The confirmation names the next open one as the task-state engine states it.
 */
import type { Deps } from '../../deps.js';
import { fullDateWord } from '../../domain/task-state/words.js';
import { nextMilestonePhrase, phraseText } from '../../domain/task-state/phrases.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { markMilestoneDone } from '../../store/milestones.js';
import { loadTaskState } from '../../store/task-states.js';
import { botText, cut, joinText, type BotText } from '../../feishu/safe-text.js';
import { CommandError, isAdmin, requireTask, say, type CommandSpec } from './command.js';

const DONE = /^(完成|已完成|done)$/i;

export const milestoneCommand: CommandSpec = {
  names: ['milestone', '节点'],
  example: '/milestone 7 完成',
  admin: false,
  usage: '/milestone 任务编号 [节点序号] 完成（不写序号则为下一个未完成的节点；只写任务编号则列出该任务的时间节点）',
  summary: '标记任务的时间节点已完成，或查看时间节点',
  run: async (deps, ctx) => {
    const m = ctx.args.trim().match(/^(\S+)(?:\s+(\d{1,2}))?(?:\s+(\S+))?$/);
    if (!m) throw new CommandError(botText`请写明任务编号，如：/milestone 7 完成`);
    const task = await requireTask(deps, m[1]);
    const steps = await deps.db.milestone.findMany({ where: { taskId: task.id }, orderBy: [{ due: 'asc' }, { position: 'asc' }] });
    if (!steps.length) throw new CommandError(botText`任务${task.shownCode}没有时间节点。`);
    if (m[3] === undefined && m[2] === undefined) {
      const lines = steps.map((s, i) => botText`${i + 1}. ${fullDateWord(s.due)} ${cut(s.text, 60)}${s.doneAt ? '（已完成）' : ''}`);
      await say(deps, ctx, botText`任务${task.shownCode}的时间节点：\n${joinText(lines, '\n')}`, 'milestone');
      return;
    }
    if (!DONE.test(m[3] ?? '')) throw new CommandError(botText`请在最后写「完成」，如：/milestone ${task.shownCode} 完成`);
    const person = await deps.db.person.findUnique({ where: { openId: ctx.senderOpenId } });
    const mine = person && (await deps.db.assignment.count({ where: { taskId: task.id, personId: person.id, active: true, role: { in: ['owner', 'collaborator'] } } }));
    if (!mine && !(await isAdmin(deps, ctx.senderOpenId))) throw new CommandError(botText`您不是任务${task.shownCode}的责任人，不能标记其时间节点。`);
    const now = deps.clock.now();
    const k = m[2] === undefined ? null : Number(m[2]);
    const step = k === null ? steps.find((s) => s.doneAt === null) : steps[k - 1];
    if (!step) throw new CommandError(k === null ? botText`任务${task.shownCode}的时间节点都已完成。` : botText`任务${task.shownCode}没有第 ${k} 个时间节点（共 ${steps.length} 个）。`);
    if (step.doneAt) throw new CommandError(botText`该时间节点已于${fullDateWord(shanghaiDate(step.doneAt))}标记完成。`);
    // Conditional: a second tap of the same command marks nothing twice.
    const marked = await markMilestoneDone(deps.db, { milestone: step, actor: ctx.senderOpenId, now, chatId: ctx.chatId, messageId: ctx.messageId });
    if (!marked) throw new CommandError(botText`该时间节点已标记完成。`);
    await say(deps, ctx, botText`已标记任务${task.shownCode}的时间节点完成：${fullDateWord(step.due)} ${cut(step.text, 60)}。${await nextNow(deps, task.id, now)}`, 'milestone');
  },
};

/** 「下一节点：9月30日 三季度完成验收（还剩 121 个工作日）」, or that none is left. */
async function nextNow(deps: Pick<Deps, 'db' | 'calendar'>, taskId: number, now: Date): Promise<BotText> {
  const { task } = await loadTaskState(deps.db, { taskId, now, calendar: deps.calendar });
  const next = task.state.nextMilestone;
  return next ? botText`下一节点：${phraseText(nextMilestonePhrase(next, shanghaiDate(now)))}` : botText`该任务已没有未完成的时间节点。`;
}
