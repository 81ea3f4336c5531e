/** /help, /mine, /assign through the whole path; permissions and bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, GROUP, OTHER, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

describe('everyone', () => {
  it('/help lists the commands by who may use them, one line each with an example; admin commands only for admins', async () => {
    const staff = wordsOf((await h.command(STAFF, '/help'))[0]!);
    expect(staff).toContain('【所有人】');
    expect(staff).toContain('/report 7 已走访企业20家，按计划推进 — 填报任务进展');
    expect(staff).toContain('【责任领导】');
    expect(staff).toContain('/批示 7 请抓紧推进，本月底前完成 — ');
    expect(staff).not.toContain('【管理员】');
    expect(staff).not.toContain('/assign');
    expect(staff).not.toMatch(/（[^）]*）：\S+：/); // no 「（转办）：转办：」 doubling
    const [adminMessage] = await h.command(ADMIN, '/帮助');
    const admin = wordsOf(adminMessage!);
    expect(admin).toContain('【管理员】');
    expect(admin).toContain('/reassign 7 @张敏 @李强 — 转办：把任务交给新的责任人');
    // Each command once, on a line of its own.
    const lines = String((adminMessage!.content as { text: string }).text).split('\n');
    expect(lines.filter((l) => l.startsWith('/assign ')).length).toBe(1);
  });

  it('/help <command> gives its full usage, names and who may use it; an unknown one is named', async () => {
    const one = wordsOf((await h.command(STAFF, '/help extend'))[0]!);
    expect(one).toContain('/extend（也可写 /延期申请、/延期）：申请延长任务完成时限，由责任领导审批');
    expect(one).toContain('用法：/extend 任务编号 新的完成时限 理由');
    expect(one).toContain('可以使用：所有人');
    expect(wordsOf((await h.command(STAFF, '/help /转办'))[0]!)).toContain('可以使用：管理员');
    expect(wordsOf((await h.command(STAFF, '/help frob'))[0]!)).toContain('没有命令「frob」');
  });

  it('/whoami tells anyone their open_id and what they are here, with how to become an admin', async () => {
    const staff = wordsOf((await h.command(STAFF, '/whoami'))[0]!);
    expect(staff).toContain(`open_id：${STAFF}`);
    expect(staff).toContain('姓名：张敏');
    expect(staff).toContain('责任人（2项任务）');
    expect(staff).toContain('ADMIN_OPEN_IDS');
    h.fake.addUser({ openId: 'ou_newcomer000000000000000001', name: '新同事' });
    const stranger = wordsOf((await h.command('ou_newcomer000000000000000001', '/我是谁'))[0]!);
    expect(stranger).toContain('open_id：ou_newcomer000000000000000001');
    expect(stranger).toContain('身份：暂无');
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
