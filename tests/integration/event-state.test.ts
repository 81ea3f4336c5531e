/**
 * #14 item 14 — the store's record of an accepted event: the receiver's one
 * insert keeps the verified envelope (without the verification token) and how
 * it came, state 'queued'; the inbound worker marks it 'done' when the handler
 * returned, 'failed' when its job fails for good — not on a failure it retries.
 */
import { UnrecoverableError } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { APP, startHarness, type Harness } from '../helpers/bot-harness.js';
import { waitFor } from '../helpers/wait-for.js';

const ALICE = 'ou_alice000000000000000000000001';

let h: Harness;
afterEach(async () => h?.close());

const record = (eventId: string) => h.bot.deps.db.processedEvent.findUniqueOrThrow({ where: { eventId } });

describe('the record of an accepted event', () => {
  it('keeps the envelope without the token, then says done, or failed when the job fails for good', async () => {
    let flaky = 0;
    let stateAtRetry: string | undefined;
    h = await startHarness({
      handlers: {
        commands: {
          refuse: async () => {
            throw new UnrecoverableError('refused for good');
          },
          flaky: async () => {
            if (flaky++ === 0) throw new Error('store hiccup');
            stateAtRetry = (await h.bot.deps.db.processedEvent.findFirstOrThrow({ where: { eventType: 'im.message.receive_v1' }, orderBy: { id: 'desc' } })).state;
          },
        },
      },
    });
    h.fake.addUser({ openId: ALICE, name: '张敏' });

    const ping = await h.fake.userSays({ from: ALICE, text: '/ping' });
    await ping.delivery;
    const stored = await record(ping.eventId!);
    expect(stored).toMatchObject({ via: 'webhook', eventType: 'im.message.receive_v1', messageId: ping.messageId });
    const envelope = JSON.parse(stored.payload!);
    expect(envelope.header).toMatchObject({ event_id: ping.eventId, app_id: APP.appId, tenant_key: h.fake.tenantKey });
    expect(envelope.header.token).toBeUndefined();
    expect(stored.payload).not.toContain(APP.verificationToken);
    expect(envelope.event.message.message_id).toBe(ping.messageId);
    await waitFor(async () => (await record(ping.eventId!)).state === 'done', 60_000);
    expect((await record(ping.eventId!)).finishedAt).not.toBeNull();

    const refused = await h.fake.userSays({ from: ALICE, text: '/refuse' });
    await refused.delivery;
    await waitFor(async () => (await record(refused.eventId!)).state === 'failed', 60_000);
    expect((await record(refused.eventId!)).error).toBe('refused for good');
    // The sender is told, once, in reply to the message that was not handled.
    await waitFor(async () => h.fake.messages({ sender: 'bot' }).some((m) => m.parentId === refused.messageId), 60_000);
    const told = h.fake.messages({ sender: 'bot' }).filter((m) => m.parentId === refused.messageId);
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0]!.content)).toContain('这条消息未能处理');

    // A failure BullMQ retries leaves the record queued; the retry that succeeds marks it done.
    const retried = await h.fake.userSays({ from: ALICE, text: '/flaky' });
    await retried.delivery;
    await waitFor(async () => (await record(retried.eventId!)).state === 'done', 60_000);
    expect(flaky).toBe(2);
    expect(stateAtRetry).toBe('queued');
    // A failure that was retried and then handled is not reported to the sender.
    expect(h.fake.messages({ sender: 'bot' }).filter((m) => m.parentId === retried.messageId)).toEqual([]);
  }, 120_000);
});
