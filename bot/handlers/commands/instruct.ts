/**
 * /instruct N 内容 (批示): a task's leader (or an admin) gives a 批示 on task N; the owners are told
 * 「领导批示」 and the leader hears who was. Recorded once per message (a redelivery records nothing new).
 */
import { readInstructionText } from '../../domain/instruction-text.js';
import { botText } from '../../feishu/safe-text.js';
import { giveInstruction } from '../instructions/give-instruction.js';
import { mayInstruct } from '../instructions/may-instruct.js';
import { CommandError, requireTask, say, type CommandSpec } from './command.js';

export const instructCommand: CommandSpec = {
  names: ['instruct', '批示'],
  example: '/批示 7 请抓紧推进，本月底前完成',
  leaders: true,
  admin: false,
  usage: '/批示 任务编号 批示内容（如：/批示 7 请抓紧推进，本月底前完成）',
  summary: '责任领导对任务作出批示，转告责任人',
  run: async (deps, ctx) => {
    const args = ctx.args.trim();
    const ref = args.split(/\s+/)[0] ?? '';
    const found = await requireTask(deps, ref || undefined);
    const giver = await mayInstruct(deps, ctx.senderOpenId, found.id);
    if (!giver.ok) throw new CommandError(botText`${giver.why}，未作记录。`);
    const text = readInstructionText(args.slice(ref.length));
    if (!text.ok) throw new CommandError(botText`${text.why}。`);
    const { answer } = await giveInstruction(deps, giver, text.text, { source: 'command', messageId: ctx.messageId, eventId: null, chatId: ctx.chatId });
    await say(deps, ctx, answer, 'instruct');
  },
};
