/**
 * The leader's escalation (nudge kinds `leader-*`) is a card of its own, sent by the send-nudge job
 * through the real SDK: the task, its owners and collaborators by name, how many working days
 * overdue and how far behind pace (the engine's state), the blocker in the owner's words, the pending
 * extension request with 同意延期 / 不同意 (the existing actions, which work from it), the 批示 form,
 * 督办（加急）, 退回补充 of the latest report — no status buttons, no report form. The owner's nudge
 * stays as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../../jobs/queues.js';
import { loadTaskState } from '../../../bot/store/task-states.js';
import { drainInbound, drainNudges, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

const LEADER = 'ou_demo_hejianguo'; // 责任领导 of tasks 1–11
const CHEN = 'ou_demo_chenjing'; // owner of tasks 10 and 11
const PERIOD = '2022-03-31'; // ladder nudges carry the deadline as their period

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const task = (code: string) => db().task.findFirstOrThrow({ where: { code } });

/** Sends a nudge of `kind` on task `code` to `openId` through the send-nudge job; resolves to the card sent. */
async function nudge(openId: string, code: string, kind: string) {
  const t = await task(code);
  const person = await db().person.findUniqueOrThrow({ where: { openId } });
  const key = `${t.id}:${person.id}:${PERIOD}:${kind}`;
  await db().nudge.create({ data: { key, taskId: t.id, personId: person.id, period: PERIOD, kind, dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
  await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
  await drainNudges(h);
  const row = await db().nudge.findUniqueOrThrow({ where: { key } });
  expect(row.state).toBe('sent');
  return h.fake.message(row.messageId!)!;
}

/** Every callback value on a card, by action. */
function actions(card: { content: unknown }): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  JSON.stringify(card.content, (k, v) => {
    if (k === 'value' && v && typeof v === 'object' && 'action' in v) out.push(v as Record<string, unknown>);
    return v;
  });
  return out;
}
const forms = (card: { content: unknown }) => [...JSON.stringify(card.content).matchAll(/"tag":"form","name":"(\w+)"/g)].map((m) => m[1]);

describe('the escalation card', () => {
  let card: ReturnType<typeof h.fake.message> & object;
  let t11: Awaited<ReturnType<typeof task>>;
  let blockerId: number;
  let requestId: number;

  beforeAll(async () => {
    t11 = await task('11');
    await db().task.update({ where: { id: t11.id }, data: { deadline: PERIOD, plannedDeadline: PERIOD } });
    await h.command(CHEN, '/report 11 科技成果登记45项，技术合同登记8500万元。受阻：技术市场场地尚未落实');
    blockerId = (await db().report.findFirstOrThrow({ where: { taskId: t11.id }, orderBy: { id: 'desc' } })).id;
    await h.command(CHEN, '/extend 11 6月30日 场地落实需要时间');
    requestId = (await db().auditEntry.findFirstOrThrow({ where: { action: 'extension.requested', taskId: t11.id } })).id;
    card = (await nudge(LEADER, '11', 'leader-overdue-6')) as typeof card;
  });

  it('names the task, its owner and collaborator, how far overdue and behind pace, as the engine has it', async () => {
    const s = (await loadTaskState(db(), { taskId: t11.id, now: h.clock.now(), calendar: h.bot.deps.calendar })).task.state;
    expect(s.progress).toBe('overdue');
    expect(s.progressSource).toMatchObject({ id: blockerId, status: 'blocked' });
    const words = wordsOf(card);
    expect(words).toContain('督办：任务11');
    expect(words).toContain('陈静');
    expect(words).toContain('协办');
    expect(words).toContain('刘洋');
    expect(words).toContain(`已逾期 ${-s.deadline.workdaysLeft} 个工作日`);
    expect(s.deadline.workdaysLeft).toBeLessThan(0);
    // Each target with its latest value and where it should be by now (序时应达), in the target's unit.
    const money = s.targets.find((g) => g.unit === '亿元')!;
    expect(words).toContain('0.85');
    expect(words).toContain(`序时应达${money.expected}`);
    expect(words).toContain('严重落后序时');
  });

  it('shows the blocker in the owner’s words, and the pending extension request with its buttons', () => {
    const words = wordsOf(card);
    expect(words).toContain('困难问题（受阻）');
    expect(words).toContain('技术市场场地尚未落实');
    expect(words).toContain('申请延至 2022-06-30');
    expect(words).toContain('场地落实需要时间');
    expect(actions(card)).toEqual(expect.arrayContaining([
      { action: 'extend-approve', requestId, taskId: t11.id, to: '2022-06-30' },
      { action: 'extend-refuse', requestId, taskId: t11.id, to: '2022-06-30' },
    ]));
  });

  it('offers the leader’s actions only: 批示, 督办（加急）, 退回补充 of the latest report', () => {
    const acts = actions(card);
    expect(acts).toEqual(expect.arrayContaining([
      { action: 'leader-instruct', taskId: t11.id },
      { action: 'leader-urge', taskId: t11.id },
      { action: 'report-return', taskId: t11.id, reportId: blockerId },
    ]));
    expect(acts.map((a) => a.action)).not.toContain('report-status');
    expect(acts.map((a) => a.action)).not.toContain('report-form');
    expect(forms(card)).toEqual(['instruct_form', 'return_form']);
    expect(JSON.stringify(card.content)).toContain('"name":"instruction"');
    expect(JSON.stringify(card.content)).toContain('"name":"reason"');
  });

  it('its 同意延期 is the extension’s own action: the request is decided from the escalation', async () => {
    const r = await h.fake.clickCard({ from: LEADER, messageId: card.messageId, value: actions(card).find((a) => a.action === 'extend-approve') });
    await drainInbound(h);
    expect(r.body).toMatchObject({ toast: { type: 'success', content: expect.stringContaining('2022-06-30') } });
    expect((await task('11')).deadline).toBe('2022-06-30');
  });

  it('follows the task: once the owner reports it done, the card offers 确认办结 / 退回 instead of 退回补充, and they decide', async () => {
    await h.command(CHEN, '/report 11 全部任务已完成');
    expect((await task('11')).status).toBe('done_pending');
    const request = await db().auditEntry.findFirstOrThrow({ where: { action: 'task.lifecycle', taskId: t11.id }, orderBy: { id: 'desc' } });
    const now = h.fake.message(card.messageId)!;
    expect(wordsOf(now)).toContain('全部任务已完成');
    const acts = actions(now);
    expect(acts).toEqual(expect.arrayContaining([
      { action: 'completion-confirm', taskId: t11.id, requestId: request.id },
      { action: 'completion-return', taskId: t11.id, requestId: request.id },
    ]));
    expect(acts.map((a) => a.action)).not.toContain('report-return');
    expect(forms(now)).toEqual(['instruct_form', 'completion_form']);
    const r = await h.fake.clickCard({ from: LEADER, messageId: card.messageId, value: acts.find((a) => a.action === 'completion-confirm') });
    await drainInbound(h);
    expect(r.body).toMatchObject({ toast: { type: 'success' } });
    expect((await task('11')).status).toBe('closed');
  });

  it('the owner’s nudge stays the owner’s card: status buttons and the report form', async () => {
    const owner = await nudge(CHEN, '10', 'overdue-6');
    expect(actions(owner).map((a) => a.action)).toContain('report-status');
    expect(forms(owner)).toEqual(['report_form']);
    expect(wordsOf(owner)).not.toContain('督办：');
  });
});
