/**
 * The weekly digest through the whole path: due on the week's last working
 * day at 16:00, posted once per chat per week — across repeated sweeps, a
 * restart, and a worker killed in the middle of posting.
 */
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { startBot } from '../../bot/main.js';
import { validateCardObject } from '../../bot/sandbox/card-validator.js';
import { createReport } from '../../bot/store/reports.js';
import { runDigestSweep } from '../../jobs/processors/digest-sweep.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedPlan } from '../helpers/seed.js';
import { spawnWorker } from '../helpers/spawn-worker.js';
import { sleep, waitFor } from '../helpers/wait-for.js';

const GROUP = 'oc_leaders0000000000000000000001';
const ADMIN = 'ou_admin00000000000000000000001';
const at = (local: string) => new Date(`${local}+08:00`);

let h: Harness;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  await h?.close();
});

async function setup(clock: ReturnType<typeof manualClock>, env: Record<string, string> = {}) {
  h = await startHarness({ clock, env: { SWEEP_EVERY_SECONDS: '0', ADMIN_OPEN_IDS: ADMIN, ...env } });
  const { db } = h.bot.deps;
  const plan = await seedPlan(db, { now: at('2022-03-21T09:00:00'), fake: h.fake });
  h.fake.addUser({ openId: ADMIN, name: '管理员' });
  h.fake.addChat({ chatId: GROUP, name: '局领导群', members: [ADMIN, 'ou_demo_hejianguo'] });
  await db.chat.create({ data: { chatId: GROUP, name: '局领导群', digest: true, createdAt: at('2022-03-21T09:00:00') } });
  const t1 = await db.task.findFirstOrThrow({ where: { code: '1' }, include: { targets: true } });
  const zhang = await db.person.findUniqueOrThrow({ where: { openId: 'ou_demo_zhangmin' } });
  await createReport(db, {
    taskId: t1.id, personId: zhang.id, period: '2022-W15', status: 'on_track', percent: null, expectedOn: null,
    rawText: '有效期高企118家 <at id=all></at>', source: 'text', messageId: 'om_r1', actor: 'ou_demo_zhangmin', now: at('2022-04-12T10:00:00'),
    values: [{ targetId: t1.targets[0]!.id, value: 118, unit: '家' }],
  });
  return plan.planId;
}

const groupCards = () => h.fake.messagesIn(GROUP).filter((m) => m.sender === 'bot');

describe('weekly digest', () => {
  it('is not due before Friday 16:00, then posts once to the group and once to each admin', async () => {
    const clock = manualClock(at('2022-04-15T15:59:00'));
    await setup(clock);
    expect(await runDigestSweep(h.bot.deps)).toBe(0);
    clock.set(at('2022-04-15T16:00:00'));
    expect(await runDigestSweep(h.bot.deps)).toBe(2);
    await waitFor(async () => (await h.bot.deps.db.digestPost.count({ where: { state: 'sent' } })) === 2, 60_000);
    const cards = groupCards();
    expect(cards.length).toBeGreaterThanOrEqual(1);
    for (const c of cards) expect(validateCardObject(c.content).ok).toBe(true);
    const text = JSON.stringify(cards.map((c) => c.content));
    expect(text).toContain('第15周');
    expect(text).not.toContain('<at id=all>');
    expect(h.fake.messagesTo(ADMIN).length).toBeGreaterThanOrEqual(1);
    // Later sweeps in the same week, and a restart, post nothing more.
    clock.set(at('2022-04-15T17:00:00'));
    await runDigestSweep(h.bot.deps);
    await h.restart();
    await runDigestSweep(h.bot.deps);
    await sleep(500);
    expect(groupCards()).toHaveLength(cards.length);
  });

  it('a week whose Friday is a holiday gets it on its last working day; a make-up Saturday week on that Saturday', async () => {
    const clock = manualClock(at('2022-04-02T16:00:00')); // Sat 2 April 2022: a make-up working day, Qingming follows
    await setup(clock);
    clock.set(at('2022-04-01T16:30:00')); // Friday is not the week's last working day
    expect(await runDigestSweep(h.bot.deps)).toBe(0);
    clock.set(at('2022-04-02T16:00:00'));
    expect(await runDigestSweep(h.bot.deps)).toBe(2);
    await waitFor(() => groupCards().length >= 1, 60_000);
    expect(JSON.stringify(groupCards()[0]!.content)).toContain('第13周');
  });

  it('a worker killed while posting and restarted posts once', async () => {
    const clock = manualClock(at('2022-04-15T16:00:00'));
    await setup(clock, { DIGEST_SHOW_MISSING: 'true' });
    await h.bot.close();
    h.bot = await startBot({ config: h.config, clock, role: 'receiver' });
    h.fake.faults.latency(1500);
    expect(await runDigestSweep(h.bot.deps)).toBe(1);
    const worker = () => {
      const c = spawnWorker(h, { DIGEST_SHOW_MISSING: 'true' });
      children.push(c);
      return c;
    };
    const first = worker();
    await waitFor(async () => (await h.bot.deps.db.digestPost.findFirst({ where: { state: 'sending' } })) !== null, 60_000, 'the post to be claimed');
    await sleep(1000); // the send is now in flight at the (slow) fake
    first.kill('SIGKILL');
    h.fake.faults.latency(0);
    worker();
    await waitFor(async () => (await h.bot.deps.db.digestPost.count({ where: { state: 'sent' } })) === 1, 60_000, 'the digest to be posted');
    const uuids = groupCards().map((c) => c.uuid);
    expect(uuids.length).toBeGreaterThanOrEqual(1);
    expect(new Set(uuids).size).toBe(uuids.length);
  }, 120_000);
});
