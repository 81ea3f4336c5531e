/**
 * #9 items 1 and 4 — the same event again (at once, 10 minutes later by the
 * platform's clock, after a restart): one effect; forged, mistokened,
 * header-less and stale (past 8 h) requests: refused, no handler runs, and the
 * genuine delivery 15 s later is still accepted and handled once; an exact
 * repeat of it is answered 200 with no second effect (#17 item 3).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { sealRequest } from '../../bot/sandbox/crypto.js';
import { SANDBOX_TENANT_KEY } from '../../bot/sandbox/index.js';
import { APP, startHarness, type Harness } from '../helpers/bot-harness.js';
import { sleep, waitFor } from '../helpers/wait-for.js';

const ALICE = 'ou_alice000000000000000000000001';
const T0 = new Date('2022-04-11T10:00:00+08:00');

let h: Harness;
afterEach(async () => h?.close());

async function setup() {
  const clock = manualClock(T0);
  let runs = 0;
  h = await startHarness({ clock, handlers: { commands: { count: async () => void runs++ } } });
  h.fake.addUser({ openId: ALICE, name: '张敏' });
  return { clock, runs: () => runs };
}

const pongs = () => h.fake.messagesIn(h.fake.p2pChatOf(ALICE)).filter((m) => m.sender === 'bot' && m.content?.text === 'pong');

describe('the same event delivered again', () => {
  it('at once, 10 minutes later and after a restart: one pong, one uuid', async () => {
    const { clock } = await setup();
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    expect((await said.delivery)?.status).toBe(200);
    expect((await h.fake.redeliver(said.eventId!)).status).toBe(200);
    await waitFor(() => pongs().length === 1);
    clock.advance(10 * 60_000);
    const later = await h.fake.redeliver(said.eventId!);
    expect(later.status).toBe(200);
    expect(later.at - T0.getTime()).toBe(10 * 60_000); // signed at the platform's +10 min
    await h.restart();
    clock.advance(10 * 60_000);
    expect((await h.fake.redeliver(said.eventId!)).status).toBe(200);
    await sleep(500);
    expect(pongs()).toHaveLength(1);
    expect(h.fake.calls.filter((c) => c.path.endsWith('/reply'))).toHaveLength(1);
    expect(await h.bot.deps.db.processedEvent.count({ where: { eventId: said.eventId! } })).toBe(1);
  });
});

describe('refused requests, then the genuine one', () => {
  const envelopeFor = (eventId: string, token = APP.verificationToken) => ({
    schema: '2.0',
    header: { event_id: eventId, event_type: 'im.message.receive_v1', create_time: String(T0.getTime()), token, app_id: APP.appId, tenant_key: SANDBOX_TENANT_KEY },
    event: {
      sender: { sender_id: { open_id: ALICE }, sender_type: 'user' },
      message: { message_id: `om_${eventId}`, chat_id: 'oc_p2p_alice', chat_type: 'p2p', message_type: 'text', content: '{"text":"/count"}' },
    },
  });
  const post = (s: { body: string; headers: Record<string, string> }) =>
    fetch(`${h.bot.url}/feishu/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...s.headers }, body: s.body });

  it('forged signature, wrong token, missing headers, stale timestamp: 401 and no handler; the genuine one 15 s later runs once, its exact repeat too', async () => {
    const { clock, runs } = await setup();
    const id = 'ev-forged-then-genuine';
    const now = () => clock.now().getTime();
    const genuine = sealRequest(APP.encryptKey, envelopeFor(id), now());
    const forgeries = [
      { ...genuine, headers: { ...genuine.headers, 'X-Lark-Signature': 'ab'.repeat(32) } },
      sealRequest(APP.encryptKey, envelopeFor(id, 'wrong-token'), now()),
      { body: genuine.body, headers: {} },
      sealRequest(APP.encryptKey, envelopeFor(id), now() - 9 * 3600_000),
    ];
    for (const f of forgeries) expect((await post(f)).status).toBe(401);
    await sleep(300);
    expect(runs()).toBe(0);
    expect(await h.bot.deps.db.processedEvent.count()).toBe(0);

    clock.advance(15_000);
    const redelivery = sealRequest(APP.encryptKey, envelopeFor(id), now());
    expect((await post(redelivery)).status).toBe(200);
    await waitFor(() => runs() === 1);
    // The same signed bytes again: an exact repeat, answered 200 with no second effect.
    expect((await post(redelivery)).status).toBe(200);
    // Feishu's own redelivery, signed anew: accepted, de-duplicated.
    clock.advance(15_000);
    expect((await post(sealRequest(APP.encryptKey, envelopeFor(id), now()))).status).toBe(200);
    await sleep(300);
    expect(runs()).toBe(1);
  });
});
