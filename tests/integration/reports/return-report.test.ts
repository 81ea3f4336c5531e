/**
 * 退回补充: the task's leaders and the admins return the latest report with a reason (by command and by
 * the card action); the period is 待补充 until a newer report, the owners get a 退回补充 nudge with the
 * reason and the report's words, and the refusals say why (issue #18, Review).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../../jobs/queues.js';
import { loadTaskState } from '../../../bot/store/task-states.js';
import { ADMIN, drainInbound, drainNudges, OTHER, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

const LEADER = 'ou_demo_hejianguo'; // 责任领导 of tasks 1–11

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness(); // clock: Monday 2022-04-11 10:00 Shanghai
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const task = (code: string) => db().task.findFirstOrThrow({ where: { code } });
async function say(from: string, text: string) {
  const answers = await h.command(from, text);
  return answers.filter((m) => m.chatId === h.fake.p2pChatOf(from)).map(wordsOf).join('\n');
}
const state = async (code: string) => (await loadTaskState(db(), { taskId: (await task(code)).id, now: h.clock.now(), calendar: h.bot.deps.calendar })).task.state;
const returnCards = (openId: string, code: string) =>
  h.fake.messagesTo(openId).filter((m) => m.msgType === 'interactive' && wordsOf(m).includes('报送已退回，请补充后重新报送') && wordsOf(m).includes(`任务${code} `));
async function click(from: string, messageId: string, value: Record<string, unknown>, formValue?: Record<string, unknown>) {
  const r = await h.fake.clickCard({ from, messageId, value, ...(formValue ? { formValue, name: 'submit' } : {}) });
  await drainInbound(h);
  return (r.body as { toast: { type: string; content: string } }).toast;
}

describe('/return (退回补充) by command', () => {
  it('is refused to someone who is neither the task’s leader nor an admin, and without a reason', async () => {
    await say(STAFF, '/report 1 已走访企业20家，按计划推进');
    expect(await say(OTHER, '/return 1 请补充企业名单')).toContain('只有该任务的责任领导或管理员可以退回报送');
    expect(await say(LEADER, '/return 1')).toContain('请填写退回理由');
    const report = await db().report.findFirstOrThrow({ where: { taskId: (await task('1')).id }, orderBy: { id: 'desc' } });
    expect(report.returnedAt).toBeNull();
    expect((await state('1')).reporting.why).toBe('reported');
  });

  it('returns the latest report: 待补充 until a newer one, audited, and the owner gets the reason and the report’s words with the form', async () => {
    expect(await say(LEADER, '/退回 1 请补充已走访企业名单')).toContain('已退回任务1「培育高新技术企业」的这条报送，理由已告知张敏；补充报送前，本期记为「待补充」并继续催报');
    await drainNudges(h);
    const t1 = await task('1');
    const report = await db().report.findFirstOrThrow({ where: { taskId: t1.id }, orderBy: { id: 'desc' } });
    expect(report).toMatchObject({ returnedBy: LEADER, returnReason: '请补充已走访企业名单', rawText: '已走访企业20家，按计划推进' });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'report.returned', taskId: t1.id } });
    expect(JSON.parse(entry.after!)).toEqual({ reportId: report.id, reason: '请补充已走访企业名单' });
    const s = await state('1');
    expect(s.reporting).toMatchObject({ reported: false, why: 'returned' });
    expect(s.reasons).toContainEqual({ kind: 'returned' });
    const [card, ...more] = returnCards(STAFF, '1');
    expect(more).toEqual([]);
    const words = wordsOf(card!);
    expect(words).toContain('何建国');
    expect(words).toContain('理由：请补充已走访企业名单');
    expect(words).toContain('原报送：「已走访企业20家，按计划推进」');
    expect(words).toContain('"report_form"');
    expect(await say(LEADER, '/task 1')).toContain('待补充');
    expect(await say(ADMIN, '/history 1')).toContain('退回补充');
    // The period's follow-up goes out again: a returned report does not answer it.
    const staff = await db().person.findUniqueOrThrow({ where: { openId: STAFF } });
    const key = `${t1.id}:${staff.id}:2022-W15:followup1`;
    await db().nudge.create({ data: { key, taskId: t1.id, personId: staff.id, period: '2022-W15', kind: 'followup1', dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
    await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
    await drainNudges(h);
    expect((await db().nudge.findUniqueOrThrow({ where: { key } })).state).toBe('sent');
  });

  it('a second return of the same report is answered with who returned it, and changes nothing', async () => {
    expect(await say(ADMIN, '/return 1 再补充')).toContain('这条报送已退回（何建国，2022-04-11 10:00），无需重复操作');
    expect(await db().auditEntry.count({ where: { action: 'report.returned' } })).toBe(1);
  });

  it('the owner’s reply to the 退回补充 card is a new report: the period is reported again and the card shows it', async () => {
    const [card] = returnCards(STAFF, '1');
    h.clock.set(new Date(h.clock.now().getTime() + 3600_000));
    const said = await h.fake.userSays({ from: STAFF, text: '已补充：走访名单见附件，共20家', replyTo: card!.messageId });
    await said.delivery;
    await drainInbound(h);
    const s = await state('1');
    expect(s.reporting).toMatchObject({ reported: true, why: 'reported' });
    expect(s.reasons).not.toContainEqual({ kind: 'returned' });
    expect(wordsOf(h.fake.message(card!.messageId)!.history.at(-1)! as never)).toContain('已报送');
  });
});

describe('the report-return card action', () => {
  it('refuses an older report, an empty reason and a non-leader; returns the latest with a reason and says so', async () => {
    const t1 = await task('1');
    const [older, second] = await db().report.findMany({ where: { taskId: t1.id }, orderBy: { id: 'asc' } });
    await say(STAFF, '/report 1 企业联系人名单另行报送');
    const latest = await db().report.findFirstOrThrow({ where: { taskId: t1.id }, orderBy: { id: 'desc' } });
    const answers = await h.command(LEADER, '/task 1');
    const leaderCard = answers.find((m) => m.msgType === 'interactive')!;
    const value = (reportId: number) => ({ action: 'report-return', taskId: t1.id, reportId });
    expect(await click(LEADER, leaderCard.messageId, value(older!.id), { reason: '补充' })).toEqual({ type: 'info', content: '这条报送已退回（何建国，2022-04-11 10:00），无需重复操作' });
    expect((await click(LEADER, leaderCard.messageId, value(second!.id), { reason: '补充' })).content).toBe('这条报送之后已有新的报送，请查看最新进展');
    expect((await click(LEADER, leaderCard.messageId, value(latest.id), { reason: '  ' })).content).toBe('请填写退回理由（需要补充什么），理由将告知责任人');
    const staffCard = (await h.command(STAFF, '/task 1')).find((m) => m.msgType === 'interactive')!;
    expect((await click(STAFF, staffCard.messageId, value(latest.id), { reason: '自己退回' })).content).toBe('只有该任务的责任领导或管理员可以退回报送');
    const ok = await click(LEADER, leaderCard.messageId, value(latest.id), { reason: '名单缺少企业联系人' });
    expect(ok).toEqual({ type: 'success', content: '已退回，理由将告知责任人' });
    await drainNudges(h);
    expect((await db().report.findUniqueOrThrow({ where: { id: latest.id } })).returnReason).toBe('名单缺少企业联系人');
    expect(h.fake.messagesTo(LEADER).filter((m) => m.parentId === leaderCard.messageId).map(wordsOf).join('\n')).toContain('已退回任务1「培育高新技术企业」的这条报送');
    // The new 退回补充 card asks; the first one still shows the report that made it good.
    expect(returnCards(STAFF, '1').map((m) => wordsOf(m).includes('理由：名单缺少企业联系人'))).toEqual([true]);
    const sent = await db().nudge.findMany({ where: { kind: { startsWith: 'return-' } }, orderBy: { id: 'asc' } });
    const cards = sent.map((n) => wordsOf(h.fake.messagesTo(STAFF).find((m) => m.messageId === n.messageId)!));
    expect(cards.length).toBe(2);
    expect(cards[0]).toContain('已报送');
    expect(cards[0]).toContain('（张敏，2022-04-11 11:00）');
    expect(cards[1]).toContain('理由：名单缺少企业联系人');
  });

  it('is refused on a closed task', async () => {
    await say(STAFF, '/report 4 国高创建材料已报送');
    expect(await say(ADMIN, '/done 4')).toContain('已办结');
    expect(await say(LEADER, '/return 4 请补充')).toContain('任务已办结，无法退回报送');
  });
});
