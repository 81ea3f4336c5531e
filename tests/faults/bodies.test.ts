/**
 * #9 item 5 — oversized, invalid and wrongly typed bodies: a 4xx, memory that
 * stays bounded, no crash (the next genuine message is still answered).
 * Covered elsewhere: invalid JSON, a JSON array, a 2 MB body with a length, a
 * signed non-envelope (tests/integration/inbound.test.ts).
 */
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { sealRequest } from '../../bot/sandbox/crypto.js';
import { SANDBOX_TENANT_KEY } from '../../bot/sandbox/index.js';
import { APP, startHarness, type Harness } from '../helpers/bot-harness.js';
import { waitFor } from '../helpers/wait-for.js';

const ALICE = 'ou_alice000000000000000000000001';

let h: Harness;
afterEach(async () => h?.close());

async function setup() {
  h = await startHarness();
  h.fake.addUser({ openId: ALICE, name: '张敏' });
}

const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${h.bot.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const sealed = (payload: unknown) => sealRequest(APP.encryptKey, payload, Date.now());
const header = (over: Record<string, unknown> = {}) => ({
  event_id: `ev-${Math.random().toString(36).slice(2)}`, event_type: 'im.message.receive_v1', token: APP.verificationToken, app_id: APP.appId, tenant_key: SANDBOX_TENANT_KEY, ...over,
});

/** Streams `total` bytes without a Content-Length; resolves to the HTTP status the server answers with. */
function streamBody(path: string, total: number, headers: Record<string, string> = {}): Promise<number> {
  const url = new URL(`${h.bot.url}${path}`);
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (e) => (req.writableEnded ? undefined : reject(e)));
    let sent = 0;
    const pump = () => {
      while (sent < total && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('bodies the receiver refuses', () => {
  it.each([
    ['event_id a number', { schema: '2.0', header: header({ event_id: 42 }), event: {} }],
    ['event a string', { schema: '2.0', header: header(), event: 'hello' }],
    ['header missing', { schema: '2.0', event: {} }],
    ['schema 1.0', { schema: '1.0', header: header(), event: {} }],
    ['an event_id of 10,000 characters', { schema: '2.0', header: header({ event_id: 'x'.repeat(10_000) }), event: {} }],
    ['a null', null],
  ])('signed, decrypted, but %s → 400', async (_what, payload) => {
    await setup();
    const s = sealed(payload);
    const res = await post('/feishu/events', s.body, s.headers);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await h.bot.deps.db.processedEvent.count()).toBe(0);
  });

  it.each([
    ['encrypt a number', JSON.stringify({ encrypt: 12345 })],
    ['encrypt not ciphertext', JSON.stringify({ encrypt: 'not-base64-ciphertext' })],
    ['an empty body', ''],
    ['a JSON string', '"hello"'],
  ])('%s → 4xx on both endpoints', async (_what, body) => {
    await setup();
    for (const path of ['/feishu/events', '/feishu/cards']) {
      const res = await post(path, body, { 'x-lark-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-lark-request-nonce': 'n', 'x-lark-signature': 'ab' });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await h.bot.deps.db.processedEvent.count()).toBe(0);
  });

  it('a gzip bomb (50 MB of zeros in 50 kB) → 413', async () => {
    await setup();
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100_000);
    const res = await post('/feishu/events', bomb, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
  });

  it('eight 32 MB bodies streamed at once without a length → 413 each, and the heap stays bounded', async () => {
    await setup();
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const statuses = await Promise.all(Array.from({ length: 8 }, () => streamBody('/feishu/events', 32 * 1024 * 1024)));
    expect(statuses).toEqual(Array(8).fill(413));
    // 256 MB offered; the receiver read at most 1 MB of each before refusing.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a genuine event whose message is wrongly typed is accepted, dropped by the worker, and the bot goes on', async () => {
    await setup();
    const bad = { schema: '2.0', header: header(), event: { sender: 'nobody', message: { message_id: 7, content: { text: 1 } } } };
    const s = sealed(bad);
    expect((await post('/feishu/events', s.body, s.headers)).status).toBe(200);
    const job = await waitFor(async () => {
      const [j] = await h.bot.deps.queues.inbound.getFailed();
      return j ?? null;
    });
    expect(job.failedReason).toMatch(/malformed/);
    expect(job.attemptsMade).toBe(1); // not retried
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    await said.delivery;
    await waitFor(() => h.fake.messagesIn(h.fake.p2pChatOf(ALICE)).some((m) => m.sender === 'bot' && m.content?.text === 'pong'));
  });

  it('a card callback with wrongly typed fields gets a toast, not an error', async () => {
    await setup();
    const s = sealed({ schema: '2.0', header: header({ event_type: 'card.action.trigger' }), event: { operator: 'x', action: [1, 2] } });
    const res = await post('/feishu/cards', s.body, s.headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ toast: { type: 'error', content: '无法识别的操作' } });
    // Its queued work is dropped by the worker, not retried.
    const job = await waitFor(async () => (await h.bot.deps.queues.inbound.getFailed())[0] ?? null);
    expect(job.attemptsMade).toBe(1);
  });
});
