import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type CommandHarness, drainInbound, GROUP, OTHER, STAFF, startCommandHarness, wordsOf } from '../../helpers/command-harness.js';
import { sleep, waitFor } from '../../helpers/wait-for.js';

const inbound = drainInbound;
const LEADER = 'ou_demo_hejianguo'; // 责任领导 of tasks 1–11

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const task1 = () => db().task.findFirstOrThrow({ where: { code: '1' } });

/** Asks for an extension of task 1 as STAFF; returns the card the leader got and its button values. */
async function request(when: string, reason = '等待市级批复') {
  const replies = await h.command(STAFF, `/extend 1 ${when} ${reason}`);
  expect(wordsOf(replies.find((m) => m.chatId === h.fake.p2pChatOf(STAFF))!)).toContain('已提交任务1的延期申请');
  const card = h.fake.messagesTo(LEADER).at(-1)!;
  expect(wordsOf(card)).toContain('延期申请：任务1');
  const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'extension.requested' }, orderBy: { id: 'desc' } });
  return { card, value: { requestId: entry.id, taskId: entry.taskId!, to: JSON.parse(entry.after!).to as string } };
}

async function click(from: string, messageId: string, value: Record<string, unknown>) {
  const r = await h.fake.clickCard({ from, messageId, value });
  await inbound(h);
  await sleep(50);
  return r;
}

describe('/extend (延期申请)', () => {
  it('a leader’s approval moves the deadline, audits it and tells the requester', async () => {
    const before = (await task1()).deadline;
    const { card, value } = await request('2023-01-15');
    expect(value.to).toBe('2023-01-15');
    const r = await click(LEADER, card.messageId, { action: 'extend-approve', ...value });
    expect(r).toMatchObject({ status: 200, outcome: 'acked' });
    expect(r.body).toMatchObject({ toast: { type: 'success' } });
    expect((await task1()).deadline).toBe('2023-01-15');
    const change = await db().auditEntry.findFirstOrThrow({ where: { action: 'task.deadline', taskId: value.taskId } });
    expect(JSON.parse(change.before!)).toEqual({ deadline: before });
    expect(change.actor).toBe(LEADER);
    expect(h.fake.messagesTo(STAFF).some((m) => wordsOf(m).includes('延期申请已同意'))).toBe(true);
  });

  it('a second click does nothing and says it was already decided', async () => {
    const value = { requestId: (await db().auditEntry.findFirstOrThrow({ where: { action: 'extension.requested' } })).id, taskId: (await task1()).id };
    const card = h.fake.messagesTo(LEADER).at(-1)!;
    const count = await db().auditEntry.count();
    const r = await click(LEADER, card.messageId, { action: 'extend-refuse', ...value });
    expect(r.body).toMatchObject({ toast: { content: expect.stringContaining('已处理') } });
    expect(await db().auditEntry.count()).toBe(count);
    expect((await task1()).deadline).toBe('2023-01-15');
  });

  it('a click by someone who is neither that leader nor an admin is refused and changes nothing', async () => {
    const { card, value } = await request('2023-01-31');
    // The card forwarded into a group: OTHER (an owner, not this task's leader) can click it there.
    const forwarded = await h.bot.deps.messenger.send({ chatId: GROUP }, { card: card.content }, 'test-forward');
    const count = await db().auditEntry.count();
    const r = await click(OTHER, forwarded.messageId, { action: 'extend-approve', ...value });
    expect(r.body).toMatchObject({ toast: { type: 'error', content: expect.stringContaining('只有该任务的责任领导或管理员') } });
    expect(await db().auditEntry.count()).toBe(count);
    expect((await task1()).deadline).toBe('2023-01-15');
  });

  it('refusal keeps the deadline and tells the requester', async () => {
    const card = h.fake.messagesTo(LEADER).at(-1)!;
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'extension.requested' }, orderBy: { id: 'desc' } });
    const r = await click(LEADER, card.messageId, { action: 'extend-refuse', requestId: entry.id, taskId: entry.taskId, to: '2023-01-31' });
    expect(r.body).toMatchObject({ toast: { type: 'success' } });
    expect((await task1()).deadline).toBe('2023-01-15');
    expect(await db().auditEntry.count({ where: { action: 'extension.refused' } })).toBe(1);
    expect(h.fake.messagesTo(STAFF).some((m) => wordsOf(m).includes('未获同意'))).toBe(true);
  });

  it('without a leader the request goes to the admins, who may decide it', async () => {
    const t5 = await db().task.findFirstOrThrow({ where: { code: '5' } });
    await db().assignment.updateMany({ where: { taskId: t5.id, role: 'leader' }, data: { active: false } });
    await h.command('ou_demo_wangfang', '/延期申请 5 2023-02-28 场地未落实');
    const card = h.fake.messagesTo(ADMIN).at(-1)!;
    expect(wordsOf(card)).toContain('延期申请：任务5');
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'extension.requested', taskId: t5.id } });
    await click(ADMIN, card.messageId, { action: 'extend-approve', requestId: entry.id, taskId: t5.id, to: '2023-02-28' });
    expect((await db().task.findUniqueOrThrow({ where: { id: t5.id } })).deadline).toBe('2023-02-28');
  });

  it.each([
    ['/extend 1 下周五 来不及', '申请的日期（2022-04-22）不晚于当前完成时限（2023-01-15）'],
    ['/extend 1 改天 来不及', '没有读懂日期「改天」'],
    ['/extend 1 2023-03-31', '请写明延期理由'],
    ['/extend 2 2023-03-31 来不及', '不是任务2的责任人或协办人'],
    ['/extend 99 2023-03-31 来不及', '没有找到任务「99」'],
  ])('%s → a Chinese message with the usage, no request', async (text, words) => {
    const count = await db().auditEntry.count({ where: { action: 'extension.requested' } });
    const [m] = await h.command(STAFF, text);
    expect(wordsOf(m!)).toContain(words);
    expect(wordsOf(m!)).toContain('用法：/extend');
    expect(await db().auditEntry.count({ where: { action: 'extension.requested' } })).toBe(count);
  });
});

describe('/extend decided by an admin', () => {
  it('admins get the request too and may decide it before the leader', async () => {
    const { card, value } = await request('2023-06-30');
    const adminCard = h.fake.messagesTo(ADMIN).at(-1)!;
    expect(adminCard.messageId).not.toBe(card.messageId);
    expect(wordsOf(adminCard)).toContain('延期申请：任务1');
    await click(ADMIN, adminCard.messageId, { action: 'extend-approve', ...value });
    expect((await task1()).deadline).toBe('2023-06-30');
    const late = await click(LEADER, card.messageId, { action: 'extend-approve', ...value });
    expect(late.body).toMatchObject({ toast: { type: 'info' } });
    expect(JSON.stringify(late.body)).toContain('该申请已处理');
  });

  it('once decided, every decider’s card (PATCHed through the SDK) says who decided and loses its buttons', async () => {
    const { card, value } = await request('2023-07-31', '资金未到位');
    const adminCard = h.fake.messagesTo(ADMIN).at(-1)!;
    const deciderCards = await db().sentCard.findMany({ where: { subject: `extend:${value.requestId}` } });
    expect(deciderCards.map((c) => c.messageId).sort()).toEqual([adminCard.messageId, card.messageId].sort());
    await click(LEADER, card.messageId, { action: 'extend-refuse', ...value });
    const leaderName = (await db().person.findUniqueOrThrow({ where: { openId: LEADER } })).name;
    for (const id of [card.messageId, adminCard.messageId]) {
      await waitFor(() => h.fake.message(id)!.updated, 20_000, `card ${id} updated`);
      const m = h.fake.message(id)!;
      expect(m.history.map((v) => v.via)).toEqual(['create', 'patch']);
      expect(JSON.stringify(m.content)).not.toContain('"tag":"button"');
      expect(wordsOf(m)).toContain(`**未同意**（${leaderName}，2022-04-11 10:00）`);
      expect(wordsOf(m)).toContain('资金未到位');
    }
    // The request's deadline is untouched; a later click on either card still says it was decided.
    expect((await task1()).deadline).toBe('2023-06-30');
    const late = await click(ADMIN, adminCard.messageId, { action: 'extend-approve', ...value });
    expect(JSON.stringify(late.body)).toContain('该申请已处理（未同意）');
  });
});
