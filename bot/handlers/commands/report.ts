/** /report N 进展 (汇报): records the text as the sender's report on task N, with the usual confirmation card. */
import { loadTask, recordReport } from '../reports/record-reply.js';
import { CommandError, requireTask, type CommandSpec } from './command.js';
import { botText } from '../../feishu/safe-text.js';

export const reportCommand: CommandSpec = {
  names: ['report', '汇报'],
  admin: false,
  usage: '/report 任务编号 进展内容',
  summary: '填报任务进展',
  run: async (deps, ctx) => {
    const [ref, ...rest] = ctx.args.trim().split(/\s+/);
    const text = rest.join(' ').trim();
    const found = await requireTask(deps, ref || undefined);
    if (!text) throw new CommandError(botText`请在任务编号后写明进展内容。`);
    const person = await deps.db.person.findUnique({ where: { openId: ctx.senderOpenId } });
    const onTask = person
      ? await deps.db.assignment.count({ where: { personId: person.id, taskId: found.id, active: true, role: { in: ['owner', 'collaborator'] } } })
      : 0;
    if (!person || !onTask) throw new CommandError(botText`您不是任务${found.code}的责任人或协办人，不能填报该任务。`);
    const task = await loadTask(deps, found.id);
    await recordReport(deps, task, {
      text, source: 'command', messageId: ctx.messageId, chatId: ctx.chatId, replyTo: ctx.messageId, personId: person.id, openId: ctx.senderOpenId,
    });
  },
};
