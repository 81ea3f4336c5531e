/**
 * /leave is bounded: staff up to LEAVE_MAX_DAYS (90 by default), no start far
 * ahead, no end in the past; admins may register longer leave for anyone; the
 * admins hear of every leave registered. An admin ends another's leave with 「/leave @姓名 取消」 (audited,
 * the person told); staff may not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, at, OTHER, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

const ADMIN2 = 'ou_admin00000000000000000000002';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness({ ADMIN_OPEN_IDS: `${ADMIN},${ADMIN2}` }); // clock: Monday 2022-04-11 10:00 Shanghai
  h.fake.addUser({ openId: ADMIN2, name: '赵主任' });
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
async function say(from: string, text: string, mentions?: string[]) {
  const answers = await h.command(from, text, mentions ? { mentions } : {});
  return answers.filter((m) => m.chatId === h.fake.p2pChatOf(from)).map(wordsOf).join('\n');
}
const told = (openId: string, words: string) => h.fake.messagesTo(openId).some((m) => wordsOf(m).includes(words));

describe('/leave bounds for staff', () => {
  it.each([
    ['/leave 5月1日-2099年12月31日', '超过了 90 天的上限'],
    ['/leave 2022-05-01~2099-12-31', '更长的请假请联系管理员登记'],
    ['/leave 2099-01-01', '太远'],
    ['/leave 2022-03-01~2022-03-05', '已经过去'],
    ['/leave {@0} 5月1日', '只有管理员可以为他人登记请假'],
  ])('%s → refused with a Chinese reason and the usage; nothing stored, no admin told', async (text, words) => {
    const before = await db().leave.count();
    const sent = h.fake.messagesTo(ADMIN).length;
    const reply = await say(STAFF, text, text.includes('{@0}') ? [OTHER] : undefined);
    expect(reply).toContain(words);
    expect(reply).toContain('用法：/leave');
    expect(await db().leave.count()).toBe(before);
    expect(h.fake.messagesTo(ADMIN)).toHaveLength(sent);
  });

  it('a leave within the bounds is registered and every admin is told (name, dates)', async () => {
    expect(await say(STAFF, '/leave 5月1日-5月5日')).toContain('已登记请假：2022-05-01 至 2022-05-05（共 5 天）');
    for (const admin of [ADMIN, ADMIN2]) expect(told(admin, '请假登记：张敏，2022-05-01 至 2022-05-05（共 5 天）')).toBe(true);
  });
});

describe('/leave by an admin', () => {
  it('registers a longer leave for someone, tells them and the other admins', async () => {
    const reply = await say(ADMIN, '/leave {@0} 2022-05-01~2022-09-30', [OTHER]);
    expect(reply).toContain('已为李强登记请假：2022-05-01 至 2022-09-30（共 153 天）');
    const li = await db().person.findUniqueOrThrow({ where: { openId: OTHER } });
    expect(await db().leave.count({ where: { personId: li.id, fromDate: '2022-05-01', toDate: '2022-09-30' } })).toBe(1);
    expect(told(OTHER, '管理员已为您登记请假')).toBe(true);
    expect(told(ADMIN2, '请假登记：李强，2022-05-01 至 2022-09-30（共 153 天），由管理员登记')).toBe(true);
  });

  it('but not beyond a year', async () => {
    const before = await db().leave.count();
    expect(await say(ADMIN, '/leave {@0} 2022-05-01~2099-12-31', [OTHER])).toContain('超过了 366 天的上限');
    expect(await db().leave.count()).toBe(before);
  });
});

describe('/leave @某人 取消 (admins only)', () => {
  const li = () => db().person.findUniqueOrThrow({ where: { openId: OTHER } });
  const leavesOfLi = async () => db().leave.findMany({ where: { personId: (await li()).id }, orderBy: { fromDate: 'asc' }, select: { fromDate: true, toDate: true } });

  it('is refused to staff, with a clear reason; nothing changes', async () => {
    const before = await leavesOfLi();
    const reply = await say(STAFF, '/leave {@0} 取消', [OTHER]);
    expect(reply).toContain('只有管理员可以取消他人的请假；取消自己的请假请发送「/leave 取消」（不要 @ 他人）。');
    expect(await leavesOfLi()).toEqual(before);
    expect(await db().auditEntry.count({ where: { action: 'leave.cancelled' } })).toBe(0);
  });

  it('removes the person’s next leave, audited, and tells them', async () => {
    h.clock.set(at('2022-04-11T10:00:00'));
    expect(await say(ADMIN, '/leave {@0} 取消', [OTHER])).toContain('已取消李强的请假：2022-05-01 至 2022-09-30。期间将照常向其催办。');
    expect(await leavesOfLi()).toEqual([]);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'leave.cancelled' } });
    expect(entry.actor).toBe(ADMIN);
    expect(JSON.parse(entry.before!)).toEqual({ personId: (await li()).id, from: '2022-05-01', to: '2022-09-30' });
    expect(told(OTHER, '管理员已取消您的请假：2022-05-01 至 2022-09-30。期间将照常催办。')).toBe(true);
  });

  it('ends a leave in progress yesterday; says so when there is none left', async () => {
    await db().leave.create({ data: { personId: (await li()).id, fromDate: '2022-04-06', toDate: '2022-04-20', createdAt: h.clock.now() } });
    expect(await say(ADMIN, '/请假 {@0} cancel', [OTHER])).toContain('已结束李强的请假（原登记 2022-04-06 至 2022-04-20），记为请假至 2022-04-10。从今天起恢复向其催办。');
    expect(await leavesOfLi()).toEqual([{ fromDate: '2022-04-06', toDate: '2022-04-10' }]);
    expect(told(OTHER, '管理员已结束您的请假（原登记 2022-04-06 至 2022-04-20），记为请假至 2022-04-10。从今天起恢复催办。')).toBe(true);
    expect(await say(ADMIN, '/leave {@0} 取消', [OTHER])).toContain('李强目前没有今天及以后的请假，无需取消。');
    expect(await db().auditEntry.count({ where: { action: 'leave.cancelled' } })).toBe(2);
  });

  it('one person at a time', async () => {
    expect(await say(ADMIN, '/leave {@0} {@1} 取消', [OTHER, STAFF])).toContain('一次只能取消一人的请假。');
  });
});
