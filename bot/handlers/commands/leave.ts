/**
 * /leave 5月1日-5月5日 (请假): leave for the sender, so no nudges reach them
 * between the two days (inclusive). Bounded (leave-bounds.ts): at most
 * LEAVE_MAX_DAYS for staff; an admin may register up to a year, for anyone:
 * /leave @姓名 日期. Every leave registered is told to the admins.
 */
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { LEAVE_ADMIN_MAX_DAYS, leaveDays, leaveProblem } from '../../domain/leave-bounds.js';
import { readDayRange } from '../../domain/reply/read-day.js';
import { addLeave } from '../../store/people.js';
import { adminOpenIds } from '../../store/people.js';
import { CommandError, isAdmin, mentionedPeople, say, type CommandSpec } from './command.js';
import { botText, cut } from '../../feishu/safe-text.js';

export const leaveCommand: CommandSpec = {
  names: ['leave', '请假'],
  example: '/leave 5月1日-5月5日',
  admin: false,
  usage: '/leave 5月1日-5月5日（或单日：/leave 5月6日；管理员可为他人登记：/leave @姓名 日期）',
  summary: '登记请假，期间不再催办',
  run: async (deps, ctx) => {
    const now = deps.clock.now();
    const admin = await isAdmin(deps, ctx.senderOpenId);
    if (ctx.people.length && !admin) throw new CommandError(botText`只有管理员可以为他人登记请假，请为自己登记（不要 @ 他人）。`);
    if (ctx.people.length > 1) throw new CommandError(botText`一次只能为一人登记请假。`);
    const dates = ctx.people.length ? ctx.args.split(/\s+/).filter((w) => !w.startsWith('@')).join(' ') : ctx.args;
    if (!dates.trim()) throw new CommandError(botText`请写明请假日期。`);
    const range = readDayRange(dates, now);
    if (!range) throw new CommandError(botText`没有读懂请假日期，请写成「5月1日-5月5日」或「2022-05-01~2022-05-05」。`);
    const max = admin ? LEAVE_ADMIN_MAX_DAYS : deps.config.LEAVE_MAX_DAYS;
    const problem = leaveProblem(range, shanghaiDate(now), max);
    if (problem) throw new CommandError(leaveDays(range) > max && !admin ? botText`${problem}更长的请假请联系管理员登记。` : botText`${problem}`);
    const [other] = ctx.people.length ? await mentionedPeople(deps, ctx.people) : [];
    const person = other ?? (await deps.db.person.findUnique({ where: { openId: ctx.senderOpenId } }));
    if (!person) throw new CommandError(botText`您目前没有负责的任务，无需请假。`);
    // A retried job (or the same leave typed twice) records it once.
    const same = await deps.db.leave.findFirst({ where: { personId: person.id, fromDate: range.from, toDate: range.to } });
    if (!same) await deps.db.$transaction((tx) => addLeave(tx, { personId: person.id, from: range.from, to: range.to, by: ctx.senderOpenId, now }));
    const days = `${range.from === range.to ? range.from : `${range.from} 至 ${range.to}`}（共 ${leaveDays(range)} 天）`;
    const name = cut(person.name, 12);
    await say(deps, ctx, other ? botText`已为${name}登记请假：${days}。期间不再向其发送催办。` : botText`已登记请假：${days}。期间不再向您发送催办。`, 'leave');
    if (other?.openId && other.openId !== ctx.senderOpenId) {
      await deps.messenger.send({ openId: other.openId }, { text: botText`管理员已为您登记请假：${days}。期间不再向您发送催办。` }, `leave:${ctx.messageId}:person`);
    }
    const note = botText`请假登记：${name}，${days}${other ? '，由管理员登记' : ''}。期间不向其发送催办。`;
    for (const openId of await adminOpenIds(deps)) {
      if (openId === ctx.senderOpenId) continue;
      await deps.messenger.send({ openId }, { text: note }, `leave:${ctx.messageId}:admin:${openId}`).catch((e: Error) =>
        deps.log.warn({ err: e.message }, 'could not tell an admin about a leave'),
      );
    }
  },
};
