/**
 * Owners help themselves (issue #20): 「明天再报」 snoozes a task's check-in (bounded, audited, the held
 * follow-up not sent, one reminder at the asked time); 「已在会上汇报」 records a report without content
 * marked 会上汇报; 「/leave 取消」 ends a leave in progress or removes the next one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../../jobs/processors/nudge-sweep.js';
import { onText } from '../../../bot/handlers/reports/on-text.js';
import { SOURCE_WORDS } from '../../../bot/ledger/words.js';
import { loadTaskState } from '../../../bot/store/task-states.js';
import { ADMIN, at, drainInbound, drainNudges, OTHER, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness(); // clock: Monday 2022-04-11 10:00 Shanghai
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const task = (code: string) => db().task.findFirstOrThrow({ where: { code } });
const personOf = (openId: string) => db().person.findUniqueOrThrow({ where: { openId } });
async function say(from: string, text: string) {
  const answers = await h.command(from, text);
  return answers.filter((m) => m.chatId === h.fake.p2pChatOf(from)).map(wordsOf).join('\n');
}
async function sweepAt(local: string) {
  h.clock.set(at(local));
  await runSweep(h.bot.deps);
  await drainNudges(h);
}
const nudgeState = async (code: string, openId: string, period: string, kind: string) =>
  (await db().nudge.findUnique({ where: { key: `${(await task(code)).id}:${(await personOf(openId)).id}:${period}:${kind}` } }))?.state ?? null;

describe('snoozing a check-in (「明天再报」)', () => {
  it('needs the task when the owner has several, and records nothing', async () => {
    expect(await say(STAFF, '明天再报')).toContain('您负责多项任务，请说明是哪一项，例如「任务1 明天再报」');
    expect(await db().snooze.count()).toBe(0);
    expect(await db().report.count()).toBe(0);
  });

  it('snoozes to the next working day 9:30, audited, confirmed in Chinese; not a report', async () => {
    expect(await say(STAFF, '任务1 明天再报')).toContain('好的，明天（4月12日）9:30 再提醒您填报任务1。');
    const t1 = await task('1');
    const z = await db().snooze.findFirstOrThrow({ where: { taskId: t1.id } });
    expect(z).toMatchObject({ period: '2022-W15', until: at('2022-04-12T09:30:00') });
    expect(await db().report.count({ where: { taskId: t1.id } })).toBe(0);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'checkin.snoozed', taskId: t1.id } });
    expect(JSON.parse(entry.after!)).toMatchObject({ period: '2022-W15', remindAt: '2022-04-12 09:30', ask: 'tomorrow' });
  });

  it('/mine and /task show it from the engine: 「已延后至 4月12日（明天再报）」', async () => {
    const mine = await say(STAFF, '/mine');
    const lines = mine.split('\\n'); // the card's markdown, as JSON
    expect(lines.find((l) => l.includes('任务1'))).toMatch(/｜暂无进展｜已延后至 4月12日（明天再报）$/);
    expect(lines.find((l) => l.includes('任务4'))).not.toContain('已延后');
    expect(await say(STAFF, '/task 1')).toContain('**本期报送**：张敏已延后至 4月12日（明天再报）');
    const status = (await say(ADMIN, '/status')).split('\\n');
    expect(status.find((l) => l.includes('任务1'))).toMatch(/（张敏已延后至 4月12日（明天再报））$/);
    expect(status.find((l) => l.includes('任务4'))).not.toContain('已延后');
  });

  it('the check-in missed before is held; one reminder goes out at the asked time', async () => {
    await sweepAt('2022-04-12T09:30:00');
    expect(await nudgeState('1', STAFF, '2022-W15', 'checkin')).toBe('skipped');
    expect(await nudgeState('1', STAFF, '2022-W15', 'snooze1')).toBe('sent');
    const reminder = h.fake.messagesTo(STAFF).filter((m) => wordsOf(m).includes('按您的约定，现在提醒您填报本期进展'));
    expect(reminder).toHaveLength(1);
  });

  it('「下周再报」 in reply to the reminder holds the rest of the period: the follow-ups are not sent', async () => {
    const reminder = (await db().nudge.findFirstOrThrow({ where: { kind: 'snooze1', taskId: (await task('1')).id } })).messageId!;
    h.clock.set(at('2022-04-12T10:00:00'));
    const said = await h.fake.userSays({ from: STAFF, text: '下周再报', replyTo: reminder });
    await said.delivery;
    await drainInbound(h);
    await drainNudges(h);
    const answers = await say(STAFF, '任务1 下周再报'); // a second message: over the bound now
    expect(answers).toContain('任务1本期已推迟提醒 2 次，不能再推迟了');
    expect(h.fake.messagesTo(STAFF).map(wordsOf).join('\n')).toContain('好的，本期不再催报任务1；下一期的填报提醒（下周一（4月18日）9:30）照常发送。');
    await sweepAt('2022-04-13T09:30:00');
    await sweepAt('2022-04-15T09:30:00');
    expect(await nudgeState('1', STAFF, '2022-W15', 'followup1')).toBe('skipped');
    expect(await nudgeState('1', STAFF, '2022-W15', 'followup2')).toBe('skipped');
    expect(await nudgeState('1', STAFF, '2022-W15', 'snooze2')).toBeNull();
    // Task 4 of the same owner, not snoozed, is followed up as before.
    expect(await nudgeState('4', STAFF, '2022-W15', 'followup2')).toBe('sent');
    expect(await db().auditEntry.count({ where: { action: 'checkin.snoozed', taskId: (await task('1')).id } })).toBe(2);
  });

  it('a message handled twice (a retried job) snoozes once and shows one answer', async () => {
    const t4 = await task('4');
    h.clock.set(at('2022-04-15T10:00:00')); // Friday: 明天 is next week, whose check-in comes anyway
    expect(await say(STAFF, '任务4 明天再报')).toContain('好的，本期不再催报任务4；下一期的填报提醒（下周一（4月18日）9:30）照常发送。');
    const { messageId } = await db().snooze.findFirstOrThrow({ where: { taskId: t4.id } });
    const ctx = {
      eventId: 'ev_snooze_again', messageId: messageId!, chatId: h.fake.p2pChatOf(STAFF), chatType: 'p2p', senderOpenId: STAFF,
      rootId: null, parentId: null, text: '任务4 明天再报', people: [], messageType: 'text', content: '{}',
      evidence: { files: [], links: [], words: true, skipped: 0 },
    };
    await onText(h.bot.deps, ctx);
    expect(await db().snooze.count({ where: { taskId: t4.id } })).toBe(1);
    expect(await db().auditEntry.count({ where: { action: 'checkin.snoozed', taskId: t4.id } })).toBe(1);
    expect(h.fake.messages({ sender: 'bot' }).filter((m) => wordsOf(m).includes('本期不再催报任务4'))).toHaveLength(1);
    await db().snooze.deleteMany({ where: { taskId: t4.id } });
  });

  it('is refused past the task’s deadline', async () => {
    await db().task.update({ where: { id: (await task('4')).id }, data: { deadline: '2022-04-15' } });
    expect(await say(STAFF, '任务4 下周再报')).toContain('任务4的完成时限是 2022-04-15，不能推迟到时限之后再提醒');
    expect(await db().snooze.count({ where: { taskId: (await task('4')).id } })).toBe(0);
  });
});

describe('「已在会上汇报」', () => {
  it('records a report without content marked 会上汇报: the period counts as reported and the follow-ups stop', async () => {
    h.clock.set(at('2022-04-18T10:00:00'));
    const words = await say(OTHER, '任务2 已在会上汇报过');
    expect(words).toContain('已记为会上汇报');
    expect(words).toContain('本期的进展记为「会上汇报」，本期视为已填报，不再催报');
    expect(words).toContain('欢迎直接回复本期的具体进展');
    const t2 = await task('2');
    const report = await db().report.findFirstOrThrow({ where: { taskId: t2.id } });
    expect(report).toMatchObject({ source: 'meeting', status: null, rawText: '任务2 已在会上汇报过', period: '2022-W16' });
    const state = await loadTaskState(db(), { taskId: t2.id, now: h.clock.now(), calendar: h.bot.deps.calendar });
    expect(state.task.state.reporting.reported).toBe(true);
    await sweepAt('2022-04-20T09:30:00');
    expect(await nudgeState('2', OTHER, '2022-W16', 'followup1')).toBeNull(); // an answered period has no steps
    expect(await nudgeState('3', OTHER, '2022-W16', 'followup1')).toBe('sent');
    expect(await say(OTHER, '/task 2')).toContain('（会上汇报）：任务2 已在会上汇报过');
    expect(SOURCE_WORDS.meeting).toBe('会上汇报');
  });

  it('by command too: /report N 会上已汇报', async () => {
    expect(await say(STAFF, '/report 4 会上已汇报')).toContain('已记为会上汇报');
    const report = await db().report.findFirstOrThrow({ where: { taskId: (await task('4')).id }, orderBy: { id: 'desc' } });
    expect(report).toMatchObject({ source: 'meeting', status: null, rawText: '会上已汇报' });
  });

  it('a longer message that says more is an ordinary report', async () => {
    await say(OTHER, '任务3 已在会上汇报，项目已完成80%');
    const report = await db().report.findFirstOrThrow({ where: { taskId: (await task('3')).id } });
    expect(report.source).toBe('text');
    expect(report.percent).toBe(80);
  });
});

describe('/leave 取消', () => {
  it('says so when there is nothing to cancel', async () => {
    expect(await say(STAFF, '/leave 取消')).toContain('您目前没有今天及以后的请假，无需取消');
    expect(await db().auditEntry.count({ where: { action: 'leave.cancelled' } })).toBe(0);
  });

  it('ends a leave in progress yesterday, and removes a future one; audited', async () => {
    const staff = await personOf(STAFF);
    h.clock.set(at('2022-04-20T10:00:00'));
    await db().leave.create({ data: { personId: staff.id, fromDate: '2022-04-18', toDate: '2022-04-22', createdAt: h.clock.now() } });
    expect(await say(STAFF, '/请假 取消')).toContain('已结束请假（原登记 2022-04-18 至 2022-04-22），记为请假至 2022-04-19。从今天起恢复催办。');
    expect(await db().leave.findMany({ where: { personId: staff.id }, select: { fromDate: true, toDate: true } })).toEqual([{ fromDate: '2022-04-18', toDate: '2022-04-19' }]);
    expect(await say(STAFF, '/leave 4月25日-4月26日')).toContain('已登记请假');
    expect(await say(STAFF, '/leave cancel')).toContain('已取消请假：2022-04-25 至 2022-04-26。期间将照常催办。');
    expect(await db().leave.count({ where: { personId: staff.id, fromDate: '2022-04-25' } })).toBe(0);
    const entries = await db().auditEntry.findMany({ where: { action: 'leave.cancelled' }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => [JSON.parse(e.before!).to, e.after && JSON.parse(e.after).to])).toEqual([['2022-04-22', '2022-04-19'], ['2022-04-26', null]]);
    expect(await say(ADMIN, '/history 1')).not.toContain('undefined');
  });
});
