/**
 * 批示 (instructions), through the real SDK against the fake Feishu: by the escalation card's form,
 * by /批示, by a reply in an escalation's thread and in a digest's thread. Each is stored as an
 * instruction (never a report) and audited; the owners and collaborators are told 「领导批示」 once
 * (a click whose job runs twice tells nobody twice); the leader hears who was told. A non-leader and
 * an empty 批示 are refused. An owner's reply to the 「领导批示」 is their report on the task.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../../jobs/queues.js';
import { ADMIN, drainInbound, drainNudges, OTHER, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

const LEADER = 'ou_demo_hejianguo'; // 责任领导 of tasks 1–11
const CHEN = 'ou_demo_chenjing'; // owner of task 11
const LIU = 'ou_demo_liuyang'; // collaborator on task 11, owner of 7–9
const WANG = 'ou_demo_wangfang'; // owner of 5
const LEADERS = 'oc_leaders_digest000000000000001';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
  h.fake.addChat({ chatId: LEADERS, name: '局领导周报群', members: [ADMIN, LEADER, OTHER] });
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const task = (code: string) => db().task.findFirstOrThrow({ where: { code } });
const instructionsOn = async (code: string) => db().instruction.findMany({ where: { taskId: (await task(code)).id }, orderBy: { id: 'asc' } });
const told = (openId: string) => h.fake.messagesTo(openId).filter((m) => m.msgType === 'text' && wordsOf(m).startsWith('【领导批示】'));

async function escalation(code: string) {
  const t = await task(code);
  const person = await db().person.findUniqueOrThrow({ where: { openId: LEADER } });
  const key = `${t.id}:${person.id}:${t.deadline}:leader-overdue-6`;
  await db().nudge.create({ data: { key, taskId: t.id, personId: person.id, period: t.deadline, kind: 'leader-overdue-6', dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
  await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
  await drainNudges(h);
  return (await db().nudge.findUniqueOrThrow({ where: { key } })).messageId!;
}

async function instruct(from: string, card: string, taskId: number, words: string) {
  const r = await h.fake.clickCard({ from, messageId: card, value: { action: 'leader-instruct', taskId }, formValue: { instruction: words }, name: 'leader-instruct' });
  await drainInbound(h);
  return r;
}

async function replyTo(from: string, parent: string, text: string, opts: { chatId?: string; mentions?: string[] } = {}) {
  const said = await h.fake.userSays({ from, text, replyTo: parent, ...opts });
  await said.delivery;
  await drainInbound(h);
  return { said, answers: h.fake.messages({ sender: 'bot' }).filter((m) => m.parentId === said.messageId).map(wordsOf).join('\n') };
}

describe('批示 by the escalation card’s form', () => {
  let card: string;
  beforeAll(async () => {
    card = await escalation('11');
  });

  it('is recorded and audited, the owner and the collaborator are told (escaped), the leader hears who', async () => {
    const t11 = await task('11');
    const r = await instruct(LEADER, card, t11.id, '请于本周内落实场地 <at user_id="all"></at>');
    expect(r.body).toEqual({ toast: { type: 'success', content: '批示已记录，将转告责任人' } });
    const [i] = await instructionsOn('11');
    expect(i).toMatchObject({ text: '请于本周内落实场地 <at user_id="all"></at>', source: 'card', messageId: null, eventId: r.eventId });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'task.instruction', taskId: t11.id } });
    expect(entry.actor).toBe(LEADER);
    expect(JSON.parse(entry.after!)).toMatchObject({ instructionId: i!.id, source: 'card' });
    for (const openId of [CHEN, LIU]) {
      const [m] = told(openId);
      expect(wordsOf(m!)).toContain('任务11「做好成果登记」');
      expect(wordsOf(m!)).toContain('何建国：请于本周内落实场地');
      expect(wordsOf(m!)).not.toContain('<at');
    }
    const answer = h.fake.messagesTo(LEADER).filter((m) => m.parentId === card).map(wordsOf).join('\n');
    expect(answer).toContain('并转告：陈静、刘洋');
    expect(await db().report.count({ where: { taskId: t11.id } })).toBe(0);
    // The escalation card shows it as the latest 批示.
    expect(wordsOf(h.fake.message(card)!)).toContain('最新批示');
  });

  it('a click whose job runs twice records once and tells each person once', async () => {
    const t11 = await task('11');
    const r = await instruct(LEADER, card, t11.id, '月底前完成全部登记');
    const row = await db().processedEvent.findUniqueOrThrow({ where: { eventId: r.eventId } });
    await h.bot.deps.queues.inbound.add('card.action.trigger', { envelope: JSON.parse(row.payload!), receivedAt: row.receivedAt.toISOString(), via: 'card' }, { jobId: 'rerun-instruct' });
    await drainInbound(h);
    expect(await (await h.bot.deps.queues.inbound.getJob('rerun-instruct'))!.getState()).toBe('completed');
    expect((await instructionsOn('11')).map((i) => i.text)).toEqual(['请于本周内落实场地 <at user_id="all"></at>', '月底前完成全部登记']);
    expect(told(CHEN).filter((m) => wordsOf(m).includes('月底前完成全部登记'))).toHaveLength(1);
    expect(told(LIU).filter((m) => wordsOf(m).includes('月底前完成全部登记'))).toHaveLength(1);
    expect(await db().auditEntry.count({ where: { action: 'task.instruction', taskId: t11.id } })).toBe(2);
    expect(h.fake.messagesTo(LEADER).filter((m) => m.parentId === card && wordsOf(m).includes('并转告'))).toHaveLength(2);
  });

  it('refuses a non-leader and an empty or overlong 批示 with the reason, recording nothing', async () => {
    const t11 = await task('11');
    const forwarded = (await h.bot.deps.messenger.send({ openId: OTHER }, { card: h.fake.message(card)!.content as never }, 'test-forward')).messageId;
    const cases = [
      [OTHER, forwarded, '请抓紧', '只有任务11的责任领导或管理员可以批示，未作记录'],
      [LEADER, card, '   ', '请填写批示内容'],
      [LEADER, card, '快'.repeat(501), '批示内容请控制在500字以内（现有501字）'],
    ] as const;
    for (const [from, messageId, words, why] of cases) {
      const r = await instruct(from, messageId, t11.id, words);
      expect(r.body).toEqual({ toast: { type: 'error', content: why } });
    }
    expect(await instructionsOn('11')).toHaveLength(2);
  });

  it('an admin may give one too', async () => {
    const t11 = await task('11');
    const copy = (await h.bot.deps.messenger.send({ openId: ADMIN }, { card: h.fake.message(card)!.content as never }, 'test-forward-admin')).messageId;
    expect((await instruct(ADMIN, copy, t11.id, '请办公室跟踪')).body).toMatchObject({ toast: { type: 'success' } });
    expect((await instructionsOn('11')).at(-1)).toMatchObject({ text: '请办公室跟踪', source: 'card' });
  });
});

describe('批示 by command and by reply', () => {
  it('/批示 N 内容 from a leader tells the owner; from anyone else it is refused', async () => {
    const said = await h.command(LEADER, '/批示 5 请在月底前完成验收');
    const answer = said.find((m) => m.chatId === h.fake.p2pChatOf(LEADER));
    expect(wordsOf(answer!)).toContain('已记录对任务5「加强研发平台建设」的批示，并转告：王芳');
    expect(await instructionsOn('5')).toMatchObject([{ text: '请在月底前完成验收', source: 'command' }]);
    expect(wordsOf(told(WANG)[0]!)).toContain('请在月底前完成验收');
    const [refused] = await h.command(OTHER, '/instruct 5 我也说两句');
    expect(wordsOf(refused!)).toContain('只有任务5的责任领导或管理员可以批示');
    const [empty] = await h.command(LEADER, '/批示 5');
    expect(wordsOf(empty!)).toContain('请填写批示内容');
    expect(await instructionsOn('5')).toHaveLength(1);
  });

  it('a leader’s reply in an escalation’s thread is a 批示, not a report', async () => {
    const card = await escalation('2');
    const { answers } = await replyTo(LEADER, card, '请抓紧推进，本周内报送整改方案');
    expect(answers).toContain('并转告：李强');
    expect(await instructionsOn('2')).toMatchObject([{ text: '请抓紧推进，本周内报送整改方案', source: 'reply' }]);
    expect(await db().report.count({ where: { taskId: (await task('2')).id } })).toBe(0);
    expect(wordsOf(told(OTHER)[0]!)).toContain('请抓紧推进');
  });

  it('an owner’s reply to the 「领导批示」 is their report on that task', async () => {
    const notice = told(WANG)[0]!;
    const { answers } = await replyTo(WANG, notice.messageId, '已组织验收，按计划推进');
    expect(answers).toContain('已记录：任务5');
    const report = await db().report.findFirstOrThrow({ where: { taskId: (await task('5')).id } });
    expect(report).toMatchObject({ rawText: '已组织验收，按计划推进', source: 'reply', status: 'on_track' });
  });

  it('a leader’s reply in a digest’s thread is a 批示 on the task it names, and asks when it names none', async () => {
    await h.command(ADMIN, '{@0} /subscribe', { chatId: LEADERS, mentions: [h.fake.botOpenId] });
    await h.command(ADMIN, '/digest send');
    await drainNudges(h);
    const digest = h.fake.messages({ chatId: LEADERS, sender: 'bot', msgType: 'interactive' })[0]!;
    expect(wordsOf(digest)).toContain('周报');
    const at = { chatId: LEADERS, mentions: [h.fake.botOpenId] };
    const asked = await replyTo(LEADER, digest.messageId, '{@0} 请各位抓紧', at);
    expect(asked.answers).toContain('请注明是哪项任务的批示');
    const { answers } = await replyTo(LEADER, digest.messageId, '{@0} 7号任务请抓紧', at);
    expect(answers).toContain('已记录对任务7');
    expect(await instructionsOn('7')).toMatchObject([{ text: '请抓紧', source: 'reply' }]);
    expect(wordsOf(told(LIU).at(-1)!)).toContain('任务7');
    // Someone who leads nothing replying there is read as before (here: not their task).
    const other = await replyTo(OTHER, digest.messageId, '{@0} 任务7 已完成', at);
    expect(other.answers).toContain('您不是任务7的责任人或协办人');
    expect(await instructionsOn('7')).toHaveLength(1);
  });
});
