/**
 * /leave 5月1日-5月5日 (请假): leave for the sender, so no nudges reach them
 * between the two days (inclusive). Bounded (leave-bounds.ts): at most
 * LEAVE_MAX_DAYS for staff; an admin may register up to a year, for anyone:
 * /leave @姓名 日期. Every leave registered is told to the admins.
 * 「/leave 取消」 (「/leave cancel」) ends the sender's current or next leave; an admin ends another's with
 * 「/leave @姓名 取消」, and that person is told.
 */
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { LEAVE_ADMIN_MAX_DAYS, leaveDays, leaveProblem } from '../../domain/leave-bounds.js';
import { readDayRange } from '../../domain/reply/read-day.js';
import { addDays } from '../../domain/calendar/civil-date.js';
import { addLeave, cancelLeave } from '../../store/people.js';
import { adminOpenIds } from '../../store/people.js';
import { CommandError, isAdmin, mentionedPeople, say, type CommandSpec } from './command.js';
import { botText, cut } from '../../feishu/safe-text.js';

export const leaveCommand: CommandSpec = {
  names: ['leave', '请假'],
  example: '/leave 5月1日-5月5日',
  admin: false,
  usage: '/leave 5月1日-5月5日（或单日：/leave 5月6日；提前回来或不请了：/leave 取消；管理员可为他人登记或取消：/leave @姓名 日期、/leave @姓名 取消）',
  summary: '登记请假，期间不再催办',
  run: async (deps, ctx) => {
    const now = deps.clock.now();
    const dates = ctx.people.length ? ctx.args.split(/\s+/).filter((w) => !w.startsWith('@')).join(' ') : ctx.args;
    const cancelling = CANCEL.test(dates.trim());
    if (cancelling && !ctx.people.length) return cancel(deps, ctx, now, null);
    const admin = await isAdmin(deps, ctx.senderOpenId);
    if (ctx.people.length && !admin) {
      throw new CommandError(cancelling ? botText`只有管理员可以取消他人的请假；取消自己的请假请发送「/leave 取消」（不要 @ 他人）。` : botText`只有管理员可以为他人登记请假，请为自己登记（不要 @ 他人）。`);
    }
    if (ctx.people.length > 1) throw new CommandError(cancelling ? botText`一次只能取消一人的请假。` : botText`一次只能为一人登记请假。`);
    if (cancelling) return cancel(deps, ctx, now, (await mentionedPeople(deps, ctx.people))[0] ?? null);
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

const CANCEL = /^(取消|cancel)$/i;

type Person = { id: number; name: string; openId: string | null };

/**
 * Ends the current leave yesterday, or removes the next one: the sender's (`other` null), or, by an admin,
 * another person's, who is then told (a text message; the name is escaped by botText).
 */
async function cancel(deps: Parameters<CommandSpec['run']>[0], ctx: Parameters<CommandSpec['run']>[1], now: Date, other: Person | null): Promise<void> {
  const person = other ?? (await deps.db.person.findUnique({ where: { openId: ctx.senderOpenId } }));
  const today = shanghaiDate(now);
  // A retried job: the cancellation this message made is already audited; say it once more (same key).
  const done = await deps.db.auditEntry.findFirst({ where: { action: 'leave.cancelled', messageId: ctx.messageId } });
  const ended = done
    ? (() => {
        const b = JSON.parse(done.before ?? '{}') as { from: string; to: string };
        const a = done.after ? (JSON.parse(done.after) as { to: string }) : null;
        return { from: b.from, to: b.to, endedOn: a ? a.to : null };
      })()
    : person && (await cancelLeave(deps.db, { personId: person.id, today, yesterday: addDays(today, -1), by: ctx.senderOpenId, now, chatId: ctx.chatId, messageId: ctx.messageId }));
  const span = ended ? (ended.from === ended.to ? ended.from : `${ended.from} 至 ${ended.to}`) : '';
  const forOther = other !== null && other.openId !== ctx.senderOpenId;
  if (!forOther) {
    if (!ended) throw new CommandError(botText`您目前没有今天及以后的请假，无需取消。`);
    await say(deps, ctx, ended.endedOn
      ? botText`已结束请假（原登记 ${span}），记为请假至 ${ended.endedOn}。从今天起恢复催办。`
      : botText`已取消请假：${span}。期间将照常催办。`, 'leave-cancel');
    return;
  }
  const name = cut(other.name, 12);
  if (!ended) throw new CommandError(botText`${name}目前没有今天及以后的请假，无需取消。`);
  await say(deps, ctx, ended.endedOn
    ? botText`已结束${name}的请假（原登记 ${span}），记为请假至 ${ended.endedOn}。从今天起恢复向其催办。`
    : botText`已取消${name}的请假：${span}。期间将照常向其催办。`, 'leave-cancel');
  if (other.openId) {
    await deps.messenger.send({ openId: other.openId }, {
      text: ended.endedOn
        ? botText`管理员已结束您的请假（原登记 ${span}），记为请假至 ${ended.endedOn}。从今天起恢复催办。`
        : botText`管理员已取消您的请假：${span}。期间将照常催办。`,
    }, `leave-cancel:${ctx.messageId}:person`);
  }
}
