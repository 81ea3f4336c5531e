/**
 * Nudges and replies through the whole path with a simulated clock: the
 * seed plan with owners, walked through April–May 2022. Sweeps run at the
 * clock's time; cards go out through the real SDK to the fake Feishu; owners
 * answer by thread reply, button, form and free text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { STATUS_WORDS } from '../../bot/feishu/cards/nudge-card.js';
import { runSweep } from '../../jobs/processors/nudge-sweep.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedPlan } from '../helpers/seed.js';
import { waitFor } from '../helpers/wait-for.js';

const ZHANG = 'ou_demo_zhangmin'; // task 1
const LI = 'ou_demo_liqiang'; // tasks 2 and 3
const CHEN = 'ou_demo_chenjing'; // task 11
const TASKS = new Set(['1', '2', '3', '11']);

const at = (local: string) => new Date(`${local}+08:00`);
const clock = manualClock(at('2022-03-28T08:00:00'));
let h: Harness;

/** Shanghai wall time of an instant, 'YYYY-MM-DD HH:mm'. */
const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

async function drain() {
  await waitFor(async () => {
    const c = await h.bot.deps.queues.nudges.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused');
    const busy = Object.values(c).reduce((a, b) => a + b, 0);
    const open = await h.bot.deps.db.nudge.count({ where: { state: { in: ['pending', 'sending'] } } });
    return busy === 0 && open === 0;
  }, 60_000, 'nudges to drain');
}

async function inbound() {
  await waitFor(async () => {
    const c = await h.bot.deps.queues.inbound.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0) === 0;
  }, 60_000, 'inbound to drain');
}

/** Moves the clock through each step of each day up to `until`, sweeping and sending at every step. */
async function walk(untilLocal: string) {
  const until = at(untilLocal).getTime();
  while (clock.now().getTime() < until) {
    const d = clock.now();
    const day = local(d).slice(0, 10);
    for (const hhmm of ['08:00', '09:30', '12:00', '16:00', '19:00']) {
      const t = at(`${day}T${hhmm}:00`);
      if (t.getTime() < d.getTime() || t.getTime() > until) continue;
      clock.set(t);
      await runSweep(h.bot.deps);
      await drain();
    }
    clock.set(at(`${new Date(at(`${day}T12:00:00`).getTime() + 86_400_000).toISOString().slice(0, 10)}T08:00:00`));
  }
  clock.set(at(untilLocal));
}

async function sentTimes(openId: string, code: string): Promise<string[]> {
  const rows = await h.bot.deps.db.nudge.findMany({
    where: { state: 'sent', person: { openId }, task: { code } },
    orderBy: { sentAt: 'asc' },
  });
  return rows.map((r) => `${local(r.sentAt!)} ${r.kind}`);
}

const cardsTo = (openId: string) => h.fake.messagesTo(openId).filter((m) => m.msgType === 'interactive');
const titleOf = (m: { content: { header?: { title?: { content?: string } } } }) => m.content.header?.title?.content ?? '';

beforeAll(async () => {
  h = await startHarness({ clock, env: { SEND_RATE_PER_SECOND: '50', SWEEP_EVERY_SECONDS: '3600' } });
  await seedPlan(h.bot.deps.db, { now: clock.now(), fake: h.fake, onlyTasks: TASKS });
});
afterAll(async () => h?.close());

describe('check-ins on working days of the Chinese calendar', () => {
  it('sends task 1’s check-ins and follow-ups at 09:30 on working days, skipping holidays and using make-up days', async () => {
    await walk('2022-04-10T20:00:00');
    expect(await sentTimes(ZHANG, '1')).toEqual([
      '2022-03-28 09:30 checkin',
      '2022-03-30 09:30 followup1',
      '2022-04-02 09:30 followup2', // make-up Saturday
      '2022-04-06 09:30 checkin', // Qingming 3–5 April skipped
      '2022-04-08 09:30 followup1', // third and last working day coincide: one follow-up
    ]);
    const cards = cardsTo(ZHANG);
    expect(cards).toHaveLength(5);
    expect(titleOf(cards[0]!)).toBe('任务1 培育高新技术企业');
    expect(JSON.stringify(cards[0]!.content)).toContain('有效期高企');
    expect(new Set(cards.map((c) => c.uuid)).size).toBe(5);
  }, 120_000);

  it('a thread reply records the report, confirms it and stops that week’s follow-ups', async () => {
    await walk('2022-04-11T10:00:00');
    const checkin = cardsTo(ZHANG).at(-1)!;
    const said = await h.fake.userSays({ from: ZHANG, text: '目前有效期高企118家，按计划推进', replyTo: checkin.messageId });
    await said.delivery;
    await inbound();
    const confirm = await waitFor(() => h.fake.messagesTo(ZHANG).find((m) => m.parentId === said.messageId));
    expect(JSON.stringify(confirm.content)).toContain('已记录：任务1 培育高新技术企业');
    const report = await h.bot.deps.db.report.findFirstOrThrow({ where: { messageId: said.messageId }, include: { values: true } });
    expect(report).toMatchObject({ status: 'on_track', rawText: '目前有效期高企118家，按计划推进', period: '2022-W15', source: 'reply' });
    expect(report.values.map((v) => v.value)).toEqual([118]);
    // The check-in card itself now says 「已报送」 with what was recorded, and keeps every way to correct it.
    const updated = h.fake.message(checkin.messageId)!;
    expect(updated.history.map((v) => v.via)).toEqual(['create', 'patch']);
    expect(titleOf(updated)).toBe('任务1 培育高新技术企业');
    expect(updated.content.header.subtitle.content).toBe('已报送，如有出入可更正');
    expect(updated.content.header.template).toBe('green');
    const words = JSON.stringify(updated.content);
    expect(words).toContain('**已报送**（张敏，2022-04-11 10:00）');
    expect(words).toContain('已记录：任务1 培育高新技术企业');
    expect(words.match(/"action":"report-status"/g)).toHaveLength(Object.keys(STATUS_WORDS).length);
    expect(words).toContain('"action":"report-form"');
    await walk('2022-04-19T20:00:00');
    expect((await sentTimes(ZHANG, '1')).slice(5)).toEqual(['2022-04-11 09:30 checkin', '2022-04-18 09:30 checkin']);
    expect(await h.bot.deps.db.nudge.count({ where: { person: { openId: ZHANG }, period: '2022-W15', state: 'cancelled' } })).toBe(0);
  }, 120_000);

  it('uses the make-up working days of the Labour Day holiday', async () => {
    await walk('2022-05-13T20:00:00');
    const times = (await sentTimes(ZHANG, '1')).map((t) => t.slice(0, 16));
    expect(times).toContain('2022-04-24 09:30'); // make-up Sunday
    expect(times).toContain('2022-05-07 09:30'); // make-up Saturday
    for (const holiday of ['2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03', '2022-05-04']) {
      expect(times.some((t) => t.startsWith(holiday))).toBe(false);
    }
    expect(times.every((t) => t.endsWith('09:30'))).toBe(true);
  }, 180_000);
});

describe('answers land on the right task', () => {
  it('a status button on the check-in card records the status and stops the follow-ups', async () => {
    await walk('2022-05-16T10:00:00');
    const card = cardsTo(CHEN).at(-1)!;
    expect(titleOf(card)).toContain('任务11');
    const task = await h.bot.deps.db.task.findFirstOrThrow({ where: { code: '11' } });
    const click = await h.fake.clickCard({ from: CHEN, messageId: card.messageId, value: { action: 'report-status', taskId: task.id, period: '2022-W20', status: 'at_risk' } });
    expect(click.status).toBe(200);
    expect(click.body).toMatchObject({ toast: { content: '已记录：有风险' } });
    await inbound();
    const report = await waitFor(() => h.bot.deps.db.report.findFirst({ where: { taskId: task.id, source: 'button' } }));
    expect(report.status).toBe('at_risk');
    // The clicked card (locked while its click was answered) is updated once the click is done.
    await waitFor(() => h.fake.message(card.messageId)!.updated, 20_000, 'the clicked check-in card updated');
    expect(JSON.stringify(h.fake.message(card.messageId)!.content)).toContain('状态：有风险');
    await walk('2022-05-20T20:00:00');
    expect(await h.bot.deps.db.nudge.count({ where: { taskId: task.id, period: '2022-W20', state: 'sent' } })).toBe(1);
  }, 120_000);

  it('the form records a value per target', async () => {
    const card = cardsTo(CHEN).at(-1)!;
    const task = await h.bot.deps.db.task.findFirstOrThrow({ where: { code: '11' }, include: { targets: { orderBy: { position: 'asc' } } } });
    const click = await h.fake.clickCard({
      from: CHEN, messageId: card.messageId, name: 'submit', value: { action: 'report-form', taskId: task.id, period: '2022-W20' },
      formValue: { t0: '35', t1: '4.2', note: '成果登记35项，技术合同4.2亿元' },
    });
    expect(click.status).toBe(200);
    await inbound();
    const report = await waitFor(() => h.bot.deps.db.report.findFirst({ where: { taskId: task.id, source: 'form' }, include: { values: true } }));
    expect(report.values.map((v) => [v.targetId, v.value])).toEqual([[task.targets[0]!.id, 35], [task.targets[1]!.id, 4.2]]);
    expect(report.rawText).toBe('成果登记35项，技术合同4.2亿元');
  });

  it('free text from an owner of two tasks asks which one; a named task needs no question', async () => {
    const t2 = await h.bot.deps.db.task.findFirstOrThrow({ where: { code: '2' } });
    const t3 = await h.bot.deps.db.task.findFirstOrThrow({ where: { code: '3' } });
    const said = await h.fake.userSays({ from: LI, text: '科技型企业入库1650家，推进正常' });
    await said.delivery;
    await inbound();
    const chooser = await waitFor(() => h.fake.messagesTo(LI).find((m) => m.parentId === said.messageId));
    expect(titleOf(chooser)).toBe('这条进展属于哪项任务？');
    const click = await h.fake.clickCard({ from: LI, messageId: chooser.messageId, value: { action: 'choose-task', taskId: t2.id, messageId: said.messageId } });
    expect(click.status).toBe(200);
    await inbound();
    const r2 = await waitFor(() => h.bot.deps.db.report.findFirst({ where: { taskId: t2.id, messageId: said.messageId }, include: { values: true } }));
    expect(r2.values.map((v) => v.value)).toContain(1650);

    const named = await h.fake.userSays({ from: LI, text: '#3 高成长企业培育推进会已召开，按计划推进' });
    await named.delivery;
    await inbound();
    const r3 = await waitFor(() => h.bot.deps.db.report.findFirst({ where: { taskId: t3.id, messageId: named.messageId } }));
    expect(r3.status).toBe('on_track');
  });

  it('undo withdraws a report (only its author may)', async () => {
    const confirm = h.fake.messagesTo(LI).filter((m) => JSON.stringify(m.content).includes('report-undo')).at(-1)!;
    const reportId = Number(JSON.stringify(confirm.content).match(/"reportId":(\d+)/)![1]);
    await h.fake.clickCard({ from: ZHANG, messageId: confirm.messageId, value: { action: 'report-undo', reportId } }).catch(() => null);
    await h.fake.clickCard({ from: LI, messageId: confirm.messageId, value: { action: 'report-undo', reportId } });
    await inbound();
    const report = await waitFor(async () => {
      const r = await h.bot.deps.db.report.findUniqueOrThrow({ where: { id: reportId } });
      return r.revokedAt ? r : null;
    });
    const li = await h.bot.deps.db.person.findUniqueOrThrow({ where: { openId: LI } });
    expect(report.personId).toBe(li.id);
    expect(await h.bot.deps.db.auditEntry.count({ where: { action: 'report.revoked' } })).toBe(1);
  });
});
