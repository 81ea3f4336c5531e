/**
 * /undo undoes only the caller's own last change, and only while nothing newer
 * touched the same field; it tells everyone the original change told, and an
 * undone extension approval is recorded as such.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, drainInbound, OTHER, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

const ADMIN2 = 'ou_admin00000000000000000000002';
const LIU = 'ou_demo_liuyang'; // owner of tasks 7–9

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness({ ADMIN_OPEN_IDS: `${ADMIN},${ADMIN2}` }); // clock: Monday 2022-04-11 10:00 Shanghai
  h.fake.addUser({ openId: ADMIN2, name: '赵主任' });
  await h.bot.deps.db.person.create({ data: { openId: ADMIN2, name: '赵主任', createdAt: h.clock.now(), updatedAt: h.clock.now() } });
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const task = (code: string) => db().task.findFirstOrThrow({ where: { code } });
/** The bot's answer in the sender's own chat (others it tells come in theirs). */
async function say(from: string, text: string, mentions?: string[]) {
  const answers = await h.command(from, text, mentions ? { mentions } : {});
  return answers.filter((m) => m.chatId === h.fake.p2pChatOf(from)).map(wordsOf).join('\n');
}
const told = (openId: string, words: string) => h.fake.messagesTo(openId).some((m) => wordsOf(m).includes(words));
const owners = async (code: string) =>
  (await db().assignment.findMany({ where: { task: { code }, role: 'owner', active: true }, include: { person: true } })).map((a) => a.person.openId).sort();

describe('/undo and another admin’s later change', () => {
  it('refuses and names who changed the deadline since, when, and to what; undoes once that change is itself undone', async () => {
    const original = (await task('2')).deadline;
    await say(ADMIN, '/deadline 2 2022-06-30');
    await say(ADMIN2, '/deadline 2 2022-07-31');
    const refused = await say(ADMIN, '/undo');
    expect(refused).toContain('无法撤销任务2的截止日期修改');
    expect(refused).toContain('赵主任于 2022-04-11 10:00 将截止日期改为 2022-07-31');
    expect((await task('2')).deadline).toBe('2022-07-31');
    expect(await db().auditEntry.count({ where: { action: 'undo' } })).toBe(0);

    expect(await say(ADMIN2, '/undo')).toContain('截止日期恢复为 2022-06-30');
    expect(told(OTHER, '截止日期已恢复为 2022-06-30')).toBe(true);
    expect(await say(ADMIN, '/undo')).toContain(`截止日期恢复为 ${original}`);
    expect((await task('2')).deadline).toBe(original);
  });

  it('refuses when another admin ended the same assignment; a change to another field does not block', async () => {
    await say(ADMIN, '/assign 7 {@0}', [STAFF]);
    await say(ADMIN2, '/unassign 7 {@0}', [STAFF]);
    const refused = await say(ADMIN, '/undo');
    expect(refused).toContain('赵主任于 2022-04-11 10:00 取消了张敏的责任人');
    expect(await owners('7')).toEqual([LIU]);

    await say(ADMIN, '/cadence 8 monthly');
    await say(ADMIN2, '/deadline 8 6月底');
    expect(await say(ADMIN, '/undo')).toContain('催办频次恢复为每周');
    expect((await task('8')).cadence).toBe('weekly');
    expect((await task('8')).deadline).toBe('2022-06-30');
  });

  it('undoing a reassignment tells the old and the new owner', async () => {
    await say(ADMIN, '/reassign 9 {@0}', [OTHER]);
    const reply = await say(ADMIN, '/undo');
    expect(reply).toContain('已撤销任务9的');
    expect(reply).toContain('已告知相关人员');
    expect(await owners('9')).toEqual([LIU]);
    expect(told(LIU, '您重新成为任务9')).toBe(true);
    expect(told(OTHER, '您不再是任务9')).toBe(true);
  });
});

describe('/undo of an approved extension', () => {
  it('restores the deadline, tells the requester and the owners, and the audit (and /history) say the approval was undone', async () => {
    await say(ADMIN, '/assign 4 {@0}', [OTHER]);
    const before = (await task('4')).deadline;
    expect(await say(STAFF, '/extend 4 2023-03-31 等待市级批复')).toContain('已提交任务4的延期申请');
    const card = h.fake.messagesTo(ADMIN).filter((m) => wordsOf(m).includes('延期申请：任务4')).at(-1)!;
    const request = await db().auditEntry.findFirstOrThrow({ where: { action: 'extension.requested' }, orderBy: { id: 'desc' } });
    const value = { action: 'extend-approve', requestId: request.id, taskId: request.taskId };
    await h.fake.clickCard({ from: ADMIN, messageId: card.messageId, value });
    await drainInbound(h);
    expect((await task('4')).deadline).toBe('2023-03-31');

    const reply = await say(ADMIN, '/undo');
    expect(reply).toContain(`截止日期恢复为 ${before}`);
    expect((await task('4')).deadline).toBe(before);
    expect(told(STAFF, '延期申请此前已同意，现已撤销')).toBe(true);
    expect(told(OTHER, '延期批准已撤销')).toBe(true);
    const undone = await db().auditEntry.findFirstOrThrow({ where: { action: 'extension.approval-undone' } });
    expect(JSON.parse(undone.after!)).toMatchObject({ requestId: request.id, deadline: before });

    expect(await say(ADMIN, '/history 4')).toContain('撤销延期批准');
    const again = await h.fake.clickCard({ from: ADMIN, messageId: card.messageId, value });
    expect(again.body).toMatchObject({ toast: { content: expect.stringContaining('同意后已撤销') } });
    await drainInbound(h);
    expect((await task('4')).deadline).toBe(before);
  });
});
