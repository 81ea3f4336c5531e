/**
 * An owner's 「已完成」 — the status button, the form or their own words — moves an active task to
 * done_pending and sends its leader (or, with none, the admins) the completion card; the first
 * decision counts: 确认办结 closes it and tells the owner, 退回 returns it to active with the reason
 * (escaped), and the engine no longer counts the earlier 「已完成」. Any later click gets 「已处理」.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../../jobs/queues.js';
import { loadScheduleInputs } from '../../../bot/store/nudge-store.js';
import { loadTaskState } from '../../../bot/store/task-states.js';
import { ADMIN, drainInbound, drainNudges, OTHER, STAFF, startCommandHarness, wordsOf, type BotMessage, type CommandHarness } from '../../helpers/command-harness.js';

const LEADER = 'ou_demo_hejianguo'; // 责任领导 of tasks 1–11
const WANG = 'ou_demo_wangfang'; // owner of tasks 5 and 6
const LIU = 'ou_demo_liuyang'; // owner of tasks 7–9
const PERIOD = '2022-W15'; // the harness clock: Monday 2022-04-11

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const task = (code: string) => db().task.findFirstOrThrow({ where: { code } });
const lifecycle = async (code: string) => (await task(code)).status;

/** A check-in card on task `code` to `openId`, sent by the send-nudge job. */
async function checkin(openId: string, code: string, period = PERIOD) {
  const t = await task(code);
  const person = await db().person.findUniqueOrThrow({ where: { openId } });
  const key = `${t.id}:${person.id}:${period}:checkin`;
  await db().nudge.create({ data: { key, taskId: t.id, personId: person.id, period, kind: 'checkin', dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
  await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
  await drainNudges(h);
  return db().nudge.findUniqueOrThrow({ where: { key } });
}

async function click(from: string, messageId: string, value: Record<string, unknown>, formValue?: Record<string, unknown>) {
  const r = await h.fake.clickCard({ from, messageId, value, ...(formValue ? { formValue, name: 'submit' } : {}) });
  await drainInbound(h);
  return r.body as { toast: { type: string; content: string } };
}

const completionCards = (openId: string, code: string) =>
  h.fake.messagesTo(openId).filter((m) => m.msgType === 'interactive' && (m.content as { header?: { title?: { content?: string } } }).header?.title?.content === `办结确认：任务${code}`);
const buttonValue = (card: BotMessage, action: string) => {
  const m = JSON.stringify(card.content).match(new RegExp(`\\{"action":"${action}","taskId":\\d+,"requestId":\\d+\\}`));
  return JSON.parse(m![0]) as Record<string, unknown>;
};
/** The same card in someone else's chat (as if forwarded), so they can click it. */
const forward = async (openId: string, card: BotMessage) =>
  (await h.bot.deps.messenger.send({ openId }, { card: card.content as never }, `test-forward:${card.messageId}:${openId}`)).messageId;
const lastEntry = async (code: string) => {
  const e = await db().auditEntry.findFirstOrThrow({ where: { action: 'task.lifecycle', taskId: (await task(code)).id }, orderBy: { id: 'desc' } });
  return { ...e, before: JSON.parse(e.before!), after: JSON.parse(e.after!) };
};

describe('an owner’s 已完成 asks for confirmation', () => {
  it('the 已完成 button: done_pending since the click, audited with the report; the leader gets the card; the owner is told who decides', async () => {
    const card = await checkin(STAFF, '1');
    const t1 = await task('1');
    const toast = await click(STAFF, card.messageId!, { action: 'report-status', taskId: t1.id, period: PERIOD, status: 'done' });
    expect(toast.toast).toEqual({ type: 'success', content: '已记录：已完成' });
    const after = await task('1');
    expect(after.status).toBe('done_pending');
    expect(after.statusSince).toEqual(h.clock.now());
    const report = await db().report.findFirstOrThrow({ where: { taskId: t1.id }, orderBy: { id: 'desc' } });
    expect(await lastEntry('1')).toMatchObject({ actor: STAFF, before: { status: 'active', since: null }, after: { status: 'done_pending', event: 'owner_done', reportId: report.id } });

    const [leaderCard] = completionCards(LEADER, '1');
    expect(wordsOf(leaderCard!)).toContain('［按钮］已完成');
    expect(wordsOf(leaderCard!)).toContain('张敏');
    expect(buttonValue(leaderCard!, 'completion-confirm')).toMatchObject({ taskId: t1.id });
    expect(completionCards(ADMIN, '1')).toEqual([]); // a leader decides; admins are not disturbed
    const answer = h.fake.messagesTo(STAFF).filter((m) => m.parentId === card.messageId).map(wordsOf).join('\n');
    expect(answer).toContain('待何建国确认办结');
    expect((await loadTaskState(db(), { taskId: t1.id, now: h.clock.now(), calendar: h.bot.deps.calendar })).task.state).toMatchObject({ lifecycle: 'done_pending', progress: 'done' });
  });

  it('the form: a note that says done moves the task and the leader reads the note', async () => {
    const card = await checkin(OTHER, '2');
    const t2 = await task('2');
    await click(OTHER, card.messageId!, { action: 'report-form', taskId: t2.id, period: PERIOD }, { t0: '2010', note: '年度目标任务已全部完成，科技型企业2010家' });
    expect(await lifecycle('2')).toBe('done_pending');
    expect(wordsOf(completionCards(LEADER, '2')[0]!)).toContain('年度目标任务已全部完成');
    expect(wordsOf(completionCards(LEADER, '2')[0]!)).toContain('2010家');
  });

  it('words: a thread reply read as done does the same, and the owner’s words reach the card escaped', async () => {
    const card = await checkin(WANG, '5');
    const said = await h.fake.userSays({ from: WANG, text: '研发平台建设任务已全部完成 <at user_id="all"></at>', replyTo: card.messageId! });
    await said.delivery;
    await drainInbound(h);
    expect(await lifecycle('5')).toBe('done_pending');
    const words = JSON.stringify(completionCards(LEADER, '5')[0]!.content);
    expect(words).toContain('研发平台建设任务已全部完成');
    expect(words).not.toContain('<at');
  });

  it('more words while it waits are recorded and ask nothing new', async () => {
    const [answer] = await h.command(WANG, '#5 按计划推进，验收材料已报区科技局');
    expect(wordsOf(answer!)).toContain('已记录：任务5');
    const [again] = await h.command(WANG, '#5 任务已全部完成');
    expect(wordsOf(again!)).toContain('正在等待确认办结');
    expect(completionCards(LEADER, '5')).toHaveLength(1);
  });
});

describe('the first decision counts', () => {
  it('确认办结 closes the task and tells the owner; the card shows the decision; any later click gets 已处理; the closed task takes no report', async () => {
    const [card] = completionCards(LEADER, '1');
    const toast = await click(LEADER, card!.messageId, buttonValue(card!, 'completion-confirm'));
    expect(toast.toast.type).toBe('success');
    expect(await lifecycle('1')).toBe('closed');
    expect(await lastEntry('1')).toMatchObject({ actor: LEADER, before: { status: 'done_pending' }, after: { status: 'closed', event: 'confirm' } });
    expect(h.fake.messagesTo(STAFF).map(wordsOf).join('\n')).toContain('任务1「培育高新技术企业」已由何建国确认办结');
    expect(wordsOf(h.fake.message(card!.messageId)!)).toContain('已确认办结');

    const copy = await forward(ADMIN, card!);
    for (const [who, messageId] of [[LEADER, card!.messageId], [ADMIN, copy]] as const) {
      const late = await click(who, messageId, buttonValue(card!, 'completion-return'), { reason: '再看看' });
      expect(late.toast).toMatchObject({ type: 'info', content: expect.stringContaining('该完成申请已处理（何建国已于 2022-04-11 10:00 确认办结）') });
    }
    expect(await lifecycle('1')).toBe('closed');
    const [refused] = await h.command(STAFF, '/report 1 补充一点情况');
    expect(wordsOf(refused!)).toContain('任务1已办结，不再接收进展');
  });

  it('退回 wants a reason; with one the task is active again, the owner hears why (escaped), and the engine no longer counts the 已完成', async () => {
    const [card] = completionCards(LEADER, '2');
    const value = buttonValue(card!, 'completion-return');
    const empty = await click(LEADER, card!.messageId, value, { reason: '  ' });
    expect(empty.toast).toMatchObject({ type: 'error', content: expect.stringContaining('请填写退回理由') });
    expect(await lifecycle('2')).toBe('done_pending');

    h.clock.advance(60_000);
    const reason = '请补充入库名单 <at user_id="all"></at> **加急**';
    const toast = await click(LEADER, card!.messageId, value, { reason });
    expect(toast.toast.type).toBe('success');
    const t2 = await task('2');
    expect(t2.status).toBe('active');
    expect(t2.statusSince).toEqual(h.clock.now());
    expect(await lastEntry('2')).toMatchObject({ actor: LEADER, after: { status: 'active', event: 'return', reason } });
    const told = h.fake.messagesTo(OTHER).filter((m) => m.msgType === 'text').map(wordsOf).find((w) => w.includes('退回'))!;
    expect(told).toContain('任务2「培育科技型企业」的完成申请被何建国退回，理由：请补充入库名单');
    expect(told).toContain('＜at user_id="all"＞');
    expect(told).not.toContain('<at');

    const state = (await loadTaskState(db(), { taskId: t2.id, now: h.clock.now(), calendar: h.bot.deps.calendar })).task.state;
    expect(state.lifecycle).toBe('active');
    expect(state.progress).not.toBe('done');
    // Nudged again: its schedule is back (this week was answered by the 「已完成」, so the next check-in).
    expect((await loadScheduleInputs(db(), h.clock.now())).some((s) => s.taskId === t2.id)).toBe(true);
    expect((await checkin(OTHER, '2', '2022-W16')).state).toBe('sent');
  });

  it('only the task’s leaders and the admins decide: another person is refused; an admin may decide for the leader', async () => {
    const [card] = completionCards(LEADER, '5');
    const refused = await click(OTHER, await forward(OTHER, card!), buttonValue(card!, 'completion-confirm'));
    expect(refused.toast).toMatchObject({ type: 'error', content: expect.stringContaining('只有该任务的责任领导或管理员') });
    expect(await lifecycle('5')).toBe('done_pending');
    expect((await click(ADMIN, await forward(ADMIN, card!), buttonValue(card!, 'completion-confirm'))).toast.type).toBe('success');
    expect(await lifecycle('5')).toBe('closed');
    expect(h.fake.messagesTo(WANG).map(wordsOf).join('\n')).toContain('已由管理员确认办结');
  });
});

describe('without a leader, and taking it back', () => {
  it('a task with no leader sends the card to the admins', async () => {
    const t7 = await task('7');
    await db().assignment.updateMany({ where: { taskId: t7.id, role: 'leader' }, data: { active: false } });
    const card = await checkin(LIU, '7');
    await click(LIU, card.messageId!, { action: 'report-status', taskId: t7.id, period: PERIOD, status: 'done' });
    expect(await lifecycle('7')).toBe('done_pending');
    expect(completionCards(ADMIN, '7')).toHaveLength(1);
    expect(completionCards(LEADER, '7')).toEqual([]);
    expect(h.fake.messagesTo(LIU).map(wordsOf).join('\n')).toContain('待管理员确认办结');
  });

  it('已完成 picked for a reply the reader could not read asks too; picking another status for it takes the request back', async () => {
    const [confirm] = await h.command(WANG, '/report 6 嗯嗯');
    const reportId = Number(JSON.stringify(confirm!.content).match(/"reportId":(\d+)/)![1]);
    const t6 = await task('6');
    const pick = (status: string) => click(WANG, confirm!.messageId, { action: 'report-status', taskId: t6.id, period: PERIOD, status, reportId });
    expect((await pick('done')).toast.content).toBe('已修改为：已完成');
    expect(await lifecycle('6')).toBe('done_pending');
    expect(completionCards(LEADER, '6')).toHaveLength(1);
    expect(h.fake.messagesTo(WANG).filter((m) => m.parentId === confirm!.messageId).map(wordsOf).join('\n')).toContain('待何建国确认办结');
    await pick('on_track');
    expect(await lifecycle('6')).toBe('active');
    expect(h.fake.messagesTo(WANG).filter((m) => m.parentId === confirm!.messageId).map(wordsOf).join('\n')).toContain('已撤回完成申请');
  });

  it('undoing the 已完成 report withdraws the request: active again, the card says so, and a late click answers 已处理', async () => {
    const t8 = await task('8');
    const card = await checkin(LIU, '8');
    await click(LIU, card.messageId!, { action: 'report-status', taskId: t8.id, period: PERIOD, status: 'done' });
    expect(await lifecycle('8')).toBe('done_pending');
    const confirm = h.fake.messagesTo(LIU).filter((m) => m.parentId === card.messageId && m.msgType === 'interactive').at(-1)!;
    const reportId = Number(JSON.stringify(confirm.content).match(/"reportId":(\d+)/)![1]);
    await click(LIU, confirm.messageId, { action: 'report-undo', reportId });
    expect(await lifecycle('8')).toBe('active');
    expect(h.fake.messagesTo(LIU).map(wordsOf).join('\n')).toContain('完成申请一并撤回');
    const [leaderCard] = completionCards(LEADER, '8');
    // The leader's card now says so, without buttons (completion-cards.test.ts); a click from a view still showing them gets 已处理.
    expect(wordsOf(leaderCard!)).toContain('**已撤回完成申请**（刘洋，2022-04-11 10:01）');
    const asSent = { ...leaderCard!, content: h.fake.message(leaderCard!.messageId)!.history[0]!.content };
    const late = await click(LEADER, leaderCard!.messageId, buttonValue(asSent, 'completion-confirm'));
    expect(late.toast.content).toContain('刘洋已于 2022-04-11 10:01 撤回了完成申请');
    expect(await lifecycle('8')).toBe('active');
  });
});
