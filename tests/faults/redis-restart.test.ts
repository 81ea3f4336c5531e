/**
 * #14 item 14 — nothing lost when Redis restarts without persistence. The
 * store, not Redis, holds accepted work: an event acknowledged to Feishu while
 * no worker took it, and a /remind nudge whose job was still waiting, are both
 * gone from Redis after a real restart of a private redis-server (SIGKILL,
 * no AOF, no RDB); the minute sweep's recovery enqueues them again under the
 * same job ids, so each is handled once, and Feishu's redelivery of the event
 * stays a duplicate. A scheduled check-in lost the same way is re-offered by
 * the sweep itself (it is still due) and also goes out once. SQLite by default, PostgreSQL with TEST_DATABASE=postgres.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { uuidFor } from '../../bot/feishu/messenger.js';
import { jobIdFor } from '../../jobs/queues.js';
import { ADMIN, STAFF, at } from '../helpers/command-harness.js';
import { startHarnessOnPrivateRedis } from '../helpers/private-redis.js';
import { seedPlan } from '../helpers/seed.js';
import { sleep, waitFor } from '../helpers/wait-for.js';

let running: Awaited<ReturnType<typeof startHarnessOnPrivateRedis>> | undefined;
afterEach(async () => running?.close());

describe('Redis restarts without persistence', () => {
  it('an accepted event and a /remind nudge whose jobs were lost are each handled once; the redelivery stays a duplicate', async () => {
    const clock = manualClock(at('2022-04-11T10:00:00')); // a Monday morning: no quiet hours
    running = await startHarnessOnPrivateRedis({ clock, env: { SWEEP_EVERY_SECONDS: '0', ADMIN_OPEN_IDS: ADMIN } }, { persist: false });
    const { h, redis } = running;
    await seedPlan(h.bot.deps.db, { now: at('2022-03-21T09:00:00'), fake: h.fake, onlyTasks: new Set(['1']) });
    h.fake.addUser({ openId: ADMIN, name: '管理员' });
    const { db } = h.bot.deps;

    // 1. /remind is handled and the sweep records this week's check-in, but both nudges wait in a
    //    paused queue (no sender takes them).
    await h.bot.deps.queues.nudges.pause();
    await (await h.fake.userSays({ from: ADMIN, text: '/remind 1' })).delivery;
    await waitFor(() => h.fake.messagesTo(ADMIN).some((m) => JSON.stringify(m.content).includes('已发出催办')), 60_000, 'the /remind answer');
    await h.bot.deps.queues.sweeps.add('nudge-sweep', {});
    await waitFor(async () => (await db.nudge.count({ where: { kind: 'checkin' } })) === 1, 60_000, 'the check-in to be recorded');
    const [remind] = await db.nudge.findMany({ where: { kind: 'remind' } });
    const [checkin] = await db.nudge.findMany({ where: { kind: 'checkin' } });
    for (const n of [remind, checkin]) {
      expect(n).toMatchObject({ state: 'pending' });
      expect(await h.bot.deps.queues.nudges.getJobState(jobIdFor('nudge', n!.key))).toBe('waiting');
    }

    // 2. The receiver alone: /ping is acknowledged and recorded, and no worker takes it.
    await h.restart('receiver');
    const ping = await h.fake.userSays({ from: STAFF, text: '/ping' });
    expect((await ping.delivery)?.status).toBe(200);
    const eventId = ping.eventId!;
    expect(await db.processedEvent.findUnique({ where: { eventId } })).toMatchObject({ state: 'queued', via: 'webhook' });

    // 3. Redis restarts with nothing kept: both jobs are gone, the store still has both.
    await redis.stop();
    await redis.start();
    await waitFor(async () => (await h.bot.deps.queues.inbound.getJobState(jobIdFor('evt', eventId)).catch(() => 'down')) === 'unknown', 60_000, 'the bot to reconnect');
    expect(await h.bot.deps.queues.nudges.getJobState(jobIdFor('nudge', remind!.key))).toBe('unknown');
    expect(await h.bot.deps.queues.nudges.getJobState(jobIdFor('nudge', checkin!.key))).toBe('unknown');

    // 4. Workers start; the minute sweep (queued as its scheduler would) recovers both.
    await h.restart('all');
    clock.advance(2 * 60_000);
    await h.bot.deps.queues.sweeps.add('nudge-sweep', {});
    const pongs = () => h.fake.messagesIn(h.fake.p2pChatOf(STAFF)).filter((m) => m.sender === 'bot' && m.content?.text === 'pong');
    const reminded = () => h.fake.messages({ uuid: uuidFor(`nudge:${remind!.key}`) });
    const checkedIn = () => h.fake.messages({ uuid: uuidFor(`nudge:${checkin!.key}`) });
    await waitFor(() => pongs().length === 1 && reminded().length === 1 && checkedIn().length === 1, 60_000, 'the pong and the nudges after the recovery');
    await waitFor(async () => (await db.processedEvent.findUniqueOrThrow({ where: { eventId } })).state === 'done', 60_000);
    await waitFor(async () => (await db.nudge.findUniqueOrThrow({ where: { key: remind!.key } })).state === 'sent', 60_000);

    // 5. Feishu delivers the event again (and the sweep runs again): still one of each.
    expect((await h.fake.redeliver(eventId)).status).toBe(200);
    clock.advance(60_000);
    await h.bot.deps.queues.sweeps.add('nudge-sweep', {});
    await waitFor(async () => Object.values(await h.bot.deps.queues.sweeps.getJobCounts('waiting', 'active', 'delayed')).every((n) => n === 0), 60_000);
    await sleep(1000);
    expect(pongs()).toHaveLength(1);
    expect(h.fake.messages({ uuid: pongs()[0]!.uuid! })).toHaveLength(1);
    expect(reminded()).toHaveLength(1);
    expect(checkedIn()).toHaveLength(1);
    expect(reminded()[0]!.chatId).toBe(h.fake.p2pChatOf(STAFF));
    expect(h.fake.messagesTo(STAFF).filter((m) => m.msgType === 'interactive')).toHaveLength(2);
    expect(await db.processedEvent.count({ where: { eventId } })).toBe(1);
  }, 240_000);

  it('the minute sweep comes back with Redis: its scheduler is upserted again after the reconnect', async () => {
    running = await startHarnessOnPrivateRedis({ env: { SWEEP_EVERY_SECONDS: '60' } }, { persist: false });
    const { h, redis } = running;
    const scheduler = () => h.bot.deps.queues.sweeps.getJobScheduler('nudge-sweep');
    expect(await scheduler()).toBeTruthy();
    await redis.stop();
    await redis.start();
    // The restarted Redis is empty; only the workers' re-upsert can bring the scheduler back.
    await waitFor(async () => Boolean(await scheduler().catch(() => null)), 60_000, 'the sweep scheduler to be upserted again');
  }, 120_000);
});
