/**
 * The soak's invariant checker: what the README promises, read off the fake's record of every message
 * and the store, at a moment `at` (every simulated week, and at the end once all work is drained).
 * Each violation names its invariant and the first thing found against it.
 */
import { uuidFor } from '../../bot/feishu/messenger.js';
import { atShanghai, type WorkCalendar } from '../../bot/domain/calendar/work-calendar.js';
import { shanghaiParts } from '../../bot/domain/calendar/shanghai-time.js';
import { lastWorkdayOfWeek, periodOf } from '../../bot/domain/schedule/periods.js';
import { isQuietTime } from '../../bot/domain/schedule/quiet-hours.js';
import type { ScheduleSettings } from '../../bot/domain/schedule/settings.js';
import { addDays } from '../../bot/domain/calendar/civil-date.js';
import type { FakeFeishu, StoredMessage } from '../../bot/sandbox/index.js';
import type { Db } from '../../bot/store/db.js';
import { MAYBE_SHOWN } from '../../bot/store/nudge-store.js';
import { checkStatesShown } from './states-shown.js';

export interface Violation {
  invariant: string;
  detail: string;
}

export interface CheckContext {
  fake: FakeFeishu;
  db: Db;
  calendar: WorkCalendar;
  schedule: ScheduleSettings;
  digestAt: string;
  /** The checking moment; work due more than `graceMs` before it must be done. */
  at: Date;
  graceMs: number;
  /** The open_ids whose slash-commands change something and must be audited (admins). */
  admins: string[];
  /** Cards sent after this (ms) are compared with the state engine (state-shown); the earlier ones were at the last check. */
  shownSince?: number;
}


/** Commands whose success changes the store, and so must leave an audit entry. */
const AUDITED_COMMANDS = /^\/(subscribe|unsubscribe|reassign|assign|pause|resume|close|reopen|leave|extend|批示|督办|退回|办结)\b/;

export async function checkInvariants(c: CheckContext): Promise<Violation[]> {
  const out: Violation[] = [];
  const v = (invariant: string, detail: string) => out.push({ invariant, detail });
  const due = c.at.getTime() - c.graceMs;
  const messages = c.fake.messages();
  const botMessages = messages.filter((m) => m.sender === 'bot');

  // 1. Nothing shown twice: one message per uuid (Feishu absorbs a repeat within the hour; later it would show twice).
  const byUuid = new Map<string, StoredMessage[]>();
  for (const m of botMessages) if (m.uuid) byUuid.set(m.uuid, [...(byUuid.get(m.uuid) ?? []), m]);
  for (const [uuid, shown] of byUuid) {
    const n = shown.length;
    if (n < 2) continue;
    const what = shown.map((m) => `${m.messageId} ${m.msgType} in ${m.chatId} at ${new Date(m.createTime).toISOString()}${m.parentId ? ` replying to ${m.parentId}` : ''}`).join('; ');
    v('sent-once', `${n} messages carry uuid ${uuid}: ${what}`);
  }

  // 2. Every nudge due is sent, or ended with a reason; every nudge recorded as sent is the message Feishu holds.
  const nudges = await c.db.nudge.findMany({ include: { person: true, task: true } });
  const leaves = await c.db.leave.findMany();
  for (const n of nudges) {
    const label = `nudge ${n.key}`;
    const shown = byUuid.get(uuidFor(`nudge:${n.key}`)) ?? [];
    if (n.dueAt.getTime() <= due && !['sent', 'failed', 'cancelled'].includes(n.state)) v('due-sent', `${label} due ${n.dueAt.toISOString()} is still ${n.state}`);
    if ((n.state === 'failed' || n.state === 'cancelled') && !n.error) v('due-sent', `${label} is ${n.state} without a reason`);
    if (n.state === 'sent') {
      if (!n.messageId || !shown.some((m) => m.messageId === n.messageId)) v('sent-recorded', `${label} is recorded as sent as ${n.messageId}, which Feishu does not hold under its uuid`);
      if (!n.sentAt) v('sent-recorded', `${label} is sent without a time`);
    } else if (shown.length && n.state !== 'sending' && !n.error?.includes(MAYBE_SHOWN)) {
      // (A nudge ended unsent after its sender died holding it says it may have been shown: that is the truth.)
      v('sent-recorded', `${label} was shown (${shown[0]!.messageId}) but is recorded as ${n.state}`);
    }
    // 3. Never at the wrong moment.
    for (const m of shown) {
      const at = new Date(m.createTime);
      const { date, minutes } = shanghaiParts(at);
      if (!c.calendar.isWorkday(date)) v('sent-when', `${label} went out on ${date}, not a working day`);
      if (isQuietTime(minutes, c.schedule)) v('sent-when', `${label} went out at ${at.toISOString()}, in quiet hours`);
      // Nobody is nudged on a day of leave: check-ins, follow-ups, deadline and milestone steps, a leader's escalation.
      if (leaves.some((l) => l.personId === n.personId && l.fromDate <= date && date <= l.toDate)) {
        v('sent-when', `${label} went out on ${date}, while ${n.person.name} is on leave`);
      }
      const cadence = cadenceOfPeriod(n.period);
      if (cadence && ['checkin', 'followup1', 'followup2'].includes(n.kind) && periodOf(cadence, date).id > n.period) {
        v('sent-when', `${label} went out on ${date}, after its period ${n.period}`);
      }
      if (['closed', 'paused'].includes(n.task.status) && n.task.statusSince && n.task.statusSince.getTime() < at.getTime()) {
        v('sent-when', `${label} went out at ${at.toISOString()} for a task ${n.task.status} since ${n.task.statusSince.toISOString()}`);
      }
    }
  }

  // 4. A reply the bot confirmed is recorded, once.
  const reports = await c.db.report.findMany({ where: { messageId: { not: null } }, select: { id: true, taskId: true, messageId: true, source: true } });
  const reportsOf = new Map<string, number>();
  for (const r of reports) reportsOf.set(`${r.messageId}:${r.taskId}`, (reportsOf.get(`${r.messageId}:${r.taskId}`) ?? 0) + 1);
  for (const [k, n] of reportsOf) if (n > 1) v('reply-once', `message:task ${k} is recorded as ${n} reports`);
  const taskIds = (await c.db.task.findMany({ select: { id: true } })).map((t) => t.id);
  const confirmUuids = new Map<string, string>();
  for (const m of messages) {
    if (m.sender === 'bot' || m.chatType !== 'p2p' || m.msgType !== 'text') continue;
    for (const id of taskIds) confirmUuids.set(uuidFor(`confirm:${m.messageId}:${id}`), `${m.messageId}:${id}`);
  }
  for (const m of botMessages) {
    const k = m.uuid ? confirmUuids.get(m.uuid) : undefined;
    if (k && !reportsOf.has(k)) v('reply-recorded', `the bot confirmed message:task ${k} (${m.messageId}) but holds no report of it`);
  }

  // A click (or a form) is one report: two alike from one person at one moment are one click recorded twice.
  const clicked = await c.db.report.findMany({ where: { source: { in: ['button', 'form'] } }, select: { taskId: true, personId: true, createdAt: true, rawText: true } });
  const clicks = new Map<string, number>();
  for (const r of clicked) {
    const k = `${r.taskId}:${r.personId}:${r.createdAt.toISOString()}:${r.rawText}`;
    clicks.set(k, (clicks.get(k) ?? 0) + 1);
  }
  for (const [k, n] of clicks) if (n > 1) v('click-once', `${n} reports alike (task:person:time:text ${k})`);

  // 5. A digest for every week and subscribed chat, once.
  const chats = await c.db.chat.findMany({ where: { digest: true, subscribedAt: { not: null } } });
  const posts = await c.db.digestPost.findMany();
  for (const chat of chats) {
    const sent = new Map<string, number>();
    for (const p of posts) if (p.chatId === chat.chatId && p.state === 'sent') sent.set(p.week, (sent.get(p.week) ?? 0) + 1);
    for (const [week, n] of sent) if (n > 1) v('digest-once', `${n} digests for ${chat.chatId} in ${week}`);
    for (let day = shanghaiParts(chat.subscribedAt!).date; ; day = addDays(day, 7)) {
      const last = lastWorkdayOfWeek(c.calendar, day);
      const when = last ? atShanghai(last, c.digestAt).getTime() : null;
      if (when !== null && when > due) break;
      if (when === null || when <= chat.subscribedAt!.getTime()) continue;
      const week = periodOf('weekly', last!).id;
      if (!sent.has(week) && !posts.some((p) => p.chatId === chat.chatId && p.week === week && p.state === 'failed' && p.error)) {
        v('digest-sent', `no digest for ${chat.chatId} in ${week} (due ${new Date(when).toISOString()})`);
      }
    }
  }

  // 6. Every admin command the bot carried out is in the audit trail.
  const audited = new Set((await c.db.auditEntry.findMany({ where: { messageId: { not: null } }, select: { messageId: true } })).map((a) => a.messageId));
  for (const m of messages) {
    if (!c.admins.includes(m.sender) || m.msgType !== 'text' || m.createTime > due) continue;
    const text = String((m.content as { text?: unknown }).text ?? '').replace(/@\S+\s*/g, '').trim();
    if (!AUDITED_COMMANDS.test(text)) continue;
    const answered = botMessages.some((b) => b.parentId === m.messageId);
    if (answered && !audited.has(m.messageId)) v('audited', `admin command 「${text.slice(0, 40)}」 (${m.messageId}) was answered but left no audit entry`);
  }

  // 7. What a card says of a task's light is what the state engine said when it was sent.
  const since = c.shownSince ?? -Infinity;
  out.push(...(await checkStatesShown({ db: c.db, calendar: c.calendar, messages: botMessages.filter((m) => m.createTime > since) })));
  return out;
}

/** The cadence a check-in period id belongs to ('2022-W18', '2022-B09', '2022-05'), or null for a deadline or milestone step's. */
export function cadenceOfPeriod(period: string): 'weekly' | 'biweekly' | 'monthly' | null {
  return period.includes('-W') ? 'weekly' : period.includes('-B') ? 'biweekly' : /^\d{4}-\d{2}$/.test(period) ? 'monthly' : null;
}
