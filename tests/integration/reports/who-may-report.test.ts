/**
 * Only a task's current owners and collaborators — and admins, audited as
 * such — report on it, on every channel (thread reply, free text, buttons,
 * form, chooser, /report); anyone else is told, nothing is recorded and no
 * follow-up is cancelled. A refused card click gets an error toast, never
 * a success toast for work that will not happen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../../jobs/queues.js';
import { ADMIN, drainInbound, GROUP, OTHER, STAFF, startCommandHarness, wordsOf, type CommandHarness, drainNudges } from '../../helpers/command-harness.js';

const LEADER = 'ou_demo_hejianguo'; // 责任领导 of tasks 1–11
const PERIOD = '2022-W15'; // the harness clock: Monday 2022-04-11

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const task = (code: string) => db().task.findFirstOrThrow({ where: { code } });
const reportsOn = async (code: string) => db().report.count({ where: { taskId: (await task(code)).id } });


/** Sends a nudge of `kind` on task `code` to `openId` through the send-nudge job; resolves to its row. */
async function nudge(openId: string, code: string, kind: string) {
  const t = await task(code);
  const person = await db().person.findUniqueOrThrow({ where: { openId } });
  const key = `${t.id}:${person.id}:${PERIOD}:${kind}`;
  await db().nudge.create({ data: { key, taskId: t.id, personId: person.id, period: PERIOD, kind, dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
  await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
  await drainNudges(h);
  return db().nudge.findUniqueOrThrow({ where: { key } });
}

/** `from` replies to message `parent` (a thread reply); resolves to the bot's answers to it. */
async function replyTo(from: string, parent: string, text: string) {
  const said = await h.fake.userSays({ from, text, replyTo: parent });
  await said.delivery;
  await drainInbound(h);
  return { said, answers: h.fake.messages({ sender: 'bot' }).filter((m) => m.parentId === said.messageId) };
}

async function click(from: string, messageId: string, value: Record<string, unknown>, formValue?: Record<string, unknown>) {
  const r = await h.fake.clickCard({ from, messageId, value, ...(formValue ? { formValue, name: 'submit' } : {}) });
  await drainInbound(h);
  return r;
}

describe('thread replies', () => {
  it('a former owner’s reply in the nudge thread after /reassign is not recorded, they are told, and the new owner’s follow-up still goes out', async () => {
    const checkin = await nudge(STAFF, '1', 'checkin');
    expect(checkin.state).toBe('sent');
    await h.command(ADMIN, '/reassign 1 {@0}', { mentions: [OTHER] });

    const { said, answers } = await replyTo(STAFF, checkin.messageId!, '已完成，有效期高企140家');
    expect(answers.map(wordsOf).join('\n')).toContain('您已不再负责任务1，这条消息未作为进展记录');
    expect(await reportsOn('1')).toBe(0);
    const kept = await db().auditEntry.findFirstOrThrow({ where: { action: 'reply.refused', messageId: said.messageId } });
    expect(kept.taskId).toBe((await task('1')).id);

    const followup = await nudge(OTHER, '1', 'followup1');
    expect(followup.state).toBe('sent');
  });

  it('a leader’s comment on an escalation card is a 批示, not a report, and cancels nothing', async () => {
    const escalation = await nudge(LEADER, '2', 'leader-overdue-5');
    expect(escalation.state).toBe('sent');
    const { answers } = await replyTo(LEADER, escalation.messageId!, '请抓紧推进，本周内完成');
    expect(answers.map(wordsOf).join('\n')).toContain('已记录对任务2「培育科技型企业」的批示');
    expect(await db().instruction.count({ where: { taskId: (await task('2')).id } })).toBe(1);
    expect(await reportsOn('2')).toBe(0);
    const followup = await nudge(OTHER, '2', 'followup1');
    expect(followup.state).toBe('sent');
  });

  it('an owner’s own reply in the thread is still recorded', async () => {
    const checkin = await nudge(OTHER, '3', 'checkin');
    const { answers } = await replyTo(OTHER, checkin.messageId!, '高成长企业培育推进会已召开，按计划推进');
    expect(answers.map(wordsOf).join('\n')).toContain('已记录：任务3');
    expect(await reportsOn('3')).toBe(1);
  });
});

describe('free text and /report', () => {
  it('free text naming someone else’s task is refused with a short answer', async () => {
    const answers = await h.command(STAFF, '#2 已完成');
    expect(answers.map(wordsOf).join('\n')).toContain('您不是任务2的责任人或协办人，这条消息未作为进展记录');
    expect(await reportsOn('2')).toBe(0);
  });

  it('an admin reports by /report and by free text: recorded, and audited as by an admin', async () => {
    await h.command(ADMIN, '/report 5 已完成60%，按计划推进');
    await h.command(ADMIN, '#6 按计划推进');
    for (const code of ['5', '6']) {
      const t = await task(code);
      const r = await db().report.findFirstOrThrow({ where: { taskId: t.id }, include: { person: true } });
      expect(r.person?.openId).toBe(ADMIN);
      const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'report.added', taskId: t.id } });
      expect(entry.actor).toBe(ADMIN);
      expect(JSON.parse(entry.after!)).toMatchObject({ role: 'admin' });
    }
    const [history] = await h.command(ADMIN, '/history 5');
    expect(wordsOf(history!)).toContain('角色：管理员');
  });

  it('/report on a task marked done (办结) is refused', async () => {
    await h.command(ADMIN, '/done 10');
    const [m] = await h.command('ou_demo_chenjing', '/report 10 已完成');
    expect(wordsOf(m!)).toContain('任务10已办结');
    expect(await reportsOn('10')).toBe(0);
  });
});

describe('card clicks: the toast says what will happen', () => {
  it('a former owner’s status button, form and chooser get an error toast and record nothing', async () => {
    const card = (await db().nudge.findFirstOrThrow({ where: { person: { openId: STAFF }, task: { code: '1' } } })).messageId!;
    const t1 = (await task('1')).id;
    const before = await db().report.count();
    const clicks = [
      await click(STAFF, card, { action: 'report-status', taskId: t1, period: PERIOD, status: 'done' }),
      await click(STAFF, card, { action: 'report-form', taskId: t1, period: PERIOD }, { t0: '140', note: '已完成' }),
      await click(STAFF, card, { action: 'choose-task', taskId: (await task('2')).id, messageId: 'om_x', text: '已完成' }),
    ];
    for (const c of clicks) expect(c.body).toMatchObject({ toast: { type: 'error', content: expect.stringContaining('未作记录') } });
    expect((clicks[0]!.body as { toast: { content: string } }).toast.content).toContain('您已不再负责任务1');
    expect((clicks[2]!.body as { toast: { content: string } }).toast.content).toContain('您不是任务2的责任人或协办人');
    expect(await db().report.count()).toBe(before);
  });

  it('a status button on a withdrawn report, and undo of someone else’s report, are refused with an error toast', async () => {
    const [confirm] = await h.command(STAFF, '/report 4 嗯嗯');
    const reportId = Number(JSON.stringify(confirm!.content).match(/"reportId":(\d+)/)![1]);
    const t4 = (await task('4')).id;
    const forwarded = await h.bot.deps.messenger.send({ chatId: GROUP }, { card: confirm!.content }, 'test-forward-confirm');
    const notMine = await click(OTHER, forwarded.messageId, { action: 'report-undo', reportId });
    expect(notMine.body).toMatchObject({ toast: { type: 'error', content: expect.stringContaining('不是您提交的') } });
    expect((await db().report.findUniqueOrThrow({ where: { id: reportId } })).revokedAt).toBeNull();

    const undo = await click(STAFF, confirm!.messageId, { action: 'report-undo', reportId });
    expect(undo.body).toMatchObject({ toast: { type: 'info' } });
    expect((await db().report.findUniqueOrThrow({ where: { id: reportId } })).revokedAt).not.toBeNull();
    const count = await db().report.count();
    const late = await click(STAFF, confirm!.messageId, { action: 'report-status', taskId: t4, period: PERIOD, status: 'on_track', reportId });
    expect(late.body).toMatchObject({ toast: { type: 'error', content: expect.stringContaining('已撤销') } });
    const again = await click(STAFF, confirm!.messageId, { action: 'report-undo', reportId });
    expect(again.body).toMatchObject({ toast: { type: 'error' } });
    expect(await db().report.count()).toBe(count);
    expect((await db().report.findUniqueOrThrow({ where: { id: reportId } })).status).toBeNull();
  });

  it('a malformed value or an unknown action gets 无法识别的操作 as an error toast', async () => {
    const card = (await db().nudge.findFirstOrThrow({ where: { person: { openId: OTHER }, task: { code: '3' } } })).messageId!;
    for (const value of [{ action: 'report-status', taskId: 'x', status: 'done' }, { action: 'no-such-action' }, {}]) {
      const r = await click(OTHER, card, value);
      expect(r.body).toEqual({ toast: { type: 'error', content: '无法识别的操作' } });
    }
  });

  it('an owner’s click is still answered with success and recorded', async () => {
    const card = (await db().nudge.findFirstOrThrow({ where: { person: { openId: OTHER }, task: { code: '3' } } })).messageId!;
    const count = await reportsOn('3');
    const r = await click(OTHER, card, { action: 'report-status', taskId: (await task('3')).id, period: PERIOD, status: 'at_risk' });
    expect(r.body).toEqual({ toast: { type: 'success', content: '已记录：有风险' } });
    expect(await reportsOn('3')).toBe(count + 1);
  });
});
