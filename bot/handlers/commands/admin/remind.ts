/**
 * /remind N|all (催办): nudges the owners now, through the nudges queue like
 * the sweep, so the send limiter, the claim and the uuid apply. One nudge row
 * per task and owner, keyed on the command's message id: a redelivered
 * command enqueues nothing twice.
 */
import { jobIdFor } from '../../../../jobs/queues.js';
import { CommandError, requireTask, say, type CommandSpec } from '../command.js';
import { words } from './shared.js';
import { lifecycleOf, lifecycleWord } from '../../../domain/task-state/lifecycle.js';
import { botText } from '../../../feishu/safe-text.js';

export const remindCommand: CommandSpec = {
  names: ['remind', '催办'],
  example: '/remind 7',
  admin: true,
  usage: '/remind 任务编号|all（全部）',
  summary: '立即催办任务的责任人',
  run: async (deps, ctx) => {
    const [ref] = words(ctx.args);
    if (!ref) throw new CommandError(botText`请指明任务编号，或写 all 催办全部进行中的任务。`);
    const all = ref.toLowerCase() === 'all' || ref === '全部';
    const taskIds = all
      ? (await deps.db.task.findMany({ where: { removedAt: null, status: 'active' }, select: { id: true }, orderBy: { position: 'asc' } })).map((t) => t.id)
      : [(await requireTask(deps, ref)).id];
    if (!all) {
      const { status } = await deps.db.task.findUniqueOrThrow({ where: { id: taskIds[0]! }, select: { status: true } });
      const lifecycle = lifecycleOf(status);
      if (lifecycle !== 'active') throw new CommandError(botText`该任务${lifecycleWord(lifecycle)}，不催办。${lifecycle === 'paused' ? '如需催办请先 /resume。' : ''}`);
    }
    const owners = await deps.db.assignment.findMany({ where: { taskId: { in: taskIds }, role: 'owner', active: true }, select: { taskId: true, personId: true } });
    const now = deps.clock.now();
    const keys: string[] = [];
    for (const o of owners) {
      const key = `${o.taskId}:${o.personId}:remind-${ctx.messageId}:remind`;
      try {
        await deps.db.nudge.create({ data: { key, taskId: o.taskId, personId: o.personId, period: ctx.messageId, kind: 'remind', dueAt: now, state: 'pending', createdAt: now } });
      } catch (e) {
        if ((e as { code?: string }).code !== 'P2002') throw e;
      }
      keys.push(key);
    }
    if (keys.length) await deps.queues.nudges.addBulk(keys.map((key) => ({ name: 'send-nudge', data: { key }, opts: { jobId: jobIdFor('nudge', key) } })));
    if (!keys.length) throw new CommandError(all ? botText`没有可催办的责任人。` : botText`该任务还没有责任人，请先 /assign 指派。`);
    await say(deps, ctx, botText`已发出催办：${new Set(owners.map((o) => o.taskId)).size}项任务，${keys.length}人次。`, 'remind');
  },
};
