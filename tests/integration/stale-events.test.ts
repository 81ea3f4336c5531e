/**
 * #22 (soak seed 7) — an event older than the store's memory of events: a five-month-old message
 * event pushed again, signed anew, found its record purged and was handled a second time (a second
 * confirmation, the uuid's hour long past). The receiver now drops an event created longer ago
 * than that memory reaches: answered 200 (so it is not pushed again), neither recorded nor queued,
 * counted as 'stale'; over the webhook, for card callbacks (create_time in µs) and on the long
 * connection. An event first delivered late but within the memory is still handled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { STALE_EVENT_MS } from '../../bot/feishu/event-age.js';
import { createWsDispatcher } from '../../bot/feishu/long-connection.js';
import { sealRequest } from '../../bot/sandbox/crypto.js';
import { purgeProcessedEvents } from '../../jobs/processors/purge-events.js';
import { APP, startHarness, type Harness } from '../helpers/bot-harness.js';
import { sample, scrape } from '../helpers/metrics-text.js';
import { sleep, waitFor } from '../helpers/wait-for.js';

const ALICE = 'ou_alice000000000000000000000001';
const T0 = new Date('2022-04-11T10:00:00+08:00');
const HOUR = 3600_000;

const GROUP = 'oc_stale_events_group';

let h: Harness;
let clock: ReturnType<typeof manualClock>;
afterEach(async () => h?.close());

async function setup() {
  clock = manualClock(T0);
  h = await startHarness({ clock });
  h.fake.addUser({ openId: ALICE, name: '张敏' });
  h.fake.addChat({ chatId: GROUP, name: '科室群', members: [ALICE] });
  return clock;
}

const pongs = (chat = h.fake.p2pChatOf(ALICE)) => h.fake.messagesIn(chat).filter((m) => m.sender === 'bot' && m.content?.text === 'pong');

/**
 * A `@bot /ping` in the group, pushed by hand with the given create_time. The message itself is one
 * the platform holds (said without @bot, so the platform pushed nothing), so the bot can reply to it.
 */
async function ping(eventId: string, createdMs: number) {
  const said = await h.fake.userSays({ from: ALICE, chatId: GROUP, text: '/ping' });
  return {
    schema: '2.0',
    header: { event_id: eventId, event_type: 'im.message.receive_v1', create_time: String(createdMs), token: APP.verificationToken, app_id: APP.appId, tenant_key: h.fake.tenantKey },
    event: {
      sender: { sender_id: { open_id: ALICE }, sender_type: 'user' },
      message: {
        message_id: said.messageId, chat_id: GROUP, chat_type: 'group', message_type: 'text',
        content: JSON.stringify({ text: '@_user_1 /ping' }),
        mentions: [{ key: '@_user_1', id: { open_id: h.fake.botOpenId }, name: '进度助手' }],
      },
    },
  };
}

function click(eventId: string, createdUs: number) {
  return {
    schema: '2.0',
    header: { event_id: eventId, event_type: 'card.action.trigger', create_time: String(createdUs), token: APP.verificationToken, app_id: APP.appId, tenant_key: h.fake.tenantKey },
    event: { operator: { open_id: ALICE }, token: 'c-1', action: { tag: 'button', value: { action: 'ping' } }, context: { open_message_id: 'om_card', open_chat_id: 'oc_1' } },
  };
}

/** Signed and encrypted at the platform's (shared) clock, as a push of the moment is. */
async function post(path: string, payload: unknown): Promise<Response> {
  const s = sealRequest(APP.encryptKey, payload, clock.now().getTime());
  return fetch(`${h.bot.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...s.headers }, body: s.body });
}

const received = async (outcome: string, via = 'webhook', type = 'im.message.receive_v1') =>
  sample(await scrape(h.bot.url), 'workplan_events_received_total', { type, via, outcome }) ?? 0;

describe('events older than the de-duplication memory', () => {
  it('a message handled, its record purged a day later, then pushed again with a fresh signature: 200, not handled again (seed 7)', async () => {
    const clock = await setup();
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    expect((await said.delivery)?.status).toBe(200);
    await waitFor(() => pongs().length === 1);
    await waitFor(async () => (await h.bot.deps.db.processedEvent.count({ where: { state: 'done' } })) === 1);

    clock.advance(25 * HOUR);
    expect(await purgeProcessedEvents(h.bot.deps)).toBe(1);
    clock.advance(150 * 24 * HOUR);
    const again = await h.fake.redeliver(said.eventId!);
    expect(again.status).toBe(200);
    await sleep(500);
    expect(pongs()).toHaveLength(1);
    expect(await h.bot.deps.db.processedEvent.count()).toBe(0);
    expect(await h.bot.deps.queues.inbound.count()).toBe(0);
    expect(await received('stale')).toBe(1);
  });

  it('a first push created just within the memory is handled; one just past it is answered 200 and dropped', async () => {
    await setup();
    const now = T0.getTime();
    expect((await post('/feishu/events', await ping('ev-late', now - STALE_EVENT_MS))).status).toBe(200);
    expect((await post('/feishu/events', await ping('ev-stale', now - STALE_EVENT_MS - 1000))).status).toBe(200);
    await waitFor(() => pongs(GROUP).length === 1);
    await sleep(300);
    expect(pongs(GROUP)).toHaveLength(1);
    const records = await h.bot.deps.db.processedEvent.findMany({ select: { eventId: true } });
    expect(records.map((r) => r.eventId)).toEqual(['ev-late']);
    expect(await received('accepted')).toBe(1);
    expect(await received('stale')).toBe(1);
  });

  it('a card callback two days old (create_time in µs) is answered {} and not recorded; a fresh one is recorded', async () => {
    await setup();
    const nowUs = T0.getTime() * 1000;
    const old = await post('/feishu/cards', click('ev-click-old', nowUs - 48 * HOUR * 1000));
    expect(old.status).toBe(200);
    expect(await old.json()).toEqual({});
    expect((await post('/feishu/cards', click('ev-click-new', nowUs))).status).toBe(200);
    await sleep(300);
    const records = await h.bot.deps.db.processedEvent.findMany({ select: { eventId: true } });
    expect(records.map((r) => r.eventId)).toEqual(['ev-click-new']);
    expect(await received('stale', 'card', 'card.action.trigger')).toBe(1);
  });

  it('on the long connection too: a pushed event 30 hours old is dropped, a fresh one handled', async () => {
    await setup();
    const dispatcher = createWsDispatcher(h.bot.deps, async () => ({}));
    // The SDK's WSClient calls invoke(data, { needCheck: false }) for each pushed frame.
    await dispatcher.invoke(await ping('ws-stale', T0.getTime() - 30 * HOUR), { needCheck: false });
    await dispatcher.invoke(await ping('ws-fresh', T0.getTime()), { needCheck: false });
    await waitFor(() => pongs(GROUP).length === 1);
    await sleep(300);
    expect(pongs(GROUP)).toHaveLength(1);
    const records = await h.bot.deps.db.processedEvent.findMany({ select: { eventId: true } });
    expect(records.map((r) => r.eventId)).toEqual(['ws-fresh']);
    expect(await received('stale', 'websocket')).toBe(1);
  });
});
