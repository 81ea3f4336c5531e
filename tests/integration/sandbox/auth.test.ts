import * as lark from '@larksuiteoapi/node-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeFeishu } from '../../../bot/sandbox/index.js';
import { ALICE, APP, sdkClient, sdkError, startSandbox, text } from '../../helpers/sandbox-fixture.js';

let fake: FakeFeishu;
afterEach(() => fake?.close());

const tokenUrl = () => `${fake.url}/open-apis/auth/v3/tenant_access_token/internal`;
async function getToken(secret: string = APP.appSecret) {
  const r = await fetch(tokenUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ app_id: APP.appId, app_secret: secret }),
  });
  return { status: r.status, body: (await r.json()) as any };
}

describe('tenant_access_token', () => {
  it('is issued without a data wrapper and used by the SDK as a Bearer token', async () => {
    fake = await startSandbox();
    const t = await getToken();
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({ code: 0, msg: 'ok', expire: 7200 });
    expect(t.body.tenant_access_token).toMatch(/^t-/);
    expect(t.body.data).toBeUndefined();

    const client = sdkClient(fake);
    const res = await client.im.v1.message.create({
      params: { receive_id_type: 'open_id' },
      data: { receive_id: ALICE, msg_type: 'text', content: text('hi') },
    });
    expect(res.code).toBe(0);
    const paths = fake.calls.map((c) => `${c.method} ${c.path} ${c.status}`);
    expect(paths).toContain('POST /open-apis/auth/v3/tenant_access_token/internal 200');
    expect(paths).toContain('POST /open-apis/im/v1/messages 200');
  });

  it('answers the same token until < 30 min are left, then a new one; both stay valid', async () => {
    let now = Date.UTC(2025, 0, 6, 1);
    fake = await startSandbox({ now: () => now });
    const first = (await getToken()).body;
    now += 60 * 60 * 1000;
    const same = (await getToken()).body;
    expect(same.tenant_access_token).toBe(first.tenant_access_token);
    expect(same.expire).toBe(3600);
    now += 45 * 60 * 1000;
    const fresh = (await getToken()).body;
    expect(fresh.tenant_access_token).not.toBe(first.tenant_access_token);
    expect(fresh.expire).toBe(7200);
    const client = sdkClient(fake);
    for (const t of [first.tenant_access_token, fresh.tenant_access_token]) {
      const r = await client.request({ method: 'GET', url: '/open-apis/bot/v3/info' }, lark.withTenantToken(t));
      expect(r.code).toBe(0);
    }
  });

  it('refuses a wrong secret with 10014, and the SDK call fails', async () => {
    fake = await startSandbox();
    const t = await getToken('wrong');
    expect(t.status).toBe(400);
    expect(t.body).toMatchObject({ code: 10014, msg: 'app secret invalid' });
    const err = await sdkError(sdkClient(fake, 'wrong').request({ method: 'GET', url: '/open-apis/bot/v3/info' }));
    expect(err.data.code).toBe(10014);
  });

  it('answers 99991661 without a token and 99991671 for a malformed one', async () => {
    fake = await startSandbox();
    const none = await fetch(`${fake.url}/open-apis/bot/v3/info`);
    expect(none.status).toBe(400);
    expect(((await none.json()) as any).code).toBe(99991661);
    const bad = await fetch(`${fake.url}/open-apis/bot/v3/info`, { headers: { authorization: 'Bearer nonsense' } });
    expect(((await bad.json()) as any).code).toBe(99991671);
  });

  it('expireTokens → the SDK keeps its cached token and gets 99991663; a fresh cache recovers', async () => {
    fake = await startSandbox();
    const client = sdkClient(fake);
    const send = (c: lark.Client) =>
      c.im.v1.message.create({ params: { receive_id_type: 'open_id' }, data: { receive_id: ALICE, msg_type: 'text', content: text('x') } });
    await send(client);
    fake.faults.expireTokens();
    const err = await sdkError(send(client));
    expect(err.status).toBe(400);
    expect(err.data).toMatchObject({ code: 99991663 });
    expect(err.data.error.log_id).toBeTruthy();
    expect((await send(sdkClient(fake))).code).toBe(0);
  });

  it('honours tokenTtlSeconds: an expired token answers 99991663', async () => {
    let now = Date.UTC(2025, 0, 6, 1);
    fake = await startSandbox({ now: () => now, tokenTtlSeconds: 600 });
    const { tenant_access_token: t } = (await getToken()).body;
    now += 601 * 1000;
    const r = await fetch(`${fake.url}/open-apis/bot/v3/info`, { headers: { authorization: `Bearer ${t}` } });
    expect(((await r.json()) as any).code).toBe(99991663);
  });
});
