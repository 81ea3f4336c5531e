/**
 * What the demo's people do on their own initiative, at fixed moments of the
 * first weeks: the admin subscribes the leaders' group to the digest and
 * reassigns a task; the colleague whose style is 'leave' registers leave for
 * the following week. Replies to nudges are in colleagues.ts.
 */
import type { OwnerRow } from '../domain/owners/parse-owners.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { addDays, isoWeekday } from '../domain/calendar/civil-date.js';
import { addWorkdays, atShanghai, shanghaiDate } from '../domain/calendar/work-calendar.js';
import type { FakeFeishu } from '../sandbox/index.js';
import type { Agenda } from './agenda.js';
import { DEMO_ADMIN, LEADERS_GROUP, type CastMember } from './cast.js';

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
  const move = pickReassignment(o.rows, o.cast);
  if (move) {
    agenda.add({
      at: atShanghai(addWorkdays(calendar, firstDay, 2), '10:00').getTime(), who: DEMO_ADMIN.name, what: `调整任务${move.code}的责任人`,
      run: () => say(fake, { from: admin, text: `/reassign ${move.code} {@0} {@1}`, mentions: [move.from, move.to] }),
    });
  }
}
