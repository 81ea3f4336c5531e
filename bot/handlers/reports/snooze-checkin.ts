/**
 * 「明天再报」「下周再报」「晚点提醒我」「过两天提醒我」: not a report, a snooze of this task's check-in
 * for the sender (bot/domain/schedule/snooze.ts). Bounded (two per period, never past the deadline),
 * audited, confirmed in Chinese; refused with the reason.
 */
import { loadCodeNamer } from '../../store/plan-codes.js';
import type { Deps } from '../../deps.js';
import { addDays, isoWeekday, monthOf } from '../../domain/calendar/civil-date.js';
import { shanghaiDate, shanghaiParts } from '../../domain/calendar/shanghai-time.js';
import type { SnoozeAsk } from '../../domain/reply/self-help-words.js';
import { periodOf } from '../../domain/schedule/periods.js';
import type { PeriodCadence } from '../../domain/schedule/settings.js';
import { MAX_SNOOZES, planSnooze } from '../../domain/schedule/snooze.js';
import { botText, cut, type BotText } from '../../feishu/safe-text.js';
import { addSnooze, snoozeOfMessage, snoozesOf } from '../../store/snoozes.js';
import type { MessageContext } from '../types.js';

export async function snoozeCheckin(deps: Deps, ctx: MessageContext, a: { taskId: number; personId: number | null; ask: SnoozeAsk }): Promise<void> {
  const reply = (text: BotText, tag: string) => deps.messenger.reply(ctx.messageId, { text }, `reply:${ctx.messageId}:${tag}`);
  const now = deps.clock.now();
  const task = await deps.db.task.findUniqueOrThrow({ where: { id: a.taskId }, select: { code: true, planId: true, cadence: true, deadline: true } });
  const name = `任务${cut((await loadCodeNamer(deps.db))(task.planId, task.code), 16)}`;
  if (a.personId === null) return void (await reply(botText`只有${name}的责任人可以推迟提醒，这条消息未作记录。`, 'snooze-refused'));
  // A redelivered message: the snooze is already recorded; confirm it again (same key, shown once).
  const kept = await snoozeOfMessage(deps.db, ctx.messageId);
  if (kept) return void (await reply(confirmation(name, kept.until, true, now), 'snoozed'));
  if (task.cadence === 'off') return void (await reply(botText`${name}不定期催报，无需推迟提醒。`, 'snooze-off'));
  const period = periodOf(task.cadence as PeriodCadence, shanghaiDate(now));
  const answered = await deps.db.report.count({ where: { taskId: a.taskId, period: period.id, revokedAt: null, returnedAt: null } });
  if (answered) return void (await reply(botText`${name}本期已填报，无需再提醒。`, 'snooze-answered'));
  const earlier = await snoozesOf(deps.db, { taskId: a.taskId, personId: a.personId, period: period.id });
  const plan = planSnooze({ ask: a.ask, now, period, deadline: task.deadline, earlier }, deps.calendar, deps.schedule);
  if (!plan.ok) {
    const why = plan.why === 'too-many'
      ? botText`${name}本期已推迟提醒 ${MAX_SNOOZES} 次，不能再推迟了。请在本期内填报进展（直接回复进展即可）。`
      : botText`${name}的完成时限是 ${plan.deadline ?? ''}，不能推迟到时限之后再提醒。请在时限前填报进展。`;
    return void (await reply(why, 'snooze-refused'));
  }
  await addSnooze(deps.db, {
    taskId: a.taskId, personId: a.personId, period: period.id, until: plan.until, actor: ctx.senderOpenId, ask: a.ask,
    text: ctx.text.slice(0, 200), messageId: ctx.messageId, chatId: ctx.chatId, now,
  });
  await reply(confirmation(name, plan.until, plan.remind, now), 'snoozed');
}

function confirmation(name: string, until: Date, remind: boolean, now: Date): BotText {
  const when = momentWords(until, now);
  return remind
    ? botText`好的，${when} 再提醒您填报${name}。`
    : botText`好的，本期不再催报${name}；下一期的填报提醒（${when}）照常发送。`;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** 「明天（4月12日）9:30」「今天 15:10」「下周一（4月18日）9:30」. */
export function momentWords(at: Date, now: Date): string {
  const { date, minutes } = shanghaiParts(at);
  const today = shanghaiDate(now);
  const time = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  if (date === today) return `今天 ${time}`;
  const day = `${monthOf(date)}月${Number(date.slice(8, 10))}日`;
  const weekEnd = addDays(today, 7 - isoWeekday(today));
  const next = date > weekEnd && date <= addDays(weekEnd, 7) ? '下' : '';
  const word = date === addDays(today, 1) ? '明天' : date === addDays(today, 2) ? '后天' : `${next}周${WEEKDAYS[isoWeekday(date) - 1]}`;
  return `${word}（${day}）${time}`;
}
