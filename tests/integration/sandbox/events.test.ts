import { createDecipheriv, createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decryptString, encryptEvent, signRequest, type FakeFeishu } from '../../../bot/sandbox/index.js';
import { ALICE, APP, BOB, GROUP, startSandbox } from '../../helpers/sandbox-fixture.js';
import { startReceiver } from '../../helpers/sandbox-receiver.js';
import { startSdkReceiver } from '../../helpers/sandbox-sdk-receiver.js';

let fake: FakeFeishu;
const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await fake?.close();
  while (closers.length) await closers.pop()!();
});

/** Decrypt independently of the fake's own helper. */
function decrypt(encrypt: string): any {
  const buf = Buffer.from(encrypt, 'base64');
  const key = createHash('sha256').update(APP.encryptKey).digest();
  const d = createDecipheriv('aes-256-cbc', key, buf.subarray(0, 16));
  return JSON.parse(Buffer.concat([d.update(buf.subarray(16)), d.final()]).toString('utf8'));
}

async function receiver(answer?: Parameters<typeof startReceiver>[0]) {
  const r = await startReceiver(answer);
  closers.push(r.close);
  fake.setWebhook({ eventsUrl: r.url });
  return r;
}

describe('event delivery', () => {
  it('POSTs a p2p message signed and encrypted; it decrypts to the v2 envelope', async () => {
    fake = await startSandbox();
    const rx = await receiver();
    const said = await fake.userSays({ from: ALICE, text: '/list' });
    const result = await said.delivery;
    expect(result).toMatchObject({ eventId: said.eventId, attempt: 1, status: 200, outcome: 'acked' });

    const req = rx.requests[0]!;
    const ts = String(req.headers['x-lark-request-timestamp']);
    const nonce = String(req.headers['x-lark-request-nonce']);
    expect(ts).toMatch(/^\d{10}$/);
    const expected = createHash('sha256').update(ts + nonce + APP.encryptKey + req.rawBody).digest('hex');
    expect(req.headers['x-lark-signature']).toBe(expected);
    expect(req.rawBody).toBe(JSON.stringify(JSON.parse(req.rawBody))); // compact, as the SDK re-serialises
    const env = decrypt(JSON.parse(req.rawBody).encrypt);
    expect(env).toMatchObject({
      schema: '2.0',
      header: { event_id: said.eventId, event_type: 'im.message.receive_v1', token: 'vt', app_id: APP.appId },
      event: {
        sender: { sender_id: { open_id: ALICE }, sender_type: 'user' },
        message: { message_id: said.messageId, chat_id: fake.p2pChatOf(ALICE), chat_type: 'p2p', message_type: 'text', content: '{"text":"/list"}' },
      },
    });
    expect(env.header.create_time).toMatch(/^\d{13}$/);
    expect(env.event.message.root_id).toBeUndefined();
    expect(env.event.message.mentions).toBeUndefined();
  });

  it('renders group mentions as @_user_N in order and pushes only @bot messages', async () => {
    fake = await startSandbox();
    const rx = await receiver();
    const quiet = await fake.userSays({ from: ALICE, chatId: GROUP, text: '大家好' });
    expect(quiet.eventId).toBeNull();
    expect(await quiet.delivery).toBeNull();
    const said = await fake.userSays({ from: ALICE, chatId: GROUP, text: '{@0} /reassign 7 {@1}', mentions: [fake.botOpenId, BOB] });
    await said.delivery;
    expect(rx.requests).toHaveLength(1);
    const msg = decrypt(JSON.parse(rx.requests[0]!.rawBody).encrypt).event.message;
    expect(JSON.parse(msg.content)).toEqual({ text: '@_user_1 /reassign 7 @_user_2' });
    expect(msg.chat_type).toBe('group');
    expect(msg.mentions).toEqual([
      expect.objectContaining({ key: '@_user_1', id: expect.objectContaining({ open_id: fake.botOpenId }), name: 'Workplan Bot' }),
      expect.objectContaining({ key: '@_user_2', id: expect.objectContaining({ open_id: BOB }), name: 'Bob' }),
    ]);
    expect(fake.messagesIn(GROUP)).toHaveLength(2);
  });

  it('sends rich text as post: paragraphs, at nodes keyed @_user_N, links, bold, emoji, images, code; flat or under a locale', async () => {
    fake = await startSandbox();
    const rx = await receiver();
    const text = '{@0} /status\n**已完成**[台账](https://example.gov.cn/a):OK:\n![照片]\n---\n```\n产值 1.2亿\n```';
    const said = await fake.userSays({ from: ALICE, chatId: GROUP, text, mentions: [fake.botOpenId], post: { title: '周报' } });
    await said.delivery;
    const msg = decrypt(JSON.parse(rx.requests[0]!.rawBody).encrypt).event.message;
    expect(msg.message_type).toBe('post');
    const content = JSON.parse(msg.content);
    const imageKey = content.content[2][0].image_key;
    expect(content).toEqual({
      title: '周报',
      content: [
        [{ tag: 'at', user_id: '@_user_1', user_name: 'Workplan Bot', style: [] }, { tag: 'text', text: ' /status', style: [] }],
        [
          { tag: 'text', text: '已完成', style: ['bold'] },
          { tag: 'a', href: 'https://example.gov.cn/a', text: '台账', style: [] },
          { tag: 'emotion', emoji_type: 'OK' },
        ],
        [{ tag: 'img', image_key: imageKey, width: 300, height: 200 }],
        [{ tag: 'hr' }],
        [{ tag: 'code_block', language: 'PLAIN_TEXT', text: '产值 1.2亿\n' }],
      ],
    });
    expect(imageKey).toMatch(/^img_/);
    expect(fake.fileBytes(imageKey)).toBeDefined();
    expect(msg.mentions).toEqual([expect.objectContaining({ key: '@_user_1', id: expect.objectContaining({ open_id: fake.botOpenId }) })]);

    const wrapped = await fake.userSays({ from: ALICE, text: '你好', post: { form: 'en_us' } });
    await wrapped.delivery;
    const second = decrypt(JSON.parse(rx.requests[1]!.rawBody).encrypt).event.message;
    expect(JSON.parse(second.content)).toEqual({ en_us: { title: '', content: [[{ tag: 'text', text: '你好', style: [] }]] } });
  });

  it("sends mentions: null on a message without @s when emptyMentions is 'null'", async () => {
    fake = await startSandbox({ emptyMentions: 'null' });
    const rx = await receiver();
    await (await fake.userSays({ from: ALICE, text: '/list' })).delivery;
    await (await fake.userSays({ from: ALICE, chatId: GROUP, text: '/list', mentions: [fake.botOpenId] })).delivery;
    const [plain, withAt] = rx.requests.map((r) => decrypt(JSON.parse(r.rawBody).encrypt).event.message);
    expect(plain.mentions).toBeNull();
    expect(withAt.mentions).toHaveLength(1);
  });

  it('carries root_id and parent_id for a quote-reply', async () => {
    fake = await startSandbox();
    const rx = await receiver();
    const first = await fake.userSays({ from: ALICE, text: 'a' });
    const second = await fake.userSays({ from: ALICE, text: 'b', replyTo: first.messageId });
    await second.delivery;
    const msg = decrypt(JSON.parse(rx.requests[1]!.rawBody).encrypt).event.message;
    expect(msg).toMatchObject({ root_id: first.messageId, parent_id: first.messageId });
  });

  it('redelivers the same event_id after a 500 until the bot answers 200', async () => {
    fake = await startSandbox({ redeliveryDelaysMs: [20, 20, 20, 20] });
    const rx = await receiver((n) => ({ status: n < 3 ? 500 : 200 }));
    const said = await fake.userSays({ from: ALICE, text: 'hi' });
    expect((await said.delivery)?.outcome).toBe('rejected');
    await vi.waitFor(() => expect(fake.deliveries).toHaveLength(3));
    expect(fake.deliveries.map((d) => [d.attempt, d.status, d.outcome])).toEqual([
      [1, 500, 'rejected'],
      [2, 500, 'rejected'],
      [3, 200, 'acked'],
    ]);
    const ids = rx.requests.map((r) => decrypt(JSON.parse(r.rawBody).encrypt).header.event_id);
    expect(new Set(ids)).toEqual(new Set([said.eventId]));
    expect(fake.pendingRedeliveries()).toBe(0);
  });

  it.each([
    ['fresh', false],
    ['original', true],
  ] as const)("redeliveryHeaders '%s': a re-push (and redeliver()) carries the first attempt's body and headers: %s", async (mode, same) => {
    let now = Date.UTC(2025, 0, 6, 1);
    fake = await startSandbox({ now: () => now, redeliveryHeaders: mode, redeliveryDelaysMs: [20] });
    const rx = await receiver((n) => ({ status: n < 2 ? 503 : 200 }));
    const said = await fake.userSays({ from: ALICE, text: 'hi' });
    now += 6 * 3600_000;
    await vi.waitFor(() => expect(fake.deliveries).toHaveLength(2));
    await fake.redeliver(said.eventId!);
    const sent = rx.requests.map((r) => ({ body: r.rawBody, ts: r.headers['x-lark-request-timestamp'], nonce: r.headers['x-lark-request-nonce'], sig: r.headers['x-lark-signature'] }));
    expect(sent).toHaveLength(3);
    expect(sent[0]!.ts).toBe(String(Date.UTC(2025, 0, 6, 1) / 1000));
    for (const later of sent.slice(1)) {
      expect(later.ts).toBe(same ? sent[0]!.ts : String(now / 1000));
      expect(later.nonce === sent[0]!.nonce && later.sig === sent[0]!.sig && later.body === sent[0]!.body).toBe(same);
    }
  });

  it('treats an answer slower than ackTimeoutMs as a failure and redelivers', async () => {
    fake = await startSandbox({ ackTimeoutMs: 150, redeliveryDelaysMs: [20] });
    await receiver((n) => ({ delayMs: n === 1 ? 400 : 0 }));
    const r = await fake.deliverEvent('im.chat.member.bot.added_v1', { chat_id: GROUP, name: '办公室' }, { eventId: 'evt-slow' });
    expect(r).toMatchObject({ eventId: 'evt-slow', attempt: 1, status: null, outcome: 'timeout' });
    await vi.waitFor(() => expect(fake.deliveries[1]).toMatchObject({ eventId: 'evt-slow', attempt: 2, outcome: 'acked' }));
  });

  it('gives up after the last redelivery delay', async () => {
    fake = await startSandbox({ redeliveryDelaysMs: [10, 10] });
    await receiver(() => ({ status: 503 }));
    await fake.deliverEvent('im.chat.member.bot.added_v1', { chat_id: GROUP });
    await vi.waitFor(() => expect(fake.deliveries).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.deliveries).toHaveLength(3);
    expect(fake.pendingRedeliveries()).toBe(0);
  });
});

describe('with the SDK EventDispatcher as the receiver', () => {
  it('verifies, decrypts and hands the flattened event to the handler', async () => {
    fake = await startSandbox();
    const got: any[] = [];
    const rx = await startSdkReceiver({
      'im.message.receive_v1': (d) => void got.push(d),
      'im.chat.member.bot.added_v1': (d) => void got.push(d),
    });
    closers.push(rx.close);
    fake.setWebhook({ eventsUrl: rx.url });
    expect((await fake.verifyUrl()).ok).toBe(true);
    const said = await fake.userSays({ from: BOB, text: '/help' });
    expect((await said.delivery)?.outcome).toBe('acked');
    await fake.deliverEvent('im.chat.member.bot.added_v1', {
      chat_id: GROUP, operator_id: { open_id: ALICE }, external: false, operator_tenant_key: 'tk', name: '办公室',
    });
    expect(got[0]).toMatchObject({ event_id: said.eventId, event_type: 'im.message.receive_v1', message: { message_id: said.messageId } });
    expect(got[1]).toMatchObject({ event_type: 'im.chat.member.bot.added_v1', chat_id: GROUP, name: '办公室' });
  });

  it('skips a forged request (wrong key) but still answers 200', async () => {
    fake = await startSandbox();
    const got: unknown[] = [];
    const rx = await startSdkReceiver({ 'im.message.receive_v1': (d) => void got.push(d) });
    closers.push(rx.close);
    const env = { schema: '2.0', header: { event_id: 'forged', event_type: 'im.message.receive_v1', token: 'vt' }, event: {} };
    const body = JSON.stringify(encryptEvent(APP.encryptKey, env));
    const headers = signRequest({ encryptKey: 'not-the-key', body });
    const res = await fetch(rx.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect(res.status).toBe(200);
    expect(got).toHaveLength(0);
  });
});

describe('crypto helpers', () => {
  it('decrypt the contract test vector', () => {
    expect(decryptString('test key', 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).toBe('hello world');
  });
});
