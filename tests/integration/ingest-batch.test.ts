/**
 * Webhook deliveries accepted together (#21): concurrent deliveries are recorded in one INSERT and
 * queued in one addBulk, each answered with its own outcome only once its event is recorded and
 * queued; repeats (a re-push of an event, the same message under a new event id) are refused
 * within a batch as across batches; when Redis refuses a batch, none of its events stays recorded.
 * Real HTTP, real store, real Redis (a private one where it is stopped); the receiver runs alone,
 * so the jobs stay in the queue to be counted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { acceptEvents, createEventAcceptor, type Delivery } from '../../bot/feishu/accept-event.js';
import type { Envelope } from '../../bot/feishu/envelope.js';
import { sealRequest } from '../../bot/sandbox/crypto.js';
import { jobIdFor } from '../../jobs/queues.js';
import { APP, startHarness, type Harness } from '../helpers/bot-harness.js';
import { beforeEventRecords } from '../helpers/event-record-hook.js';
import { startHarnessOnPrivateRedis } from '../helpers/private-redis.js';

const ALICE = 'ou_alice000000000000000000000001';

let h: Harness | undefined;
let closePrivate: (() => Promise<void>) | undefined;
afterEach(async () => {
  await h?.close();
  await closePrivate?.();
  h = undefined;
  closePrivate = undefined;
});

function message(eventId: string, messageId: string): Envelope {
  return {
    schema: '2.0',
    header: { event_id: eventId, event_type: 'im.message.receive_v1', create_time: String(Date.now()), token: APP.verificationToken, app_id: APP.appId, tenant_key: h!.fake.tenantKey },
    event: {
      sender: { sender_id: { open_id: ALICE }, sender_type: 'user' },
      message: { message_id: messageId, chat_id: 'oc_batch', chat_type: 'p2p', message_type: 'text', content: '{"text":"进展：已完成"}' },
    },
  };
}

const deliveries = (envelopes: Envelope[]): Delivery[] => envelopes.map((envelope) => ({ envelope, via: 'webhook' }));

async function recorded(): Promise<{ eventId: string; messageId: string | null }[]> {
  return h!.bot.deps.db.processedEvent.findMany({ select: { eventId: true, messageId: true }, orderBy: { eventId: 'asc' } });
}

async function queued(): Promise<{ id: string; eventId: string; token: unknown }[]> {
  const jobs = await h!.bot.deps.queues.inbound.getJobs(['waiting', 'active', 'delayed', 'prioritized']);
  return jobs.map((j) => ({ id: j.id!, eventId: j.data.envelope.header.event_id, token: j.data.envelope.header.token })).sort((a, b) => a.eventId.localeCompare(b.eventId));
}

describe('deliveries accepted together', () => {
  it('concurrent deliveries with a re-push and a message under a new event id among them: all answered 200, each event recorded once and queued once', async () => {
    h = await startHarness({ role: 'receiver' });
    const events = Array.from({ length: 8 }, (_, i) => message(`ev-batch-${i}`, `om_batch_${i}`));
    // A re-push of event 5 (signed anew) and message 3 again under a new event id (Feishu's docs say a message event can repeat so).
    const sent = [...events, events[5]!, message('ev-batch-again', 'om_batch_3')];
    const answers = await Promise.all(sent.map((envelope) => {
      const sealed = sealRequest(APP.encryptKey, envelope, Date.now());
      return fetch(`${h!.bot.url}/feishu/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...sealed.headers }, body: sealed.body });
    }));
    expect(answers.map((a) => a.status)).toEqual(sent.map(() => 200));

    const rows = await recorded();
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.messageId))).toEqual(new Set(events.map((_, i) => `om_batch_${i}`)));
    // Which of the two carrying message 3 came first is up to the network; exactly one of them is kept.
    expect(rows.filter((r) => r.messageId === 'om_batch_3')).toHaveLength(1);
    const jobs = await queued();
    expect(jobs.map((j) => j.eventId)).toEqual(rows.map((r) => r.eventId));
    expect(jobs.map((j) => j.id)).toEqual(rows.map((r) => jobIdFor('evt', r.eventId)));
    expect(jobs.every((j) => j.token === undefined)).toBe(true);
  });

  it('deliveries made together go in one INSERT; each gets its own outcome, a repeat within the batch as across batches', async () => {
    h = await startHarness({ role: 'receiver' });
    const deps = h.bot.deps;
    await expect(acceptEvents(deps, deliveries([message('ev-old', 'om_old')]))).resolves.toEqual([{ status: 'fulfilled', value: 'accepted' }]);

    let inserts = 0;
    beforeEventRecords(deps.db, async () => void inserts++, Infinity);
    const accept = createEventAcceptor(deps);
    const a = message('ev-a', 'om_a');
    const outcomes = await Promise.all([
      a,
      message('ev-b', 'om_b'),
      a, // the same event again
      message('ev-c', 'om_a'), // message a under a new event id
      message('ev-old', 'om_old'), // recorded by an earlier batch
      message('ev-d', 'om_d'),
    ].map((envelope) => accept({ envelope, via: 'webhook' })));
    expect(outcomes).toEqual(['accepted', 'accepted', 'duplicate', 'duplicate', 'duplicate', 'accepted']);
    expect(inserts).toBe(1);
    expect((await recorded()).map((r) => r.eventId)).toEqual(['ev-a', 'ev-b', 'ev-d', 'ev-old']);
    expect((await queued()).map((j) => j.eventId)).toEqual(['ev-a', 'ev-b', 'ev-d', 'ev-old']);
  });

  it('when Redis refuses the batch, none of its events stays recorded and each delivery of them is refused; a duplicate of an earlier event stays a duplicate', async () => {
    const running = await startHarnessOnPrivateRedis({ role: 'receiver' });
    h = running.h;
    closePrivate = async () => running.redis.close();
    const deps = h.bot.deps;
    await acceptEvents(deps, deliveries([message('ev-old', 'om_old')]));

    await running.redis.stop();
    const a = message('ev-a', 'om_a');
    const outcomes = await acceptEvents(deps, deliveries([a, message('ev-b', 'om_b'), a, message('ev-old', 'om_old')]));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'fulfilled']);
    expect(outcomes[3]).toEqual({ status: 'fulfilled', value: 'duplicate' });
    expect((await recorded()).map((r) => r.eventId)).toEqual(['ev-old']);

    // Feishu's redelivery, once Redis is back, is accepted.
    await running.redis.start();
    await expect.poll(async () => (await acceptEvents(deps, deliveries([a])))[0], { timeout: 30_000, interval: 500 }).toEqual({ status: 'fulfilled', value: 'accepted' });
    expect((await recorded()).map((r) => r.eventId)).toEqual(['ev-a', 'ev-old']);
  });
});
