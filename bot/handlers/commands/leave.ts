/**
 * /leave 5月1日-5月5日 (请假): leave for the sender, so no nudges reach them
 * between the two days (inclusive).
 */
import { readDayRange } from '../../domain/reply/read-day.js';
import { addLeave } from '../../store/people.js';
import { CommandError, say, type CommandSpec } from './command.js';
import { botText } from '../../feishu/safe-text.js';

export const leaveCommand: CommandSpec = {
  names: ['leave', '请假'],
  admin: false,
  usage: '/leave 5月1日-5月5日（或单日：/leave 5月6日）',
  summary: '登记请假，期间不再催办',
  run: async (deps, ctx) => {
    const now = deps.clock.now();
    if (!ctx.args.trim()) throw new CommandError(botText`请写明请假日期。`);
    const range = readDayRange(ctx.args, now);
    if (!range) throw new CommandError(botText`没有读懂请假日期，请写成「5月1日-5月5日」或「2022-05-01~2022-05-05」。`);
    if (range.from > range.to) throw new CommandError(botText`开始日期（${range.from}）晚于结束日期（${range.to}），请检查。`);
    const person = await deps.db.person.findUnique({ where: { openId: ctx.senderOpenId } });
    if (!person) throw new CommandError(botText`您目前没有负责的任务，无需请假。`);
    await deps.db.$transaction((tx) => addLeave(tx, { personId: person.id, from: range.from, to: range.to, by: ctx.senderOpenId, now }));
    const days = range.from === range.to ? range.from : `${range.from} 至 ${range.to}`;
    await say(deps, ctx, botText`已登记请假：${days}。期间不再向您发送催办。`, 'leave');
  },
};
