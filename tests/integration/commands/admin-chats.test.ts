/** /subscribe, /unsubscribe, /admins, /remind and /digest through the whole path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, GROUP, OTHER, STAFF, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';
import { waitFor } from '../../helpers/wait-for.js';
import { startCommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const inGroup = async (from: string, text: string) => h.command(from, `{@0} ${text}`, { chatId: GROUP, mentions: [h.fake.botOpenId] });
const say = async (from: string, text: string, mentions?: string[]) => wordsOf((await h.command(from, text, mentions ? { mentions } : {}))[0]!);
async function drainNudges() {
  await waitFor(async () => {
    const c = await h.bot.deps.queues.nudges.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
    return Object.values(c).reduce((a, b) => a + b, 0) === 0;
  }, 60_000, 'nudges queue to drain');
}

describe('/subscribe (订阅周报)', () => {
  it('a group becomes a digest recipient and stops being one; refused in p2p and for non-admins', async () => {
    expect(wordsOf((await inGroup(ADMIN, '/订阅周报'))[0]!)).toContain('本群已订阅周报');
    expect((await db().chat.findUniqueOrThrow({ where: { chatId: GROUP } })).digest).toBe(true);
    expect(wordsOf((await inGroup(ADMIN, '/unsubscribe'))[0]!)).toContain('已取消订阅');
    expect((await db().chat.findUniqueOrThrow({ where: { chatId: GROUP } })).digest).toBe(false);
    expect(await say(ADMIN, '/subscribe')).toContain('私聊中无法订阅');
    expect(wordsOf((await inGroup(STAFF, '/subscribe'))[0]!)).toContain('只有管理员可以使用');
    expect(await db().auditEntry.count({ where: { action: { in: ['chat.subscribed', 'chat.unsubscribed'] } } })).toBe(2);
  });
});

describe('/admins (管理员)', () => {
  it('adds and removes admins; a configured admin stays', async () => {
    expect(await say(ADMIN, '/管理员 添加 {@0}', [STAFF])).toContain('已添加管理员：张敏');
    expect(await say(STAFF, '/undo')).toContain('没有可以撤销的修改');
    expect(await say(STAFF, '/admins remove {@0}', [ADMIN])).toContain('ADMIN_OPEN_IDS');
    expect(await say(ADMIN, '/admins remove {@0}', [STAFF])).toContain('已移除管理员：张敏');
    expect(await say(STAFF, '/undo')).toContain('只有管理员可以使用');
    expect(await say(ADMIN, '/admins {@0}', [STAFF])).toContain('请写明 add');
    expect(await say(ADMIN, '/admins add')).toContain('请 @ 要添加');
  });
});

describe('/remind (催办)', () => {
  it('nudges the owners now through the queue, once per command', async () => {
    const replies = await h.command(ADMIN, '/催办 2');
    expect(wordsOf(replies[0]!)).toContain('已发出催办：1项任务，1人次');
    await drainNudges();
    const rows = await db().nudge.findMany({ where: { kind: 'remind' }, include: { person: true } });
    expect(rows.map((r) => [r.person.openId, r.state])).toEqual([[OTHER, 'sent']]);
    expect(rows[0]!.key).toBe(`${rows[0]!.taskId}:${rows[0]!.personId}:remind-${rows[0]!.period}:remind`);
    expect(h.fake.messagesTo(OTHER).filter((m) => m.msgType === 'interactive')).toHaveLength(1);
  });

  it('all, and bad input', async () => {
    expect(await say(ADMIN, '/remind all')).toMatch(/已发出催办：\d+项任务/);
    await drainNudges();
    expect(await say(ADMIN, '/remind')).toContain('用法：/remind');
    expect(await say(ADMIN, '/remind 999')).toContain('没有找到任务');
  });
});

describe('/digest (周报)', () => {
  it('preview sends the admin card(s) to the admin', async () => {
    const replies = await h.command(ADMIN, '/周报 预览');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((m) => m.msgType === 'interactive' && m.chatId === h.fake.p2pChatOf(ADMIN))).toBe(true);
    expect(wordsOf(replies[0]!)).toContain('周报');
  });

  it('send posts to every subscribed chat once', async () => {
    expect(await say(ADMIN, '/digest send')).toContain('还没有群订阅周报');
    await inGroup(ADMIN, '/subscribe');
    expect(await say(ADMIN, '/digest send')).toContain('1 个群');
    await drainNudges();
    const cards = h.fake.messages({ chatId: GROUP, sender: 'bot', msgType: 'interactive' });
    expect(cards.length).toBeGreaterThan(0);
    expect(wordsOf(cards[0]!)).toContain('周报');
    expect(await db().digestPost.count({ where: { chatId: GROUP } })).toBe(1);
    expect(await say(ADMIN, '/digest now')).toContain('请写明 preview');
  });
});
