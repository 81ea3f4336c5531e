/**
 * What the demo's people do on their own initiative, at fixed moments of the
 * first weeks: the admin subscribes the leaders' group to the digest and
 * reassigns a task; the colleague whose style is 'leave' registers leave for
 * the following week; the one who gives completion dates reports a task done
 * in words (its leader confirms it), and the one who clicks clicks 已完成 with
 * nothing said (returned with a reason; she carries on). Replies to nudges
 * are in colleagues.ts, the leaders' decisions in leaders.ts.
 */
import type { OwnerRow } from '../domain/owners/parse-owners.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { addDays, isoWeekday } from '../domain/calendar/civil-date.js';
import { addWorkdays, atShanghai, shanghaiDate } from '../domain/calendar/work-calendar.js';
import type { FakeFeishu } from '../sandbox/index.js';
import type { Agenda } from './agenda.js';
import { cardParts } from './card-parts.js';
import { DEMO_ADMIN, LEADERS_GROUP, type CastMember, type Style } from './cast.js';

const say = async (fake: FakeFeishu, input: Parameters<FakeFeishu['userSays']>[0]) => {
  await (await fake.userSays(input)).delivery;
};

const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** The reassignment: the busiest owner's last task goes to the least busy colleague who answers. */
export function pickReassignment(rows: OwnerRow[], cast: CastMember[]): { code: string; from: string; to: string } | null {
  const owned = new Map<string, string[]>();
  for (const r of rows) if (r.role === 'owner' && r.openId) owned.set(r.openId, [...(owned.get(r.openId) ?? []), r.taskCode]);
  const ranked = [...owned.entries()].sort((a, b) => b[1].length - a[1].length);
  const busiest = ranked[0];
  const takers = cast.filter((c) => c.kind === 'staff' && c.style && !['silent', 'leave', 'blocker'].includes(c.style) && c.openId !== busiest?.[0]);
  const to = takers.sort((a, b) => (owned.get(a.openId)?.length ?? 0) - (owned.get(b.openId)?.length ?? 0))[0];
  if (!busiest || busiest[1].length < 2 || !to) return null;
  return { code: busiest[1].at(-1)!, from: busiest[0], to: to.openId };
}

/** The first task a colleague of this style owns, if any. */
export function firstTaskOf(rows: OwnerRow[], cast: CastMember[], style: Style): { openId: string; name: string; code: string } | null {
  const who = cast.find((c) => c.style === style);
  const row = who && rows.find((r) => r.role === 'owner' && r.openId === who.openId);
  return who && row ? { openId: who.openId, name: who.name, code: row.taskCode } : null;
}

/** Clicks 已完成 on the latest card the bot sent `openId` about task `code`. */
async function clickDone(fake: FakeFeishu, openId: string, code: string): Promise<void> {
  for (const m of fake.messagesTo(openId).filter((x) => x.msgType === 'interactive').reverse()) {
    const parts = cardParts(m.content);
    const done = parts.buttons.find((b) => b.value.action === 'report-status' && b.value.status === 'done');
    if (!parts.title.startsWith(`任务${code} `) || !done) continue;
    const r = await fake.clickCard({ from: openId, messageId: m.messageId, value: done.value, ...(done.name ? { name: done.name } : {}) });
    if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
    return;
  }
  throw new Error(`no card about task ${code} to click`);
}

export function planOpening(o: { fake: FakeFeishu; agenda: Agenda; cast: CastMember[]; rows: OwnerRow[]; calendar: WorkCalendar; start: Date }): void {
  const { fake, agenda, calendar } = o;
  const day0 = shanghaiDate(o.start);
  const firstDay = calendar.isWorkday(day0) ? day0 : addWorkdays(calendar, day0, 1);
  const admin = DEMO_ADMIN.openId;
  agenda.add({
    at: atShanghai(firstDay, '09:05').getTime(), who: DEMO_ADMIN.name, what: '在局领导群订阅周报',
    run: () => say(fake, { from: admin, chatId: LEADERS_GROUP.chatId, text: '/subscribe', mentions: [fake.botOpenId] }),
  });
  const onLeave = o.cast.find((c) => c.style === 'leave');
  if (onLeave) {
    let monday = addDays(day0, 1);
    while (isoWeekday(monday) !== 1) monday = addDays(monday, 1);
    agenda.add({
      at: atShanghai(firstDay, '09:10').getTime(), who: onLeave.name, what: '登记请假',
      run: () => say(fake, { from: onLeave.openId, text: `/leave ${monthDay(monday)}-${monthDay(addDays(monday, 4))}` }),
    });
  }
  const finisher = firstTaskOf(o.rows, o.cast, 'date');
  if (finisher) {
    agenda.add({
      at: atShanghai(addWorkdays(calendar, firstDay, 2), '15:00').getTime(), who: finisher.name, what: `报告任务${finisher.code}已完成`,
      run: () => say(fake, { from: finisher.openId, text: `#${finisher.code} 各项工作已按计划落实，任务已全部完成，相关材料已归档。` }),
    });
  }
  const clicker = firstTaskOf(o.rows, o.cast, 'button');
  if (clicker) {
    agenda.add({
      at: atShanghai(addWorkdays(calendar, firstDay, 3), '10:00').getTime(), who: clicker.name, what: `点击任务${clicker.code}的「已完成」`,
      run: () => clickDone(fake, clicker.openId, clicker.code),
    });
  }
  planLeaders(o, firstDay);
  const move = pickReassignment(o.rows, o.cast);
  if (move) {
    agenda.add({
      at: atShanghai(addWorkdays(calendar, firstDay, 2), '10:00').getTime(), who: DEMO_ADMIN.name, what: `调整任务${move.code}的责任人`,
      run: () => say(fake, { from: admin, text: `/reassign ${move.code} {@0} {@1}`, mentions: [move.from, move.to] }),
    });
  }
}

/** The leader of a task in the owners file, as a member of the cast. */
export function leaderOf(rows: OwnerRow[], cast: CastMember[], code: string): CastMember | null {
  const row = rows.find((r) => r.role === 'leader' && r.taskCode === code && r.openId);
  return cast.find((c) => c.openId === row?.openId && c.kind === 'leader') ?? null;
}

/**
 * The leaders' side in the first days: a 批示 on the task of the colleague who reports a risk (she answers
 * it, colleagues.ts), a 督办（加急） on the task of the one who never answers, and a report of the one who fills
 * the form returned for more (退回补充: she makes it good with a photo, colleagues.ts).
 */
function planLeaders(o: { fake: FakeFeishu; agenda: Agenda; cast: CastMember[]; rows: OwnerRow[]; calendar: WorkCalendar }, firstDay: string): void {
  const steps: [Style, number, string, (code: string) => string, string][] = [
    ['risk', 1, '10:30', (code) => `/批示 ${code} 请抓紧协调解决存在的困难，本周五前报送最新进展。`, '批示'],
    ['silent', 1, '11:00', (code) => `/督办 ${code}`, '督办（加急）'],
    ['form', 2, '15:30', (code) => `/退回 ${code} 请补充本期完成的具体数量，并附佐证材料。`, '退回补充'],
  ];
  for (const [style, day, time, text, what] of steps) {
    const task = firstTaskOf(o.rows, o.cast, style);
    const leader = task && leaderOf(o.rows, o.cast, task.code);
    if (!task || !leader) continue;
    o.agenda.add({
      at: atShanghai(addWorkdays(o.calendar, firstDay, day), time).getTime(), who: leader.name, what: `${what}任务${task.code}`,
      run: () => say(o.fake, { from: leader.openId, text: text(task.code) }),
    });
  }
}
