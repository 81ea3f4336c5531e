/** /help, /mine, /assign through the whole path; permissions and bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, GROUP, OTHER, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

describe('everyone', () => {
  it('/help lists the commands; admin commands only for admins', async () => {
    const staff = await h.command(STAFF, '/help');
    expect(wordsOf(staff[0]!)).toContain('/mine');
    expect(wordsOf(staff[0]!)).not.toContain('/assign');
    const admin = await h.command(ADMIN, '/帮助');
    expect(wordsOf(admin[0]!)).toContain('/assign');
  });

  it('/mine (我的任务) lists the sender’s tasks', async () => {
    const [card] = await h.command(STAFF, '/我的任务');
    expect(wordsOf(card!)).toContain('我的任务（2项）');
    expect(wordsOf(card!)).toContain('培育高新技术企业');
  });

  it('in a group the bot answers only when mentioned', async () => {
    expect(await h.command(STAFF, '/mine', { chatId: GROUP })).toEqual([]);
    const answered = await h.command(STAFF, '{@0} /mine', { chatId: GROUP, mentions: [h.fake.botOpenId] });
    expect(answered[0]!.chatId).toBe(GROUP);
  });

  it('an unknown command gets a Chinese hint', async () => {
    const [m] = await h.command(STAFF, '/frobnicate 7');
    expect(wordsOf(m!)).toContain('未知命令');
  });
});

describe('/assign (指派)', () => {
  it('adds an owner from the mention, tells them, and audits it', async () => {
    const replies = await h.command(ADMIN, '/assign 5 {@0}', { mentions: [OTHER] });
    expect(wordsOf(replies.find((m) => m.chatId === h.fake.p2pChatOf(ADMIN))!)).toContain('已指派任务5');
    expect(h.fake.messagesTo(OTHER).some((m) => wordsOf(m).includes('您被指派为任务5'))).toBe(true);
    const task = await h.bot.deps.db.task.findFirstOrThrow({ where: { code: '5' }, include: { assignments: { where: { active: true, role: 'owner' }, include: { person: true } } } });
    expect(task.assignments.map((a) => a.person.openId)).toContain(OTHER);
    expect(await h.bot.deps.db.auditEntry.count({ where: { action: 'assignment.added', taskId: task.id, actor: ADMIN } })).toBe(1);
  });

  it('refuses a non-admin politely, audits the attempt, changes nothing', async () => {
    const before = await h.bot.deps.db.assignment.count();
    const [m] = await h.command(STAFF, '/assign 5 {@0}', { mentions: [STAFF] });
    expect(wordsOf(m!)).toContain('只有管理员可以使用');
    expect(await h.bot.deps.db.assignment.count()).toBe(before);
    expect(await h.bot.deps.db.auditEntry.count({ where: { action: 'command.refused', actor: STAFF } })).toBe(1);
  });

  it.each([
    ['/assign 99 {@0}', '没有找到任务「99」'],
    ['/assign 5', '请 @ 要指派的责任人'],
    ['/assign 培育 {@0}', '对应多项任务'],
  ])('%s → a Chinese message with the usage, nothing changes', async (text, words) => {
    const before = await h.bot.deps.db.assignment.count();
    const [m] = await h.command(ADMIN, text, text.includes('{@0}') ? { mentions: [OTHER] } : {});
    expect(wordsOf(m!)).toContain(words);
    expect(wordsOf(m!)).toContain('用法：/assign');
    expect(await h.bot.deps.db.assignment.count()).toBe(before);
  });
});

describe('/pace (序时说明)', () => {
  it('an owner marks a lumpy target as on track; the note is stored, audited, and can be cleared', async () => {
    const [m] = await h.command(STAFF, '/pace 1 1 高企认定集中在四季度');
    expect(wordsOf(m!)).toContain('已记录：任务1第 1 项指标按计划推进');
    const target = await h.bot.deps.db.target.findFirstOrThrow({ where: { task: { code: '1' }, position: 0 } });
    expect(target.paceNote).toBe('高企认定集中在四季度');
    expect(await h.bot.deps.db.auditEntry.count({ where: { action: 'target.pace-note' } })).toBe(1);
    await h.command(STAFF, '/序时说明 1 1 清除');
    expect((await h.bot.deps.db.target.findUniqueOrThrow({ where: { id: target.id } })).paceNote).toBeNull();
  });

  it.each([
    ['/pace 2 1 理由', '您不是任务2的责任人'],
    ['/pace 1 9 理由', '没有第 9 项指标'],
    ['/pace 1', '请写明任务编号、指标序号和理由'],
  ])('%s is refused with a Chinese message', async (text, words) => {
    const [m] = await h.command(STAFF, text);
    expect(wordsOf(m!)).toContain(words);
  });
});
