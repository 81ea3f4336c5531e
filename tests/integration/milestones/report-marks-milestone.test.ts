/**
 * A report that says a milestone's step is done marks it, as /milestone does (audited, the report as its
 * source), and the confirmation says so; a step's 「已完成」 is not the task's (no confirmation of completion).
 * A report that does not assert completion, or names other work, marks nothing. Withdrawing the report (撤销)
 * reopens the step it marked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../../jobs/queues.js';
import { ADMIN, at, drainInbound, drainNudges, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
let taskId: number;
let ids: number[];
beforeAll(async () => {
  h = await startCommandHarness({ ADMIN_OPEN_IDS: ADMIN }); // clock: Monday 2022-04-11 10:00 Shanghai
  taskId = (await db().task.findFirstOrThrow({ where: { code: '1' } })).id;
  await db().milestone.createMany({
    data: [
      { taskId, position: 0, due: '2022-04-29', text: '4月底前完成摸底' },
      { taskId, position: 1, due: '2022-06-30', text: '6月底前完成评估' },
    ],
  });
  ids = (await db().milestone.findMany({ where: { taskId }, orderBy: { position: 'asc' } })).map((m) => m.id);
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
async function say(from: string, text: string) {
  const answers = await h.command(from, text);
  return answers.filter((m) => m.chatId === h.fake.p2pChatOf(from)).map(wordsOf).join('\n');
}
const doneOf = async () => (await db().milestone.findMany({ where: { taskId }, orderBy: { position: 'asc' } })).map((m) => m.doneAt !== null);

describe('a report marks the milestone it says is done', () => {
  it('marks nothing when the report does not assert completion', async () => {
    for (const text of ['任务1 摸底尚未完成，正在评估', '任务1 评估即将完成', '任务1 已完成5家企业摸底']) await say(STAFF, text);
    expect(await doneOf()).toEqual([false, false]);
    expect(await db().auditEntry.count({ where: { action: 'milestone.done' } })).toBe(0);
  });

  it('marks the step, audited with the report as source; the confirmation says so; the task stays active', async () => {
    const words = await say(STAFF, '任务1 摸底工作已完成，评估正在进行');
    expect(words).toContain('已记录：时间节点「4月底前完成摸底」已完成');
    expect(await doneOf()).toEqual([true, false]);
    const report = await db().report.findFirstOrThrow({ where: { taskId }, orderBy: { id: 'desc' } });
    expect(report.status).toBe('on_track'); // a step's 「已完成」, not the task's
    expect((await db().task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe('active');
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'milestone.done', taskId } });
    expect(entry.actor).toBe(STAFF);
    expect(JSON.parse(entry.after!)).toEqual({ milestoneId: ids[0], due: '2022-04-29', text: '4月底前完成摸底', source: 'report', reportId: report.id });
    expect(await say(STAFF, '/milestone 1')).toContain('1. 2022年4月29日 4月底前完成摸底（已完成）');
  });

  it('marks another from another wording, once', async () => {
    expect(await say(STAFF, '任务1 已完成项目评估')).toContain('已记录：时间节点「6月底前完成评估」已完成');
    expect(await doneOf()).toEqual([true, true]);
    expect(await say(STAFF, '任务1 评估已完成')).not.toContain('已记录：时间节点');
    expect(await db().auditEntry.count({ where: { action: 'milestone.done' } })).toBe(2);
  });

  it('withdrawing the report reopens the step it marked, audited, and says so', async () => {
    const card = h.fake.messagesTo(STAFF).filter((m) => m.msgType === 'interactive' && wordsOf(m).includes('已记录：时间节点「4月底前完成摸底」已完成')).at(-1)!;
    const reportId = Number(JSON.stringify(card.content).match(/"action":"report-undo","reportId":(\d+)/)![1]);
    await h.fake.clickCard({ from: STAFF, messageId: card.messageId, value: { action: 'report-undo', reportId } });
    await drainInbound(h);
    expect(await doneOf()).toEqual([false, true]);
    expect((await db().milestone.findUniqueOrThrow({ where: { id: ids[0] } })).doneByReportId).toBeNull();
    expect(h.fake.messagesTo(STAFF).map(wordsOf).join('\n')).toContain('已撤销这条记录。时间节点「4月底前完成摸底」恢复为未完成。');
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'milestone.reopened', taskId } });
    expect(JSON.parse(entry.before!)).toEqual({ milestoneId: ids[0], due: '2022-04-29', text: '4月底前完成摸底', reportId });
  });

  it('a report by the check-in card’s form marks it the same way', async () => {
    const person = await db().person.findUniqueOrThrow({ where: { openId: STAFF } });
    h.clock.set(at('2022-04-18T10:00:00')); // next week: this week is reported, so its check-in would not go out
    const key = `${taskId}:${person.id}:2022-W16:checkin`;
    await db().nudge.create({ data: { key, taskId, personId: person.id, period: '2022-W16', kind: 'checkin', dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
    await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
    await drainNudges(h);
    const messageId = (await db().nudge.findUniqueOrThrow({ where: { key } })).messageId!;
    await h.fake.clickCard({ from: STAFF, messageId, value: { action: 'report-form', taskId, period: '2022-W16' }, formValue: { note: '摸底工作已全部完成' }, name: 'submit' });
    await drainInbound(h);
    expect(await doneOf()).toEqual([true, true]);
    const report = await db().report.findFirstOrThrow({ where: { taskId }, orderBy: { id: 'desc' } });
    expect(report).toMatchObject({ source: 'form', status: 'on_track' });
    expect((await db().milestone.findUniqueOrThrow({ where: { id: ids[0] } })).doneByReportId).toBe(report.id);
    expect(h.fake.messagesTo(STAFF).map(wordsOf).join('\n')).toContain('已记录：时间节点「4月底前完成摸底」已完成');
  });
});
