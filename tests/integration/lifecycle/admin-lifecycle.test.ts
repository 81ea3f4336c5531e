/**
 * The admins' part in a task's life: /done closes directly (settling a pending request), /reopen
 * brings a closed or pending task back, /pause and /resume go through the same transitions, /undo
 * puts a lifecycle back with its statusSince (a settled request is open again), and /history tells
 * the life in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, drainInbound, OTHER, STAFF, startCommandHarness, wordsOf, type BotMessage, type CommandHarness } from '../../helpers/command-harness.js';

const LEADER = 'ou_demo_hejianguo'; // 责任领导 of tasks 1–11
const CHEN = 'ou_demo_chenjing'; // owner of tasks 10 and 11

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness(); // clock: Monday 2022-04-11 10:00 Shanghai
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const task = (code: string) => db().task.findFirstOrThrow({ where: { code } });
/** The bot's answer in the sender's own chat. */
async function say(from: string, text: string) {
  const answers = await h.command(from, text);
  return answers.filter((m) => m.chatId === h.fake.p2pChatOf(from)).map(wordsOf).join('\n');
}
const told = (openId: string, words: string) => h.fake.messagesTo(openId).some((m) => wordsOf(m).includes(words));
const completionCard = (code: string) =>
  h.fake.messagesTo(LEADER).filter((m) => (m.content as { header?: { title?: { content?: string } } }).header?.title?.content === `办结确认：任务${code}`).at(-1)!;
/** A click on the card's buttons as sent (a settled card has none left: a view not yet refreshed may still show them). */
async function decide(card: BotMessage, action: 'completion-confirm' | 'completion-return', formValue?: Record<string, unknown>) {
  const asSent = h.fake.message(card.messageId)!.history[0]!.content;
  const value = JSON.parse(JSON.stringify(asSent).match(new RegExp(`\\{"action":"${action}","taskId":\\d+,"requestId":\\d+\\}`))![0]) as Record<string, unknown>;
  const r = await h.fake.clickCard({ from: LEADER, messageId: card.messageId, value, ...(formValue ? { formValue, name: 'submit' } : {}) });
  await drainInbound(h);
  return (r.body as { toast: { type: string; content: string } }).toast;
}

describe('/done and /reopen', () => {
  it('/done closes a task waiting for confirmation and settles the request; the owner is told; /done again is refused', async () => {
    await say(STAFF, '/report 4 国高创建各项任务已全部完成');
    expect((await task('4')).status).toBe('done_pending');
    expect(await say(ADMIN, '/done 4')).toContain('状态已由「待确认办结」改为「已办结」');
    expect((await task('4')).status).toBe('closed');
    expect(told(STAFF, '任务4「强力推进国高创建」已由管理员办结，不再催办')).toBe(true);
    expect(wordsOf(completionCard('4'))).toContain('**已办结**（管理员，2022-04-11 10:00）');
    expect(wordsOf(completionCard('4'))).not.toContain('"tag":"button"');
    expect((await decide(completionCard('4'), 'completion-confirm')).content).toContain('该完成申请已处理（管理员已于 2022-04-11 10:00 办结）');
    expect(await say(ADMIN, '/办结 4')).toContain('任务已办结，未作修改');
  });

  it('/reopen brings a closed task back to active, audited and told; an active one is refused; /resume of a closed one points to /reopen', async () => {
    expect(await say(ADMIN, '/reopen 4')).toContain('状态已由「已办结」改为「进行中」');
    const t4 = await task('4');
    expect(t4.status).toBe('active');
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'task.lifecycle', taskId: t4.id }, orderBy: { id: 'desc' } });
    expect(entry.actor).toBe(ADMIN);
    expect(JSON.parse(entry.after!)).toMatchObject({ status: 'active', event: 'reopen' });
    expect(told(STAFF, '任务4「强力推进国高创建」已恢复为进行中')).toBe(true);
    expect(await say(ADMIN, '/重新打开 4')).toContain('无需重新打开，未作修改');

    await say(ADMIN, '/done 3');
    const resume = await say(ADMIN, '/resume 3');
    expect(resume).toContain('未作修改');
    expect(resume).toContain('/reopen');
    expect((await task('3')).status).toBe('closed');
  });

  it('a task waiting for confirmation cannot be paused; reopening it withdraws nothing the owner said', async () => {
    await say(OTHER, '/report 2 年度目标任务已全部完成');
    expect((await task('2')).status).toBe('done_pending');
    expect(await say(ADMIN, '/pause 2')).toContain('不能暂停');
    expect(await say(ADMIN, '/reopen 2')).toContain('「待确认办结」改为「进行中」');
    expect(await db().report.count({ where: { taskId: (await task('2')).id, revokedAt: null } })).toBe(1);
  });
});

describe('/undo and /history of a task’s life', () => {
  it('/undo of /done puts back done_pending and its statusSince: the request is open again and the leader can still confirm', async () => {
    await say(STAFF, '/report 1 有效期高企已达140家，年度目标已完成');
    const pending = await task('1');
    expect(pending.status).toBe('done_pending');
    h.clock.advance(5 * 60_000);
    await say(ADMIN, '/done 1');
    expect((await task('1')).status).toBe('closed');
    expect(await say(ADMIN, '/undo')).toContain('状态恢复为「待确认办结」');
    const back = await task('1');
    expect(back.status).toBe('done_pending');
    expect(back.statusSince).toEqual(pending.statusSince);
    expect(told(STAFF, '管理员撤销了此前的状态调整：任务1「培育高新技术企业」恢复为「待确认办结」')).toBe(true);
    expect((await decide(completionCard('1'), 'completion-confirm')).type).toBe('success');
    expect((await task('1')).status).toBe('closed');
  });

  it('/undo refuses when the owner changed the lifecycle since, naming who and what', async () => {
    await say(ADMIN, '/done 10');
    await say(ADMIN, '/reopen 10');
    await say(CHEN, '/report 10 成果转化任务已全部完成');
    const refused = await say(ADMIN, '/undo');
    expect(refused).toContain('无法撤销任务10的任务状态修改');
    expect(refused).toContain('陈静于 2022-04-11 10:05 将任务状态改为「待确认办结」');
    expect((await task('10')).status).toBe('done_pending');
  });

  it('/history tells the life in words: 报完成, 退回 with its reason', async () => {
    await say(CHEN, '/report 11 成果登记任务已全部完成');
    await decide(completionCard('11'), 'completion-return', { reason: '技术合同登记额尚未达到11亿元' });
    const history = await say(ADMIN, '/history 11');
    expect(history).toContain('报完成（待确认办结）');
    expect(history).toContain('退回完成申请');
    expect(history).toContain('状态：待确认办结 → 进行中');
    expect(history).toContain('理由：技术合同登记额尚未达到11亿元');
  });
});
