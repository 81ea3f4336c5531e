/**
 * #14 item 14 — the minute sweep's recovery, case by case, on a real store
 * and real Redis (a private queue prefix): what it re-enqueues (same job id),
 * what it settles from the job's state, what it leaves alone and what it
 * closes. The end-to-end case (a real Redis restart) is
 * tests/faults/redis-restart.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { loadConfig } from '../../bot/config.js';
import { dropQueuePrefix } from '../../bot/demo/drop-prefix.js';
import { chineseWorkCalendar } from '../../bot/domain/calendar/chinese-calendar.js';
import { DEFAULT_SCHEDULE } from '../../bot/domain/schedule/settings.js';
import { createLog } from '../../bot/log.js';
import { recoverDigests } from '../../jobs/processors/recover-digests.js';
import { recoverEvents } from '../../jobs/processors/recover-events.js';
import { recoverNudges } from '../../jobs/processors/recover-nudges.js';
import { createQueues, jobIdFor, QUEUE } from '../../jobs/queues.js';
import { createRedis, whenReady } from '../../jobs/redis.js';
import { REDIS_URL } from '../helpers/bot-harness.js';
import { at } from '../helpers/command-harness.js';
import { seedPlan } from '../helpers/seed.js';
import { tempStore } from '../helpers/temp-store.js';
import { waitFor } from '../helpers/wait-for.js';

const NOW = at('2022-04-13T10:00:00'); // a Wednesday morning, no quiet hours
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

async function setup() {
  const store = await tempStore();
  const prefix = `{wpt-${randomUUID().slice(0, 8)}}`;
  const redis = createRedis(REDIS_URL, 'client');
  await whenReady(redis);
  const queues = createQueues(redis, prefix);
  const clock = manualClock(NOW);
  const config = loadConfig({ QUEUE_PREFIX: prefix, REDIS_URL, DATABASE_URL: store.url });
  const deps = { db: store.db, clock, log: createLog('silent'), queues, redis, config, calendar: chineseWorkCalendar(), schedule: DEFAULT_SCHEDULE };
  const close = async () => {
    await queues.close();
    redis.disconnect();
    await dropQueuePrefix(REDIS_URL, prefix);
    await store.cleanup();
  };
  return { deps, clock, prefix, close };
}

let env: Awaited<ReturnType<typeof setup>>;
beforeEach(async () => {
  env = await setup();
});
afterEach(async () => env?.close());

const envelope = (eventId: string) => ({
  schema: '2.0',
  header: { event_id: eventId, event_type: 'im.message.receive_v1', app_id: 'cli_a1b2c3d4e5f60718', tenant_key: 't' },
  event: { message: { message_id: `om_${eventId}` } },
});
const event = (eventId: string, receivedAt: Date, payload: string | null = JSON.stringify(envelope(eventId))) =>
  env.deps.db.processedEvent.create({ data: { eventId, eventType: 'im.message.receive_v1', via: 'card', payload, state: 'queued', receivedAt } });
const stateOf = async (eventId: string) => (await env.deps.db.processedEvent.findUniqueOrThrow({ where: { eventId } })).state;

describe('recovering accepted events', () => {
  it('re-enqueues a lost job from the stored envelope (same job id), settles finished jobs, leaves the rest', async () => {
    const { deps, prefix } = env;
    // Jobs that ran: one completed, one failed for good, before their records could be written.
    for (const id of ['ev-completed', 'ev-failed']) await deps.queues.inbound.add('im.message.receive_v1', { envelope: envelope(id), receivedAt: minutesAgo(5).toISOString(), via: 'webhook' }, { jobId: jobIdFor('evt', id) });
    const connection = createRedis(REDIS_URL, 'worker');
    const worker = new Worker(QUEUE.inbound, async (job) => {
      if (job.id === jobIdFor('evt', 'ev-failed')) throw new UnrecoverableError('handler refused');
    }, { connection, prefix });
    await waitFor(async () => (await deps.queues.inbound.getJobCounts('completed', 'failed')).failed === 1 && (await deps.queues.inbound.getJobCounts('completed')).completed === 1, 60_000);
    await worker.close();
    connection.disconnect();
    await deps.queues.inbound.add('im.message.receive_v1', { envelope: envelope('ev-waiting'), receivedAt: minutesAgo(5).toISOString(), via: 'webhook' }, { jobId: jobIdFor('evt', 'ev-waiting') });
    await event('ev-completed', minutesAgo(5));
    await event('ev-failed', minutesAgo(5));
    await event('ev-waiting', minutesAgo(5));
    await event('ev-lost', minutesAgo(5));
    await event('ev-fresh', minutesAgo(0.5)); // inside the grace minute: its enqueue may still be under way
    await event('ev-no-payload', minutesAgo(5), null);

    expect(await recoverEvents(deps)).toEqual({ requeued: 1, settled: 2 });
    expect(await stateOf('ev-completed')).toBe('done');
    expect(await stateOf('ev-failed')).toBe('failed');
    expect(await stateOf('ev-waiting')).toBe('queued');
    expect(await stateOf('ev-lost')).toBe('queued');
    expect(await stateOf('ev-fresh')).toBe('queued');
    expect(await deps.db.processedEvent.findUniqueOrThrow({ where: { eventId: 'ev-no-payload' } })).toMatchObject({ state: 'failed', error: 'no stored envelope to replay' });
    const job = await deps.queues.inbound.getJob(jobIdFor('evt', 'ev-lost'));
    expect(job?.data).toEqual({ envelope: envelope('ev-lost'), receivedAt: minutesAgo(5).toISOString(), via: 'card' });
    expect(await deps.queues.inbound.getJobState(jobIdFor('evt', 'ev-fresh'))).toBe('unknown');
    // Run again: the re-enqueued job is there now, nothing is added twice.
    expect(await recoverEvents(deps)).toEqual({ requeued: 0, settled: 0 });
    expect(await deps.queues.inbound.count()).toBe(2);
  });
});

describe('recovering nudges and digest posts', () => {
  async function seed() {
    const { db } = env.deps;
    await seedPlan(db, { now: at('2022-03-21T09:00:00'), onlyTasks: new Set(['1', '2']) });
    const [a, b] = await db.assignment.findMany({ where: { role: 'owner' }, orderBy: { taskId: 'asc' } });
    const nudge = (key: string, kind: string, dueAt: Date, state = 'pending', claimedAt: Date | null = null) =>
      db.nudge.create({ data: { key, taskId: a!.taskId, personId: a!.personId, period: key, kind, dueAt, state, claimedAt, createdAt: dueAt } });
    return { nudge, other: b! };
  }
  const stateOf = async (key: string) => (await env.deps.db.nudge.findUniqueOrThrow({ where: { key } })).state;
  const queued = async (key: string) => (await env.deps.queues.nudges.getJobState(jobIdFor('nudge', key))) !== 'unknown';

  it('re-enqueues lost /remind nudges (pending, or claimed past the lease); leaves scheduled ones to the sweep; closes those older than 3 days', async () => {
    const { deps } = env;
    const { nudge } = await seed();
    await nudge('r-lost', 'remind', minutesAgo(10));
    await nudge('r-lapsed', 'remind', minutesAgo(10), 'sending', minutesAgo(5));
    await nudge('r-claimed', 'remind', minutesAgo(10), 'sending', minutesAgo(0.5)); // a sender is on it
    await nudge('r-queued', 'remind', minutesAgo(10));
    await deps.queues.nudges.add('send-nudge', { key: 'r-queued' }, { jobId: jobIdFor('nudge', 'r-queued'), delay: 60_000 });
    await nudge('r-sent', 'remind', minutesAgo(10), 'sent');
    await nudge('c-lost', 'checkin', minutesAgo(30));
    await nudge('d-lost', 'deadline-5', minutesAgo(30));
    await nudge('r-old', 'remind', minutesAgo(4 * 24 * 60));
    await nudge('c-old', 'followup2', minutesAgo(4 * 24 * 60));

    expect(await recoverNudges(deps)).toEqual({ requeued: 2, closed: 2 });
    expect(await queued('r-lost')).toBe(true);
    expect(await queued('r-lapsed')).toBe(true);
    for (const key of ['r-claimed', 'r-sent', 'c-lost', 'd-lost', 'r-old', 'c-old']) expect(await queued(key), key).toBe(false);
    expect(await deps.queues.nudges.getJobState(jobIdFor('nudge', 'r-queued'))).toBe('delayed');
    expect(await stateOf('r-old')).toBe('skipped');
    expect(await stateOf('c-old')).toBe('skipped');
    expect(await stateOf('c-lost')).toBe('pending');
    expect(await recoverNudges(deps)).toEqual({ requeued: 0, closed: 0 });
  });

  it('holds lost /remind nudges during quiet hours and sends them after', async () => {
    const { deps, clock } = env;
    const { nudge } = await seed();
    clock.set(at('2022-04-13T21:00:00'));
    await nudge('r-evening', 'remind', at('2022-04-13T19:55:00'));
    expect(await recoverNudges(deps)).toEqual({ requeued: 0, closed: 0 });
    clock.set(at('2022-04-14T08:01:00'));
    expect(await recoverNudges(deps)).toEqual({ requeued: 1, closed: 0 });
  });

  it('re-enqueues a lost digest post of this week (/digest send included); one of an earlier week is marked failed', async () => {
    const { deps } = env;
    await seed();
    const post = (key: string, week: string) => deps.db.digestPost.create({ data: { key, planId: 1, chatId: 'oc_leaders', week, createdAt: minutesAgo(10) } });
    await post('1:oc_leaders:cmd-om_1', '2022-W15');
    await post('1:oc_leaders:2022-W14', '2022-W14');
    expect(await recoverDigests(deps)).toEqual({ requeued: 1, failed: 1 });
    expect(await deps.queues.nudges.getJobState(jobIdFor('digest', '1:oc_leaders:cmd-om_1'))).toBe('waiting');
    expect(await deps.db.digestPost.findUniqueOrThrow({ where: { key: '1:oc_leaders:2022-W14' } })).toMatchObject({ state: 'failed' });
  });
});
