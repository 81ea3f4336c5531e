/**
 * Simulated colleagues: they watch what the bot sends them at the fake Feishu
 * and answer like people do, each in their own style and at their own pace,
 * within office hours; leaders decide completion cards (leaders.ts). Everything
 * they do goes to the bot as a signed Feishu event (fake.userSays /
 * fake.clickCard), exactly as from the console.
 */
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { addWorkdays, atShanghai, shanghaiDate } from '../domain/calendar/work-calendar.js';
import { shanghaiParts } from '../domain/calendar/shanghai-time.js';
import type { FakeFeishu, StoredMessage } from '../sandbox/index.js';
import type { Db } from '../store/db.js';
import type { Agenda } from './agenda.js';
import { answerFor, jitter, type TaskView } from './answers.js';
import { cardParts } from './card-parts.js';
import type { CastMember, Style } from './cast.js';
import { decideLater } from './leaders.js';

const MINUTES: Record<Style, number> = { numbers: 25, silent: 0, button: 5, form: 40, risk: 120, leave: 30, blocker: 60, slow: 0, date: 180 };

export interface ColleagueDeps {
  fake: FakeFeishu;
  db: Db;
  cast: CastMember[];
  calendar: WorkCalendar;
  agenda: Agenda;
  /** Told when an action fails (the demo counts these as failures). */
  onError(what: string, e: unknown): void;
}

/** `minutes` after `now`, moved into office hours (09:00–18:00 on a working day) when it falls outside. */
export function officeTime(now: Date, minutes: number, calendar: WorkCalendar): number {
  const t = new Date(now.getTime() + minutes * 60_000);
  const { date, minutes: m } = shanghaiParts(t);
  if (calendar.isWorkday(date) && m >= 9 * 60 && m < 18 * 60) return t.getTime();
  const day = calendar.isWorkday(date) && m < 9 * 60 ? date : addWorkdays(calendar, date, 1);
  return atShanghai(day, '09:00').getTime() + (minutes % 60) * 60_000;
}

export function watchColleagues(d: ColleagueDeps): () => void {
  const byChat = new Map(d.cast.map((c) => [d.fake.p2pChatOf(c.openId), c]));
  const answered = new Set<string>();
  let extensionAsked = false;
  const photoSent = new Set<string>();
  return d.fake.subscribe((n) => {
    if (n.kind !== 'message' || n.message.sender !== 'bot') return;
    const who = byChat.get(n.message.chatId);
    if (!who) return;
    const now = new Date(n.message.createTime);
    if (n.message.msgType === 'text') {
      // A leader's 批示: the owner answers it in its thread, as a report on the task.
      if (who.kind === 'staff' && String((n.message.content as { text?: unknown }).text ?? '').startsWith('【领导批示】')) {
        d.agenda.add({
          at: officeTime(now, 40, d.calendar), who: who.name, what: '回复领导批示',
          run: () => say(d, { from: who.openId, text: '收到批示，已与相关单位协调，困难已基本解决，预计4月15日前完成，按计划推进。', replyTo: n.message.messageId }),
        });
      }
      return;
    }
    if (n.message.msgType !== 'interactive') return;
    const parts = cardParts(n.message.content);
    // A report returned for more (退回补充): the owner adds what was asked, with a photo as evidence.
    if (who.kind === 'staff' && JSON.stringify(n.message.content).includes('报送已退回，请补充后重新报送')) {
      const at = officeTime(now, 60, d.calendar);
      d.agenda.add({
        at, who: who.name, what: '补充报送',
        run: async () => {
          await say(d, { from: who.openId, text: '补充说明：本期已完成走访企业12家，现场照片附后，按计划推进。', replyTo: n.message.messageId });
          await say(d, { from: who.openId, attachment: { fileName: '现场照片.png', bytes: PHOTO, kind: 'image' }, replyTo: n.message.messageId });
        },
      });
      return;
    }
    const approve = parts.buttons.find((b) => b.value.action === 'extend-approve');
    if (approve && who.kind === 'admin') {
      d.agenda.add({
        at: officeTime(now, 30, d.calendar), who: who.name, what: '同意延期申请',
        run: () => click(d, who, n.message, approve.value, approve.name),
      });
      return;
    }
    if (decideLater({ ...d, who, card: n.message, at: officeTime(now, 45, d.calendar) })) return;
    const status = parts.buttons.find((b) => b.value.action === 'report-status');
    if (!status || who.kind !== 'staff' || !who.style || who.style === 'silent') return;
    const key = `${who.openId}:${String(status.value.taskId)}:${String(status.value.period)}`;
    if (answered.has(key)) return;
    answered.add(key);
    const at = who.style === 'slow'
      ? atShanghai(addWorkdays(d.calendar, shanghaiDate(now), 1), '10:15').getTime()
      : officeTime(now, MINUTES[who.style] + Math.round(jitter(key) * 20), d.calendar);
    d.agenda.add({ at, who: who.name, what: '回复催办', run: () => answer(d, who, n.message, Number(status.value.taskId), photoSent) });
    if (who.style === 'blocker' && !extensionAsked) {
      extensionAsked = true;
      d.agenda.add({ at: at + 10 * 60_000, who: who.name, what: '申请延期', run: () => askExtension(d, who, Number(status.value.taskId)) });
    }
  });
}

async function taskView(db: Db, taskId: number): Promise<TaskView & { deadline: string }> {
  const t = await db.task.findUniqueOrThrow({ where: { id: taskId }, include: { targets: { where: { removedAt: null }, orderBy: { position: 'asc' } } } });
  return { code: t.code, title: t.title, deadline: t.deadline, targets: t.targets };
}

async function answer(d: ColleagueDeps, who: CastMember, card: StoredMessage, taskId: number, photoSent: Set<string>): Promise<void> {
  const task = await taskView(d.db, taskId);
  const a = answerFor(who.style!, task, shanghaiDate(new Date(card.createTime)), who.openId);
  if (!a) return;
  const current = d.fake.message(card.messageId) ?? card;
  const parts = cardParts(current.content);
  if (a.kind === 'reply') {
    await (await d.fake.userSays({ from: who.openId, text: a.text, replyTo: card.messageId })).delivery;
    // The one who writes numbers sends a photo of the work with her first reply (佐证材料).
    if (who.style === 'numbers' && !photoSent.has(who.openId)) {
      photoSent.add(who.openId);
      await say(d, { from: who.openId, attachment: { fileName: '活动现场.png', bytes: PHOTO, kind: 'image' }, replyTo: card.messageId });
    }
  } else if (a.kind === 'click') {
    const b = parts.buttons.find((x) => x.value.action === 'report-status' && x.value.status === a.status);
    if (b) await click(d, who, current, b.value, b.name);
  } else {
    const submit = parts.buttons.find((x) => x.submit);
    if (!submit) return;
    const formValue = Object.fromEntries(parts.inputs.map((name) => [name, name === 'note' ? a.note : (a.values[name] ?? '')]));
    await d.fake.clickCard({ from: who.openId, messageId: card.messageId, name: submit.name, value: submit.value, formValue });
  }
}

/** A small picture, as a phone would send one (the fake keeps the bytes; the bot stores them as evidence). */
const PHOTO = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d80000000049454e44ae426082', 'hex');
async function say(d: ColleagueDeps, input: Parameters<FakeFeishu['userSays']>[0]): Promise<void> {
  await (await d.fake.userSays(input)).delivery;
}

async function click(d: ColleagueDeps, who: CastMember, card: StoredMessage, value: Record<string, unknown>, name?: string): Promise<void> {
  const r = await d.fake.clickCard({ from: who.openId, messageId: card.messageId, value, ...(name ? { name } : {}) });
  if (r.status !== 200) d.onError(`${who.name} 点击卡片`, new Error(`HTTP ${r.status}`));
}

async function askExtension(d: ColleagueDeps, who: CastMember, taskId: number): Promise<void> {
  const task = await taskView(d.db, taskId);
  const to = `${Number(task.deadline.slice(0, 4)) + 1}-03-31`;
  await (await d.fake.userSays({ from: who.openId, text: `/extend ${task.code} ${to} 区财政资金尚未拨付，需顺延至明年一季度` })).delivery;
}
