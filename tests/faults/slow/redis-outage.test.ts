/**
 * #9 item 9 — Redis gone for 20 s in the middle of a batch of nudges, with
 * messages arriving meanwhile: the workers resume by themselves when it is
 * back, the backlog drains, every nudge shows once, and the messages refused
 * during the outage (503) are handled once from Feishu's redelivery. Redis
 * runs with AOF persistence, as the README asks (a private redis-server).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/clock.js';
import { runSweep } from '../../../jobs/processors/nudge-sweep.js';
import { seedPlan } from '../../helpers/seed.js';
import { sleep, waitFor } from '../../helpers/wait-for.js';
import { startHarnessOnPrivateRedis } from '../../helpers/private-redis.js';

const MONDAY = new Date('2022-04-11T09:30:00+08:00');
const ALICE = 'ou_alice000000000000000000000001';

let running: Awaited<ReturnType<typeof startHarnessOnPrivateRedis>> | undefined;
afterEach(async () => running?.close());

describe('Redis unavailable for 20 s', () => {
  it('workers resume by themselves, the backlog drains, nothing lost or shown twice', async () => {
    running = await startHarnessOnPrivateRedis({
      clock: manualClock(MONDAY),
      env: { SWEEP_EVERY_SECONDS: '0', SEND_RATE_PER_SECOND: '4', WORKER_LOCK_MS: '2000', NUDGE_CLAIM_LEASE_SECONDS: '3' },
      // Feishu keeps redelivering through the outage (its real delays are 15 s, 5 min, …).
      fake: { redeliveryDelaysMs: [2000, 4000, 8000, 8000, 8000, 8000, 8000] },
    }, { persist: true });
    const { h, redis } = running;
    const { db } = h.bot.deps;
    await seedPlan(db, { now: MONDAY, fake: h.fake });
    h.fake.addUser({ openId: ALICE, name: '张敏' });
    const { enqueued } = await runSweep(h.bot.deps);
    expect(enqueued).toBe(23);
    const cards = () => h.fake.messages({ sender: 'bot', msgType: 'interactive' });
    await waitFor(() => cards().length >= 3, 60_000, 'the batch to start');

    await redis.stop();
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    expect((await said.delivery)?.status).toBe(503);
    await sleep(20_000); // the outage
    expect(cards().length).toBeLessThan(23);
    await redis.start();

    await waitFor(async () => (await db.nudge.count({ where: { state: 'sent' } })) === 23, 90_000, 'the backlog to drain');
    const pongs = () => h.fake.messagesIn(h.fake.p2pChatOf(ALICE)).filter((m) => m.sender === 'bot' && m.content?.text === 'pong');
    await waitFor(() => pongs().length === 1, 60_000, 'the message refused during the outage');
    expect(cards()).toHaveLength(23);
    expect(new Set(cards().map((c) => c.uuid)).size).toBe(23);
    expect(pongs()).toHaveLength(1);
  });
});
