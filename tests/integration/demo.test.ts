/**
 * The live demo, headless at full speed through its first week and a half:
 * the production bot against the fake Feishu with simulated colleagues.
 * Each colleague's style shows up in the store, the admin's actions take
 * effect, a task is finished and confirmed, a bare 已完成 is returned and the
 * owner carries on, the digest reaches the leaders' group, and nothing is sent twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../bot/domain/calendar/shanghai-time.js';
import { DEMO_ADMIN, LEADERS_GROUP, type Style } from '../../bot/demo/cast.js';
import { parseOwners } from '../../bot/domain/owners/parse-owners.js';
import { proposalRows } from '../../bot/domain/owners/propose.js';
import { readPlanFile } from '../../bot/plan-files/read-plan-file.js';
import { findProposal } from '../../bot/store/owner-proposals.js';
import { RETURN_REASON } from '../../bot/demo/leaders.js';
import { startDemo, type Demo } from '../../bot/demo/start-demo.js';
import { tmpdir } from 'node:os';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { summaryText } from '../../bot/demo/summary.js';
import { join } from 'node:path';
import { REDIS_URL } from '../helpers/bot-harness.js';

const at = (local: string) => new Date(`${local}+08:00`);
const dir = mkdtempSync(join(tmpdir(), 'workplan-demo-'));
let demo: Demo;

const who = (style: Style) => demo.cast.find((c) => c.style === style)!;
const reportsOf = (style: Style) =>
  demo.bot.deps.db.report.findMany({ where: { person: { openId: who(style).openId } }, include: { values: true, task: true }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  demo = await startDemo({ speed: 'max', until: at('2022-03-30T12:00:00'), console: false, redisUrl: REDIS_URL, dataDir: dir });
  await demo.run();
}, 240_000);
afterAll(async () => {
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run demo, headless', () => {
  it('ran to the requested time with nothing failed and no message sent twice', async () => {
    expect(demo.clock.now()).toEqual(at('2022-03-30T12:00:00'));
    const s = await demo.summary();
    expect(s).toMatchObject({ nudgesFailed: 0, digestsFailed: 0, errors: [] });
    expect(s.nudgesSent).toBeGreaterThanOrEqual(23);
    const uuids = demo.fake.messages({ sender: 'bot' }).map((m) => m.uuid);
    expect(uuids.every((u) => u)).toBe(true);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('started from the plan alone: the owners were proposed from the directory and the admin confirmed them on the card', async () => {
    const db = demo.bot.deps.db;
    const proposal = await db.ownerProposal.findFirstOrThrow({ where: { state: 'confirmed' } });
    expect(proposal.decidedBy).toBe(DEMO_ADMIN.openId);
    expect(await db.ownerProposal.count()).toBe(1);
    const file = await readPlanFile(join(import.meta.dirname, '../../plans/qijiang-2022-owners.csv'));
    const owners = parseOwners(file.kind === 'table' ? file.rows : []);
    const key = (r: { taskCode: string; role: string; openId: string | null }) => `${r.taskCode}:${r.role}:${r.openId}`;
    const proposed = proposalRows((await findProposal(db, proposal.id))!.tasks);
    expect(proposed.map(key).sort()).toEqual(owners.map(key).sort());
    // Confirmed through the card: the click came back as a card callback, and the card shows the outcome.
    const confirmed = await db.auditEntry.findFirstOrThrow({ where: { action: 'proposal.confirmed' } });
    expect(confirmed.actor).toBe(DEMO_ADMIN.openId);
    expect(confirmed.messageId).toMatch(/^om_/);
    expect(JSON.stringify(demo.fake.message(confirmed.messageId!)!.content)).toContain('已确认');
  });

  it('each colleague answered in their own way', async () => {
    const numbers = await reportsOf('numbers');
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.some((r) => r.source === 'reply' && r.values.length > 0)).toBe(true);
    const clicks = await reportsOf('button');
    expect(clicks.every((r) => r.source === 'button')).toBe(true);
    expect(clicks.filter((r) => r.status !== 'on_track').map((r) => r.status)).toEqual(['done']); // the one returned below
    expect((await reportsOf('form')).some((r) => r.source === 'form')).toBe(true);
    // Her answer to the leader's 批示 says the difficulty is solved; every check-in answer reports the risk.
    expect((await reportsOf('risk')).filter((r) => !r.rawText.startsWith('收到批示')).every((r) => r.status === 'at_risk')).toBe(true);
    expect((await reportsOf('blocker')).every((r) => r.status === 'blocked')).toBe(true);
    expect((await reportsOf('date')).some((r) => r.expectedOn)).toBe(true);
    expect(await reportsOf('silent')).toEqual([]);
    const slow = await reportsOf('slow');
    expect(slow.length).toBeGreaterThan(0);
    expect(slow.every((r) => shanghaiDate(r.createdAt) !== '2022-03-21')).toBe(true); // a day late
    for (const r of numbers) expect(r.rawText.length).toBeGreaterThan(0);
  });

  it('the one who never answers got follow-ups; the one on leave got nothing during leave', async () => {
    const silent = await demo.bot.deps.db.nudge.findMany({ where: { state: 'sent', person: { openId: who('silent').openId } } });
    expect(silent.some((n) => n.kind.startsWith('followup'))).toBe(true);
    const away = who('leave');
    const leave = await demo.bot.deps.db.leave.findFirstOrThrow({ where: { person: { openId: away.openId } } });
    expect([leave.fromDate, leave.toDate]).toEqual(['2022-03-28', '2022-04-01']);
    const sent = await demo.bot.deps.db.nudge.findMany({ where: { state: 'sent', person: { openId: away.openId } } });
    expect(sent.filter((n) => n.sentAt! >= at('2022-03-28T00:00:00'))).toEqual([]);
  });

  it('the admin reassigned a task and approved the blocked colleague’s extension', async () => {
    const moved = await demo.bot.deps.db.auditEntry.findFirstOrThrow({ where: { action: { startsWith: 'assignment' }, actor: { contains: 'admin' } } });
    expect(moved.taskId).not.toBeNull();
    const approved = await demo.bot.deps.db.auditEntry.findFirstOrThrow({ where: { action: 'extension.approved' } });
    expect(approved.actor).toBe(demo.cast.find((c) => c.kind === 'admin')!.openId);
    const task = await demo.bot.deps.db.task.findUniqueOrThrow({ where: { id: approved.taskId! } });
    expect(task.deadline).toBe('2023-03-31');
  });

  it('an owner reported a task done in words and its leader confirmed it: closed, the owner told, no nudge since', async () => {
    const db = demo.bot.deps.db;
    const finisher = who('date');
    const report = (await reportsOf('date')).find((r) => r.status === 'done')!;
    expect(report.source).toBe('text');
    const confirmed = await db.auditEntry.findFirstOrThrow({ where: { action: 'task.lifecycle', taskId: report.taskId, after: { contains: '"event":"confirm"' } } });
    expect(demo.cast.find((c) => c.openId === confirmed.actor)?.kind).toBe('leader');
    expect(report.task.code).toBe('22');
    expect((await db.task.findUniqueOrThrow({ where: { id: report.taskId } })).status).toBe('closed');
    expect(demo.fake.messagesTo(finisher.openId).some((m) => JSON.stringify(m.content).includes(`任务22「营造科技创新氛围」已由罗晓梅确认办结`))).toBe(true);
    expect(await db.nudge.count({ where: { taskId: report.taskId, state: 'sent', sentAt: { gte: report.createdAt } } })).toBe(0);
  });

  it('a bare click on 已完成 was returned with a reason; the owner was told why and reported on track again the next week', async () => {
    const db = demo.bot.deps.db;
    const clicker = who('button');
    const done = (await reportsOf('button')).find((r) => r.status === 'done')!;
    const returned = await db.auditEntry.findFirstOrThrow({ where: { action: 'task.lifecycle', taskId: done.taskId, after: { contains: '"event":"return"' } } });
    expect(JSON.parse(returned.after!).reason).toBe(RETURN_REASON);
    expect((await db.task.findUniqueOrThrow({ where: { id: done.taskId } })).status).toBe('active');
    expect(demo.fake.messagesTo(clicker.openId).some((m) => JSON.stringify(m.content).includes(`退回，理由：${RETURN_REASON}`))).toBe(true);
    const later = (await reportsOf('button')).filter((r) => r.taskId === done.taskId && r.createdAt > returned.at);
    expect(later.map((r) => r.status)).toContain('on_track');
  });

  it('the leaders’ side: a 批示 the owner answered in its thread, one 督办（加急）, a returned report made good with a photo', async () => {
    const db = demo.bot.deps.db;
    const risk = who('risk');
    const instruction = await db.instruction.findFirstOrThrow({ include: { task: true } });
    expect(instruction.source).toBe('command');
    const notice = demo.fake.messagesTo(risk.openId).find((m) => JSON.stringify(m.content).includes('【领导批示】'))!;
    const answered = await db.report.findFirstOrThrow({ where: { person: { openId: risk.openId }, rawText: { startsWith: '收到批示' } } });
    expect(answered.taskId).toBe(instruction.taskId);
    expect(demo.fake.messages({ sender: risk.openId }).some((m) => m.parentId === notice.messageId)).toBe(true);

    const silent = who('silent');
    expect(demo.fake.buzzes().filter((b) => b.openId === silent.openId).length).toBe(1);

    const form = who('form');
    const returned = await db.report.findFirstOrThrow({ where: { person: { openId: form.openId }, returnedAt: { not: null } } });
    const supplement = await db.report.findFirstOrThrow({ where: { taskId: returned.taskId, createdAt: { gt: returned.returnedAt! } }, include: { evidence: true } });
    expect(supplement.rawText).toContain('补充说明');
    expect(supplement.evidence.map((e) => [e.kind, e.error])).toEqual([['image', null]]);

    const numbers = await db.evidence.findFirstOrThrow({ where: { person: { openId: who('numbers').openId } } });
    expect(numbers.reportId).not.toBeNull();
    expect(existsSync(join(dir, 'evidence', numbers.storedPath!))).toBe(true);

    const text = summaryText(await demo.summary(), at('2022-03-21T09:00:00'), demo.clock.now());
    for (const line of ['批示：1', '加急：1', '佐证材料：2', '办结：1', '退回：2（退回补充 1，退回完成申请 1）']) expect(text.split('\n')).toContain(line);
    expect(text).not.toMatch(/checkin|followup|button|form|reply/);
  });

  it('the weekly digest with its chart reached the leaders’ group on Friday at 16:00', async () => {
    const cards = demo.fake.messagesIn(LEADERS_GROUP.chatId).filter((m) => m.sender === 'bot' && m.msgType === 'interactive');
    const digest = cards.find((m) => JSON.stringify(m.content).includes('"tag":"chart"'));
    expect(digest).toBeDefined();
    expect(new Date(digest!.createTime)).toEqual(at('2022-03-25T16:00:00'));
  });
});
