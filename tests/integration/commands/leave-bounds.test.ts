/**
 * /leave is bounded: staff up to LEAVE_MAX_DAYS (90 by default), no start far
 * ahead, no end in the past; admins may register longer leave for anyone; the
 * admins hear of every leave registered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, OTHER, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

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
