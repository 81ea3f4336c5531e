/**
 * /metrics after real actions: nudges sent and failed (by reason), a report
 * received, events received and refused, Feishu latency and errors by code,
 * and the queues' depth and oldest waiting job. Counters are read from the
 * Prometheus text a scrape returns.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/clock.js';
import { startBot } from '../../../bot/main.js';
import { runSweep } from '../../../jobs/processors/nudge-sweep.js';
import { REDIS_URL, startHarness, type Harness } from '../../helpers/bot-harness.js';
import { sample, scrape } from '../../helpers/metrics-text.js';
import { seedPlan } from '../../helpers/seed.js';
import { waitFor } from '../../helpers/wait-for.js';

const MONDAY = new Date('2022-04-11T09:30:00+08:00');
const ZHANG = 'ou_demo_zhangmin'; // owner of task 1
const LI = 'ou_demo_liqiang'; // owner of task 2, outside the app's scope here
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ clock: manualClock(MONDAY), env: { SWEEP_EVERY_SECONDS: '0', SEND_RATE_PER_SECOND: '50' } });
  h.fake.addUser({ openId: LI, name: '李强', outsideScope: true });
  await seedPlan(h.bot.deps.db, { now: MONDAY, fake: h.fake, onlyTasks: new Set(['1', '2']) });
});
afterAll(async () => h?.close());

describe('/metrics', () => {
  it('counts nudges sent and failed by reason, with Feishu latency and errors by code', async () => {
    const sweep = await runSweep(h.bot.deps);
    expect(sweep.enqueued).toBe(2);
    await waitFor(async () => (await h.bot.deps.db.nudge.count({ where: { state: { in: ['sent', 'failed'] } } })) === 2, 60_000, 'both nudges to finish');
    const text = await scrape(h.bot.url);
    expect(sample(text, 'workplan_nudges_sent_total', { kind: 'checkin' })).toBe(1);
    expect(sample(text, 'workplan_nudges_failed_total', { reason: '230013' })).toBe(1);
    expect(sample(text, 'workplan_feishu_errors_total', { op: 'send', code: '230013' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'workplan_feishu_request_seconds_count', { op: 'send' })).toBeGreaterThanOrEqual(2);
  });

  it('counts events received and refused, and the report a reply makes', async () => {
    const said = await h.fake.userSays({ from: ZHANG, text: '#1 目前有效期高企118家，按计划推进' });
    expect((await said.delivery)?.status).toBe(200);
    await waitFor(() => h.bot.deps.db.report.findFirst({ where: { messageId: said.messageId } }), 60_000, 'the report');
    const forged = await fetch(`${h.bot.url}/feishu/events`, { method: 'POST', body: '{"schema":"2.0"}', headers: { 'content-type': 'application/json' } });
    expect(forged.status).toBe(401);
    const text = await scrape(h.bot.url);
    expect(sample(text, 'workplan_reports_received_total', { source: 'text' })).toBe(1);
    expect(sample(text, 'workplan_events_received_total', { type: 'im.message.receive_v1', via: 'webhook', outcome: 'accepted' })).toBe(1);
    expect(sample(text, 'workplan_events_refused_total', { reason: 'unencrypted body refused' })).toBe(1);
  });

  it('reports queue depth and the age of the oldest waiting job', async () => {
    // Receiver only: nothing takes jobs off the queues.
    await h.bot.close();
    h.bot = await startBot({ config: h.config, clock: manualClock(MONDAY), role: 'receiver' });
    await h.bot.deps.queues.sweeps.add('probe', {}, { timestamp: Date.now() - 120_000 });
    await h.bot.deps.queues.sweeps.add('probe', {});
    const text = await scrape(h.bot.url);
    expect(sample(text, 'workplan_queue_jobs', { queue: 'sweeps', state: 'waiting' })).toBe(2);
    expect(sample(text, 'workplan_queue_jobs', { queue: 'nudges', state: 'waiting' })).toBe(0);
    expect(sample(text, 'workplan_queue_oldest_waiting_seconds', { queue: 'sweeps' })).toBeGreaterThanOrEqual(120);
    expect(sample(text, 'workplan_queue_oldest_waiting_seconds', { queue: 'nudges' })).toBe(0);
    expect(sample(text, 'workplan_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('wrote every Redis key under the hash-tagged prefix (one Redis Cluster slot)', async () => {
    const prefix = h.config.QUEUE_PREFIX; // {wpt-xxxxxxxx}
    const redis = new Redis(REDIS_URL);
    try {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await redis.scan(cursor, 'MATCH', `*${prefix.slice(1, -1)}*`, 'COUNT', 1000);
        keys.push(...batch);
        cursor = next;
      } while (cursor !== '0');
      expect(keys.some((k) => k.includes(':inbound:'))).toBe(true);
      expect(keys.some((k) => k.includes(':nudges:'))).toBe(true);
      expect(keys.filter((k) => !k.startsWith(`${prefix}:`))).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });

  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    await h.bot.close();
    h.bot = await startBot({ config: { ...h.config, METRICS_TOKEN: 'scrape-me-please' }, clock: manualClock(MONDAY), role: 'receiver' });
    expect((await fetch(`${h.bot.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${h.bot.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const text = await scrape(h.bot.url, { authorization: 'Bearer scrape-me-please' });
    expect(sample(text, 'workplan_queue_jobs', { queue: 'sweeps', state: 'waiting' })).toBe(2);
  });
});
