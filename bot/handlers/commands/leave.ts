/**
 * /leave 5月1日-5月5日 (请假): leave for the sender, so no nudges reach them
 * between the two days (inclusive). Also reads the day phrases other
 * commands need (「6月底」「2022-06-30」「下周五」), relative to the clock.
 */
import { SHANGHAI } from '../../domain/calendar/shanghai-time.js';
import { todayIn } from '../../domain/reply/local-day.js';
import { PHRASES } from '../../domain/reply/time-phrases.js';
import { addLeave } from '../../store/people.js';
import { CommandError, say, type CommandSpec } from './command.js';

/** The day a whole phrase names (「5月6日」「6月底」「2022-06-30」「下周五」), or null. */
export function readDay(text: string, now: Date): string | null {
  const t = text.trim().replace(/[－—–]/g, '-').replace(/[～]/g, '~');
  const today = todayIn(now, SHANGHAI);
  if (!t || !today) return null;
  for (const p of PHRASES) {
    const m = new RegExp(`^(?:${p.re.source})$`).exec(t);
    const day = m ? p.at(m, today) : null;
    if (day) return day;
  }
  return null;
}

/** 「5月1日-5月5日」「5月1日至5月5日」「2022-05-01~2022-05-05」, or one day 「5月6日」. */
export function readDayRange(text: string, now: Date): { from: string; to: string } | null {
  const t = text.trim().replace(/[－—–]/g, '-').replace(/[～]/g, '~').replace(/\s+/g, '');
  const single = readDay(t, now);
  if (single) return { from: single, to: single };
  for (let i = 1; i < t.length - 1; i++) {
    const sep = /^(?:至|到|~|-)/.exec(t.slice(i));
    if (!sep) continue;
    const from = readDay(t.slice(0, i), now);
    const to = from ? readDay(t.slice(i + sep[0].length), now) : null;
    if (from && to) return { from, to };
  }
  return null;
}

export const leaveCommand: CommandSpec = {
  names: ['leave', '请假'],
  admin: false,
  usage: '/leave 5月1日-5月5日（或单日：/leave 5月6日）',
  summary: '登记请假，期间不再催办',
  run: async (deps, ctx) => {
    const now = deps.clock.now();
    if (!ctx.args.trim()) throw new CommandError('请写明请假日期。');
    const range = readDayRange(ctx.args, now);
    if (!range) throw new CommandError('没有读懂请假日期，请写成「5月1日-5月5日」或「2022-05-01~2022-05-05」。');
    if (range.from > range.to) throw new CommandError(`开始日期（${range.from}）晚于结束日期（${range.to}），请检查。`);
    const person = await deps.db.person.findUnique({ where: { openId: ctx.senderOpenId } });
    if (!person) throw new CommandError('您目前没有负责的任务，无需请假。');
    await deps.db.$transaction((tx) => addLeave(tx, { personId: person.id, from: range.from, to: range.to, by: ctx.senderOpenId, now }));
    const days = range.from === range.to ? range.from : `${range.from} 至 ${range.to}`;
    await say(deps, ctx, `已登记请假：${days}。期间不再向您发送催办。`, 'leave');
  },
};
