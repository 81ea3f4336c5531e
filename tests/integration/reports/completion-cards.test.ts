/**
 * Every completion card of a request — one per decider, and a copy someone clicked — follows the
 * request in the fake Feishu (im.v1.message.patch through the real SDK): a decision, the owner's
 * withdrawal or an admin's /done shows who did what and when, without buttons; /undo of that makes
 * them ask again, exactly as sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../../jobs/queues.js';
import { ADMIN, drainInbound, drainNudges, OTHER, STAFF, startCommandHarness, wordsOf, type BotMessage, type CommandHarness } from '../../helpers/command-harness.js';

const LEADER = 'ou_demo_hejianguo'; // 责任领导 of tasks 1–11
const LUO = 'ou_demo_luoxiaomei'; // 罗晓梅, made a second leader of the tasks below
const WANG = 'ou_demo_wangfang'; // owner of task 5
const LIU = 'ou_demo_liuyang'; // owner of task 7
const PERIOD = '2022-W15';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
  const luo = await db().person.findUniqueOrThrow({ where: { openId: LUO } });
  for (const code of ['1', '2', '5', '7']) {
    await db().assignment.create({ data: { taskId: (await task(code)).id, personId: luo.id, role: 'leader', assignedBy: 'test', assignedAt: h.clock.now() } });
  }
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const task = (code: string) => db().task.findFirstOrThrow({ where: { code } });

type Content = { header: { template: string; title: { content: string } } };
const contentOf = (messageId: string) => h.fake.message(messageId)!.content as unknown as Content;
const viaOf = (messageId: string) => h.fake.message(messageId)!.history.map((v) => v.via);

/** The owner's 「已完成」 on a check-in card of task `code`; resolves to each leader's completion card. */
async function done(owner: string, code: string) {
  const t = await task(code);
  const person = await db().person.findUniqueOrThrow({ where: { openId: owner } });
  const key = `${t.id}:${person.id}:${PERIOD}:checkin`;
  await db().nudge.create({ data: { key, taskId: t.id, personId: person.id, period: PERIOD, kind: 'checkin', dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
  await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
  await drainNudges(h);
  const nudge = await db().nudge.findUniqueOrThrow({ where: { key } });
  await click(owner, nudge.messageId!, { action: 'report-status', taskId: t.id, period: PERIOD, status: 'done' });
  expect((await task(code)).status).toBe('done_pending');
  const cards = [LEADER, LUO].map((openId) => {
    const mine = h.fake.messagesTo(openId).filter((m) => m.msgType === 'interactive' && wordsOf(m).includes(`办结确认：任务${code}`));
    expect(mine).toHaveLength(1);
    return mine[0]!;
  });
  return { cards, nudge };
}

async function click(from: string, messageId: string, value: Record<string, unknown>, formValue?: Record<string, unknown>) {
  const r = await h.fake.clickCard({ from, messageId, value, ...(formValue ? { formValue, name: 'submit' } : {}) });
  await drainInbound(h);
  return r.body as { toast: { type: string; content: string } };
}

const buttonValue = (card: BotMessage, action: string) =>
  JSON.parse(JSON.stringify(card.content).match(new RegExp(`\\{"action":"${action}","taskId":\\d+,"requestId":\\d+\\}`))![0]) as Record<string, unknown>;

/** Each card now says `words`, in `template`, with no button left, after exactly one update. */
function expectSettled(cards: { messageId: string }[], words: string, template: string) {
  for (const c of cards) {
    expect(viaOf(c.messageId)).toEqual(['create', 'patch']);
    const json = JSON.stringify(contentOf(c.messageId));
    expect(json).toContain(words);
    expect(json).not.toContain('"tag":"button"');
    expect(contentOf(c.messageId).header.template).toBe(template);
  }
}

describe('every completion card follows its request', () => {
  it('确认办结 by one leader: both leaders’ cards show it, without buttons', async () => {
    const { cards } = await done(STAFF, '1');
    expect((await click(LEADER, cards[0]!.messageId, buttonValue(cards[0]!, 'completion-confirm'))).toast.type).toBe('success');
    expectSettled(cards, '**已确认办结**（何建国，2022-04-11 10:00）', 'green');
  });

  it('退回 by the other leader: both cards show who returned it and why', async () => {
    const { cards } = await done(OTHER, '2');
    h.clock.advance(5 * 60_000);
    await click(LUO, cards[1]!.messageId, buttonValue(cards[1]!, 'completion-return'), { reason: '请补充入库名单' });
    expect((await task('2')).status).toBe('active');
    expectSettled(cards, '**已退回**（罗晓梅，2022-04-11 10:05）\\n**退回理由**：请补充入库名单', 'orange');
  });

  it('the owner withdrawing the 已完成 (撤销这条记录): both cards say so', async () => {
    const { cards, nudge } = await done(LIU, '7');
    const confirm = h.fake.messagesTo(LIU).filter((m) => m.parentId === nudge.messageId && m.msgType === 'interactive').at(-1)!;
    const reportId = Number(JSON.stringify(confirm.content).match(/"reportId":(\d+)/)![1]);
    await click(LIU, confirm.messageId, { action: 'report-undo', reportId });
    expect((await task('7')).status).toBe('active');
    expectSettled(cards, '**已撤回完成申请**（刘洋，2022-04-11 10:05）', 'grey');
  });

  it('/done settles it; /undo makes every card ask again as sent; a decision on a forwarded copy then updates it and both cards', async () => {
    const { cards } = await done(WANG, '5');
    await h.command(ADMIN, '/done 5');
    expect((await task('5')).status).toBe('closed');
    expectSettled(cards, '**已办结**（管理员，2022-04-11 10:05）', 'green');

    await h.command(ADMIN, '/undo');
    expect((await task('5')).status).toBe('done_pending');
    for (const c of cards) {
      const m = h.fake.message(c.messageId)!;
      expect(m.history.map((v) => v.via)).toEqual(['create', 'patch', 'patch']);
      expect(m.content).toEqual(m.history[0]!.content);
    }

    const copy = (await h.bot.deps.messenger.send({ openId: ADMIN }, { card: cards[0]!.content as never }, 'test-forward:5')).messageId;
    h.clock.advance(60_000);
    expect((await click(ADMIN, copy, buttonValue(cards[0]!, 'completion-confirm'))).toast.type).toBe('success');
    for (const id of [...cards.map((c) => c.messageId), copy]) {
      expect(JSON.stringify(contentOf(id))).toContain('**已确认办结**（管理员，2022-04-11 10:06）');
      expect(JSON.stringify(contentOf(id))).not.toContain('"tag":"button"');
    }
    expect(viaOf(copy)).toEqual(['create', 'patch']);
  });
});
