/**
 * The inbound pipeline end to end: the fake Feishu pushes signed, encrypted
 * events over real HTTP; the receiver verifies, de-duplicates and enqueues on
 * real Redis; the worker runs the handler; the reply goes back through the
 * real SDK.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sealRequest } from '../../bot/sandbox/crypto.js';
import { SANDBOX_TENANT_KEY } from '../../bot/sandbox/index.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { sleep, waitFor } from '../helpers/wait-for.js';

const ALICE = 'ou_alice000000000000000000000001';
const BOB = 'ou_bob00000000000000000000000002';
const GROUP = 'oc_leaders0000000000000000000001';

let h: Harness;
afterEach(async () => h?.close());

async function setup(opts: Parameters<typeof startHarness>[0] = {}) {
  h = await startHarness(opts);
  h.fake.addUser({ openId: ALICE, name: '张敏' });
  h.fake.addUser({ openId: BOB, name: '李强' });
  h.fake.addChat({ chatId: GROUP, name: '局领导群', members: [ALICE, BOB] });
  return h;
}

const pongs = (chatId: string) => h.fake.messagesIn(chatId).filter((m) => m.sender === 'bot' && m.content?.text === 'pong');

describe('inbound pipeline', () => {
  it('/ping round-trips in a p2p chat as a reply to the message', async () => {
    await setup();
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    expect((await said.delivery)?.status).toBe(200);
    const [pong] = await waitFor(() => (pongs(h.fake.p2pChatOf(ALICE)).length ? pongs(h.fake.p2pChatOf(ALICE)) : null));
    expect(pong!.parentId).toBe(said.messageId);
    expect(pong!.uuid).toBeTruthy();
  });

  it('/ping round-trips in a group when the bot is @-mentioned, and a group message without it is ignored', async () => {
    await setup();
    const silent = await h.fake.userSays({ from: ALICE, chatId: GROUP, text: '/ping' });
    expect(silent.eventId).toBeNull();
    const said = await h.fake.userSays({ from: BOB, chatId: GROUP, text: '{@0} /ping', mentions: [h.fake.botOpenId] });
    expect((await said.delivery)?.status).toBe(200);
    await waitFor(() => pongs(GROUP).length === 1);
    // The @-mention of someone else in a group does not reach the bot at all.
    await h.fake.userSays({ from: BOB, chatId: GROUP, text: '{@0} /ping', mentions: [ALICE] });
    await sleep(300);
    expect(pongs(GROUP)).toHaveLength(1);
  });

  it('one effect when the same event arrives five times and again after a restart', async () => {
    await setup();
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    await said.delivery;
    for (let i = 0; i < 4; i++) expect((await h.fake.redeliver(said.eventId!)).status).toBe(200);
    await waitFor(() => pongs(h.fake.p2pChatOf(ALICE)).length === 1);
    await h.restart();
    expect((await h.fake.redeliver(said.eventId!)).status).toBe(200);
    await sleep(500);
    expect(pongs(h.fake.p2pChatOf(ALICE))).toHaveLength(1);
    expect(h.fake.deliveries.filter((d) => d.eventId === said.eventId)).toHaveLength(6);
    expect(await h.bot.deps.db.processedEvent.count({ where: { eventId: said.eventId! } })).toBe(1);
  });

  it('one effect when the same message arrives under a new event_id', async () => {
    await setup();
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    await said.delivery;
    const msg = h.fake.message(said.messageId)!;
    const again = await h.fake.deliverEvent('im.message.receive_v1', {
      sender: { sender_id: { open_id: ALICE }, sender_type: 'user', tenant_key: 't' },
      message: { message_id: msg.messageId, chat_id: msg.chatId, chat_type: 'p2p', message_type: 'text', content: msg.rawContent, create_time: String(msg.createTime) },
    });
    expect(again.status).toBe(200);
    await waitFor(() => pongs(h.fake.p2pChatOf(ALICE)).length === 1);
    await sleep(300);
    expect(pongs(h.fake.p2pChatOf(ALICE))).toHaveLength(1);
  });

  it('a handler that has not finished does not hold back the 200, and the event is not redelivered', async () => {
    // The handler waits for a gate the test opens only after Feishu got its answer: if the receiver
    // waited for the handler, the delivery would time out at the fake (Feishu's 3 s) and be redelivered.
    let started = 0;
    let done = 0;
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    await setup({ handlers: { commands: { slow: async () => { started++; await gate; done++; } } } });
    const said = await h.fake.userSays({ from: ALICE, text: '/slow' });
    const first = await said.delivery;
    expect(first).toMatchObject({ status: 200, outcome: 'acked' });
    expect(done).toBe(0);
    await waitFor(() => started === 1);
    open();
    await waitFor(() => done === 1);
    expect(h.fake.deliveries.filter((d) => d.eventId === said.eventId)).toHaveLength(1);
  });

  it('a 429 with a reset header is retried after the reset and the reply is delivered once', async () => {
    await setup();
    h.fake.faults.rateLimit({ times: 1, resetSeconds: 1 });
    const started = Date.now();
    await (await h.fake.userSays({ from: ALICE, text: '/ping' })).delivery;
    await waitFor(() => pongs(h.fake.p2pChatOf(ALICE)).length === 1, 60_000);
    const sends = h.fake.calls.filter((c) => c.path.includes('/reply'));
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
    // Retried only after the reset Feishu named (1 s), by the fake's own clock.
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await sleep(300);
    expect(pongs(h.fake.p2pChatOf(ALICE))).toHaveLength(1);
  });

  it('fetches the tenant token once, and refreshes it when Feishu rejects it', async () => {
    await setup();
    await (await h.fake.userSays({ from: ALICE, text: '/ping' })).delivery;
    await waitFor(() => pongs(h.fake.p2pChatOf(ALICE)).length === 1);
    await (await h.fake.userSays({ from: ALICE, text: '/ping' })).delivery;
    await waitFor(() => pongs(h.fake.p2pChatOf(ALICE)).length === 2);
    const tokenCalls = () => h.fake.calls.filter((c) => c.path.includes('tenant_access_token'));
    expect(tokenCalls()).toHaveLength(1);
    h.fake.faults.expireTokens();
    await (await h.fake.userSays({ from: ALICE, text: '/ping' })).delivery;
    await waitFor(() => pongs(h.fake.p2pChatOf(ALICE)).length === 3);
    expect(tokenCalls()).toHaveLength(2);
    expect(h.fake.calls.some((c) => c.code === 99991663)).toBe(true);
  });

  it('refreshes the token when it expires locally', async () => {
    // Feishu issues a token for `expire` seconds; the SDK keeps it until 3 minutes before.
    await setup({ fake: { tokenTtlSeconds: 181 } });
    await (await h.fake.userSays({ from: ALICE, text: '/ping' })).delivery;
    await waitFor(() => pongs(h.fake.p2pChatOf(ALICE)).length === 1);
    await sleep(1100);
    await (await h.fake.userSays({ from: ALICE, text: '/ping' })).delivery;
    await waitFor(() => pongs(h.fake.p2pChatOf(ALICE)).length === 2);
    expect(h.fake.calls.filter((c) => c.path.includes('tenant_access_token'))).toHaveLength(2);
  });

  it('answers url_verification with the challenge', async () => {
    await setup();
    expect((await h.fake.verifyUrl()).ok).toBe(true);
  });
});

describe('refusals: nothing reaches a handler', () => {
  const eventsUrl = () => `${h.bot.url}/feishu/events`;
  const envelopeFor = (eventId: string, token = 'test-vt') => ({
    schema: '2.0',
    header: { event_id: eventId, event_type: 'im.message.receive_v1', create_time: String(Date.now()), token, app_id: 'cli_a1b2c3d4e5f60718', tenant_key: SANDBOX_TENANT_KEY },
    event: {
      sender: { sender_id: { open_id: ALICE }, sender_type: 'user' },
      message: { message_id: `om_${eventId}`, chat_id: 'oc_x', chat_type: 'p2p', message_type: 'text', content: '{"text":"/ping"}' },
    },
  });
  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(eventsUrl(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it.each([
    ['a forged signature', (s: ReturnType<typeof sealRequest>) => ({ ...s, headers: { ...s.headers, 'X-Lark-Signature': 'ab'.repeat(32) } }), 401],
    ['missing headers', (s: ReturnType<typeof sealRequest>) => ({ ...s, headers: {} }), 401],
    ['a timestamp older than the 8 h window', (_s: ReturnType<typeof sealRequest>) => sealRequest('test-encrypt-key', envelopeFor('e-stale'), Date.now() - 9 * 3600_000), 401],
    ['a wrong encrypt key', (_s: ReturnType<typeof sealRequest>) => sealRequest('another-key', envelopeFor('e-key'), Date.now()), 401],
    ['a wrong verification token', (_s: ReturnType<typeof sealRequest>) => sealRequest('test-encrypt-key', envelopeFor('e-vt', 'forged'), Date.now()), 401],
    ['an unencrypted body', (_s: ReturnType<typeof sealRequest>) => ({ body: JSON.stringify(envelopeFor('e-plain')), headers: {} }), 401],
  ])('%s → %s', async (_what, forge, status) => {
    await setup();
    const good = sealRequest('test-encrypt-key', envelopeFor('e-good'), Date.now());
    const bad = forge(good);
    const res = await post(bad.body, bad.headers);
    expect(res.status).toBe(status);
    await sleep(200);
    expect(await h.bot.deps.db.processedEvent.count()).toBe(0);
    expect(await h.bot.deps.queues.inbound.count()).toBe(0);
  });

  it('an exact repeat (same nonce) and a redelivery signed anew are answered 200 with one record', async () => {
    await setup();
    const sealed = sealRequest('test-encrypt-key', envelopeFor('e-replay'), Date.now());
    expect((await post(sealed.body, sealed.headers)).status).toBe(200);
    expect((await post(sealed.body, sealed.headers)).status).toBe(200);
    const redelivery = sealRequest('test-encrypt-key', envelopeFor('e-replay'), Date.now());
    expect((await post(redelivery.body, redelivery.headers)).status).toBe(200);
    expect(await h.bot.deps.db.processedEvent.count()).toBe(1);
  });

  it.each([
    ['invalid JSON', 'this is not json', 400],
    ['a JSON array', '[1,2,3]', 400],
  ])('%s → %s', async (_what, body, status) => {
    await setup();
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(await h.bot.deps.db.processedEvent.count()).toBe(0);
  });

  it('a 2 MB body is refused with 413', async () => {
    await setup();
    const res = await post(Buffer.alloc(2 * 1024 * 1024, 0x61));
    expect(res.status).toBe(413);
    expect(await h.bot.deps.db.processedEvent.count()).toBe(0);
  });

  it('a signed body that is not an event envelope → 400', async () => {
    await setup();
    const sealed = sealRequest('test-encrypt-key', { hello: 'world' }, Date.now());
    expect((await post(sealed.body, sealed.headers)).status).toBe(400);
  });
});
