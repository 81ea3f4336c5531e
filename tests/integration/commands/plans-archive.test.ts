/**
 * Several plans over the years (issue #20): /plans lists them with their state; /archive ends one — its
 * pending nudges are cancelled, the sweep computes none for it, no digest is due for it — and everything it
 * recorded stays. Admins only; a second archive changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../../jobs/processors/nudge-sweep.js';
import { jobIdFor } from '../../../jobs/queues.js';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { importPlan } from '../../../bot/store/import-plan.js';
import { ADMIN, drainNudges, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness(); // clock: Monday 2022-04-11 10:00 Shanghai
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
async function say(from: string, text: string) {
  return (await h.command(from, text)).filter((m) => m.chatId === h.fake.p2pChatOf(from)).map(wordsOf).join('\n');
}

const NEXT_YEAR = ['重庆市綦江区科学技术局2023年工作要点', '一、培育创新主体', '1.培育高新技术企业。有效期高企达160家。', '2.培育科技型企业。新增科技型企业100家。'].join('\n');

describe('task codes across plans', () => {
  it('next year’s plan beside this year’s: a code both hold is asked for with its plan’s year (「2023-1」)', async () => {
    const parsed = parsePlan({ kind: 'text', name: '2023.txt', text: NEXT_YEAR });
    await importPlan(db(), { parsed, sourceName: '2023.txt', sourceText: NEXT_YEAR, actor: ADMIN, now: h.clock.now() });
    const both = await say(ADMIN, '/task 1');
    expect(both).toContain('2022-1 培育高新技术企业');
    expect(both).toContain('2023-1 培育高新技术企业');
    expect(await say(ADMIN, '/task 2023-1')).toContain('有效期高企达160家');
    expect((await say(ADMIN, '/task 2022年1')).replace(/&#45;/g, '-')).toContain('任务2022-1 培育高新技术企业');
  });
});

describe('/plans and /archive', () => {
  it('/plans lists each plan with its year, tasks and state; staff may not archive', async () => {
    const listed = await say(ADMIN, '/plans');
    expect(listed).toMatch(/1\s重庆市綦江区科学技术局2022年工作要点（2022年，2\d项任务，未办结 2\d项）\s进行中/);
    expect(listed).toMatch(/2\s重庆市綦江区科学技术局2023年工作要点（2023年，2项任务，未办结 2项）\s进行中/);
    expect(await say(STAFF, '/archive 1')).toContain('管理员');
    expect((await db().plan.findFirstOrThrow()).archivedAt).toBeNull();
    expect(await say(ADMIN, '/archive 1999')).toContain('没有找到计划「1999」');
  });

  it('archiving ends the plan: pending nudges cancelled, the sweep computes none, audited; the records stay', async () => {
    const task = await db().task.findFirstOrThrow({ where: { code: '1' } });
    const staff = await db().person.findUniqueOrThrow({ where: { openId: STAFF } });
    const key = `${task.id}:${staff.id}:2022-W15:checkin`;
    await db().nudge.create({ data: { key, taskId: task.id, personId: staff.id, period: '2022-W15', kind: 'checkin', dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
    const reports = await db().report.count();

    expect(await say(ADMIN, '/归档 2022')).toContain('已归档「重庆市綦江区科学技术局2022年工作要点」：不再催办、督办和发送周报');
    expect((await db().nudge.findUniqueOrThrow({ where: { key } })).state).toBe('cancelled');
    expect(await runSweep(h.bot.deps)).toMatchObject({ due: 0, enqueued: 0 });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'plan.archived' } });
    expect(entry.actor).toBe(ADMIN);
    expect(await db().report.count()).toBe(reports);
    expect(await say(ADMIN, '/plans')).toContain('已归档');
    expect(await say(ADMIN, '/archive 1')).toContain('已归档，无需重复操作');
    expect(await db().auditEntry.count({ where: { action: 'plan.archived' } })).toBe(1);
    // With last year's plan archived, a bare code means this year's.
    expect(await say(ADMIN, '/task 1')).toContain('有效期高企达160家');
  });

  it('/mine lists only tasks of plans in force; the archived plan’s task is still found by its code', async () => {
    expect(await say(STAFF, '/mine')).toContain('您目前没有负责的任务');
    const task = await db().task.findFirstOrThrow({ where: { code: '1', plan: { year: 2023 } } });
    const staff = await db().person.findUniqueOrThrow({ where: { openId: STAFF } });
    await db().assignment.create({ data: { taskId: task.id, personId: staff.id, role: 'owner', assignedBy: ADMIN, assignedAt: h.clock.now() } });
    const mine = await say(STAFF, '/mine');
    expect(mine).toContain('我的任务（1项）');
    expect(mine).toContain('培育高新技术企业');
    expect((await say(STAFF, '/task 2022-1')).replace(/&#45;/g, '-')).toContain('任务2022-1 培育高新技术企业');
  });

  it('a nudge already queued when the plan was archived is not sent', async () => {
    const task = await db().task.findFirstOrThrow({ where: { code: '2' } });
    const person = await db().person.findFirstOrThrow({ where: { assignments: { some: { taskId: task.id, role: 'owner' } } } });
    const key = `${task.id}:${person.id}:remind-x:remind`;
    await db().nudge.create({ data: { key, taskId: task.id, personId: person.id, period: 'x', kind: 'remind', dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });
    await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
    await drainNudges(h);
    expect(await db().nudge.findUniqueOrThrow({ where: { key } })).toMatchObject({ state: 'cancelled', error: '计划已归档' });
  });
});
