import { afterEach, describe, expect, it } from 'vitest';
import type { FakeFeishu } from '../../../bot/sandbox/index.js';
import { ALICE, sdkClient, sdkError, startSandbox, text } from '../../helpers/sandbox-fixture.js';
import type * as lark from '@larksuiteoapi/node-sdk';

let fake: FakeFeishu;
afterEach(() => fake?.close());

const send = (c: lark.Client, to: string = ALICE) =>
  c.im.v1.message.create({ params: { receive_id_type: 'open_id' }, data: { receive_id: to, msg_type: 'text', content: text('x') } });

describe('faults', () => {
  it('rateLimit → HTTP 429, code 99991400, reset header visible on the AxiosError; then calls pass', async () => {
    fake = await startSandbox();
    const client = sdkClient(fake);
    fake.faults.rateLimit({ times: 2, resetSeconds: 7 });
    for (let i = 0; i < 2; i++) {
      const err = await sdkError(send(client));
      expect(err.status).toBe(429);
      expect(err.data).toMatchObject({ code: 99991400, msg: 'request trigger frequency limit' });
      expect(err.headers['x-ogw-ratelimit-reset']).toBe('7');
      expect(err.headers['x-ogw-ratelimit-limit']).toBe('50');
    }
    expect((await send(client)).code).toBe(0);
    expect(fake.messages()).toHaveLength(1);
  });

  it('rateLimit hits IM calls only, not contact', async () => {
    fake = await startSandbox();
    const client = sdkClient(fake);
    fake.faults.rateLimit();
    const r = await client.contact.v3.user.batchGetId({ data: { emails: ['alice@example.gov.cn'] } });
    expect(r.code).toBe(0);
    expect((await sdkError(send(client))).status).toBe(429);
  });

  it('serverError → 5xx for the next N calls', async () => {
    fake = await startSandbox();
    const client = sdkClient(fake);
    await send(client); // token fetched first; auth is never failed by serverError
    fake.faults.serverError({ times: 1, status: 503 });
    const err = await sdkError(send(client));
    expect(err.status).toBe(503);
    expect((await send(client)).code).toBe(0);
  });

  it('latency delays every answer; reset clears it', async () => {
    fake = await startSandbox();
    const client = sdkClient(fake);
    await send(client);
    fake.faults.latency(150);
    const t0 = performance.now();
    await send(client);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    // A latency no test would sit out: the send below completes only because reset cleared it.
    fake.faults.latency(3_600_000);
    fake.faults.reset();
    expect((await send(client)).code).toBe(0);
  });

  it('enforceRealLimits: 5/s per user → 400 230020; next second passes', async () => {
    let now = Date.UTC(2025, 0, 6, 1);
    fake = await startSandbox({ now: () => now });
    const client = sdkClient(fake);
    fake.faults.enforceRealLimits(true);
    for (let i = 0; i < 5; i++) expect((await send(client)).code).toBe(0);
    const err = await sdkError(send(client));
    expect(err.status).toBe(400);
    expect(err.data.code).toBe(230020);
    now += 1000;
    expect((await send(client)).code).toBe(0);
  });

  it('enforceRealLimits: 50/s per app → 429 with a reset header', async () => {
    const now = Date.UTC(2025, 0, 6, 1) + 400;
    fake = await startSandbox({ now: () => now });
    const users = Array.from({ length: 11 }, (_, i) => `ou_load${String(i).padStart(29, '0')}`);
    users.forEach((openId, i) => fake.addUser({ openId, name: `U${i}` }));
    const client = sdkClient(fake);
    fake.faults.enforceRealLimits(true);
    for (let i = 0; i < 50; i++) await send(client, users[i % 11]);
    const err = await sdkError(send(client, users[0]));
    expect(err.status).toBe(429);
    expect(err.data.code).toBe(99991400);
    expect(err.headers['x-ogw-ratelimit-limit']).toBe('50');
    expect(err.headers['x-ogw-ratelimit-reset']).toBe('1');
  });

  it('enforceRealLimits: 1000/min per app → 429 with the seconds left in the minute', async () => {
    let now = Date.UTC(2025, 0, 6, 1);
    fake = await startSandbox({ now: () => now });
    const users = Array.from({ length: 10 }, (_, i) => `ou_load${String(i).padStart(29, '0')}`);
    users.forEach((openId, i) => fake.addUser({ openId, name: `U${i}` }));
    const client = sdkClient(fake);
    await send(client, users[0]);
    fake.faults.enforceRealLimits(true);
    for (let s = 0; s < 20; s++, now += 1000) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => send(client, users[i % 10])));
    }
    const err = await sdkError(send(client, users[0]));
    expect(err.status).toBe(429);
    expect(err.headers['x-ogw-ratelimit-limit']).toBe('1000');
    expect(err.headers['x-ogw-ratelimit-reset']).toBe('40');
  });
});
