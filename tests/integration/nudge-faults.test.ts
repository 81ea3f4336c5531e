/**
 * Sending nudges when things go wrong: a worker killed in the middle of a
 * batch, and a storm of rate limits. Every nudge shows exactly once.
 */
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { runSweep } from '../../jobs/processors/nudge-sweep.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedPlan } from '../helpers/seed.js';
import { spawnWorker } from '../helpers/spawn-worker.js';
import { waitFor } from '../helpers/wait-for.js';

const MONDAY = new Date('2022-04-11T09:30:00+08:00');

let h: Harness;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  await h?.close();
});

async function seed(harness: Harness) {
  await seedPlan(harness.bot.deps.db, { now: MONDAY, fake: harness.fake });
}

/** Every bot card at the fake, and how many distinct uuids they carry. */
function shown(harness: Harness) {
  const cards = harness.fake.messages({ sender: 'bot', msgType: 'interactive' });
  return { cards: cards.length, uuids: new Set(cards.map((c) => c.uuid)).size };
}

describe('nudges under faults', () => {
  it('a worker killed mid-send and restarted shows every nudge exactly once', async () => {
    h = await startHarness({ clock: manualClock(MONDAY), env: { SWEEP_EVERY_SECONDS: '0' } });
    await seed(h);
    // The receiver process does the sweep; a separate worker process does the sending.
    await h.bot.close();
    const { startBot } = await import('../../bot/main.js');
    h.bot = await startBot({ config: h.config, clock: manualClock(MONDAY), role: 'receiver' });
    const sweep = await runSweep(h.bot.deps);
    expect(sweep.enqueued).toBe(23);
    h.fake.faults.latency(150);
    const worker = () => {
      const c = spawnWorker(h);
      children.push(c);
      return c;
    };
    const first = worker();
    await waitFor(() => shown(h).cards >= 5, 60_000, 'some cards to be sent');
    first.kill('SIGKILL');
    const afterKill = shown(h).cards;
    expect(afterKill).toBeLessThan(23);
    worker();
    await waitFor(async () => (await h.bot.deps.db.nudge.count({ where: { state: 'sent' } })) === 23, 60_000, 'all nudges sent');
    expect(shown(h)).toEqual({ cards: 23, uuids: 23 });
  }, 120_000);

  it('a storm of 429s delays the nudges but loses none and doubles none', async () => {
    h = await startHarness({ clock: manualClock(MONDAY), env: { SWEEP_EVERY_SECONDS: '0', SEND_RATE_PER_SECOND: '50' } });
    await seed(h);
    h.fake.faults.enforceRealLimits(true);
    h.fake.faults.rateLimit({ times: 15, resetSeconds: 1 });
    await runSweep(h.bot.deps);
    await waitFor(async () => (await h.bot.deps.db.nudge.count({ where: { state: 'sent' } })) === 23, 60_000, 'all nudges sent');
    expect(shown(h)).toEqual({ cards: 23, uuids: 23 });
    expect(h.fake.calls.filter((c) => c.status === 429).length).toBeGreaterThanOrEqual(15);
    expect(await h.bot.deps.db.nudge.count({ where: { state: { not: 'sent' } } })).toBe(0);
  });

  it('a permanent failure is recorded with its reason and told to the admins, once', async () => {
    const ADMIN = 'ou_admin00000000000000000000001';
    h = await startHarness({ clock: manualClock(MONDAY), env: { SWEEP_EVERY_SECONDS: '0', ADMIN_OPEN_IDS: ADMIN } });
    await seed(h);
    h.fake.addUser({ openId: ADMIN, name: '管理员' });
    // 张敏 left the app's availability scope: Feishu refuses messages to her (230013).
    h.fake.addUser({ openId: 'ou_demo_zhangmin', name: '张敏', outsideScope: true });
    await runSweep(h.bot.deps);
    await waitFor(async () => (await h.bot.deps.db.nudge.count({ where: { state: { in: ['pending', 'sending'] } } })) === 0, 60_000);
    const failed = await h.bot.deps.db.nudge.findMany({ where: { state: 'failed' }, include: { person: true } });
    expect(failed.map((n) => n.person.name).sort()).toEqual(['张敏', '张敏']);
    expect(failed[0]!.error).toContain('230013');
    await waitFor(() => h.fake.messagesTo(ADMIN).length === 2);
    const alert = h.fake.messagesTo(ADMIN)[0]!;
    expect(alert.msgType).toBe('interactive');
    expect(alert.content.header.title.content).toBe('催办未能送达');
    expect(JSON.stringify(alert.content)).toMatch(/任务\d+\*\* .*→ 张敏.*原因：用户不在应用的可用范围内或已离职/);
    await runSweep(h.bot.deps);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.fake.messagesTo(ADMIN)).toHaveLength(2);
  });
});
