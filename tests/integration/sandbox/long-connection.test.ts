/**
 * The fake's long connection against the SDK's own WSClient and EventDispatcher (no bot): what an
 * event with no client connected, a handler that throws, and a reused connect ticket come to.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeFeishu } from '../../../bot/sandbox/index.js';
import { ALICE, APP, silentLogger, startSandbox } from '../../helpers/sandbox-fixture.js';
import { waitFor } from '../../helpers/wait-for.js';

let fake: FakeFeishu;
const closers: Array<() => unknown> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  await fake?.close();
});

/** A WSClient whose message handler records event ids, or throws when `fail` says so. */
function client(fail = () => false): { seen: string[] } {
  const seen: string[] = [];
  const dispatcher = new lark.EventDispatcher({ logger: silentLogger }).register({
    'im.message.receive_v1': async (data: { event_id?: string }) => {
      if (fail()) throw new Error('handler failed');
      seen.push(String(data.event_id));
    },
  } as never);
  const ws = new lark.WSClient({ appId: APP.appId, appSecret: APP.appSecret, domain: fake.url, logger: silentLogger, loggerLevel: lark.LoggerLevel.error });
  void ws.start({ eventDispatcher: dispatcher });
  closers.push(() => ws.close({ force: true }));
  return { seen };
}

describe('the fake long connection', () => {
  it('fails an event while no client is connected, and pushes it again (same event_id) to one that is', async () => {
    fake = await startSandbox({ redeliveryDelaysMs: [3_600_000] });
    fake.useLongConnection();
    const said = await fake.userSays({ from: ALICE, text: '/list' });
    expect(await said.delivery).toMatchObject({ attempt: 1, status: null, outcome: 'network_error' });
    expect(fake.pendingRedeliveries()).toBe(1);

    const c = client();
    await waitFor(() => fake.longConnectionStats().pings === 1);
    expect(await fake.redeliver(said.eventId!)).toMatchObject({ attempt: 2, status: 200, outcome: 'acked' });
    expect(c.seen).toEqual([said.eventId]);
  });

  it('takes a handler that threw (ack code 500) as a failure to redeliver', async () => {
    fake = await startSandbox({ redeliveryDelaysMs: [3_600_000] });
    fake.useLongConnection();
    client(() => true);
    await waitFor(() => fake.longConnectionStats().pings === 1);
    const said = await fake.userSays({ from: ALICE, text: '/list' });
    expect(await said.delivery).toMatchObject({ attempt: 1, status: 500, outcome: 'rejected' });
    expect(fake.pendingRedeliveries()).toBe(1);
  });

  it('hands out a connect URL whose ticket opens one WebSocket only', async () => {
    fake = await startSandbox();
    const res = await fetch(`${fake.url}/callback/ws/endpoint`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ AppID: APP.appId, AppSecret: APP.appSecret }),
    });
    const body = (await res.json()) as { code: number; data: { URL: string; ClientConfig: unknown } };
    expect(body.code).toBe(0);
    expect(body.data.ClientConfig).toEqual({ PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 });
    const open = (url: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url);
        ws.on('open', () => {
          closers.push(() => ws.terminate());
          resolve('open');
        });
        ws.on('error', (e) => resolve(e.message));
      });
    expect(await open(body.data.URL)).toBe('open');
    expect(await open(body.data.URL)).toBe('Unexpected server response: 403');
    expect(fake.longConnectionStats().clients).toBe(1);
  });
});
