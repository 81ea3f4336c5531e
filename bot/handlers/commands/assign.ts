/** /assign N @a [@b] (指派): adds owners to a task; each new owner is told. */
import { assign } from '../../store/people.js';
import { botText, type BotText } from '../../feishu/safe-text.js';
import { CommandError, mentionedPeople, names, requireTask, say, taskLabel, type CommandSpec } from './command.js';

export const assignCommand: CommandSpec = {
  names: ['assign', '指派'],
  example: '/assign 7 @张敏',
  admin: true,
  usage: '/assign 任务编号 @责任人 [@责任人…]',
  summary: '指派任务责任人',
  run: async (deps, ctx) => {
    const [ref] = ctx.args.split(/\s+/);
    const task = await requireTask(deps, ref?.startsWith('@') ? undefined : ref);
    const people = await mentionedPeople(deps, ctx.people);
    if (!people.length) throw new CommandError(botText`请 @ 要指派的责任人。`);
    const now = deps.clock.now();
    const added: { name: string }[] = [];
    for (const p of people) {
      const r = await deps.db.$transaction((tx) =>
        assign(tx, { taskId: task.id, personId: p.id, role: 'owner', by: ctx.senderOpenId, now, chatId: ctx.chatId, messageId: ctx.messageId }),
      );
      if (r === 'added') {
        added.push(p);
        const text: BotText = botText`您被指派为${taskLabel(task)}的责任人。发送 /task ${task.shownCode} 查看详情。`;
        await deps.messenger.send({ openId: p.openId! }, { text }, `assigned:${ctx.messageId}:${p.id}`);
      }
    }
    await say(deps, ctx, added.length ? botText`已指派${taskLabel(task)}的责任人：${names(added)}。` : botText`这些人员已是该任务的责任人，未作修改。`, 'assign');
  },
};
