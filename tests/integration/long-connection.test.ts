/**
 * FEISHU_MODE=websocket end to end: the bot's real WSClient asks the fake for its endpoint, opens the
 * WebSocket, pings, and receives a message and a card click as pbbp2 frames; its acks carry the
 * card's answer back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { rawCard } from '../helpers/raw-card.js';
import { waitFor } from '../helpers/wait-for.js';

const ALICE = 'ou_alice000000000000000000000001';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const card = rawCard({
  schema: '2.0',
  config: { update_multi: true },
  header: { title: { tag: 'plain_text', content: '任务1 培育高新技术企业' }, template: 'blue' },
  body: {
    elements: [
      { tag: 'button', text: { tag: 'plain_text', content: '按计划推进' }, type: 'primary', behaviors: [{ type: 'callback', value: { action: 'test-ws', task: 1 } }] },
    ],
  },
});

/** The bot connected and its first ping was answered. */
async function connected(harness: Harness): Promise<void> {
  await waitFor(() => harness.fake.longConnectionStats().pings === 1, 60_000, 'the long connection to open');
}

describe('long connection (FEISHU_MODE=websocket) through the SDK’s WSClient', () => {
  it('receives a command and a card click over the WebSocket and acks both', async () => {
    const worked: unknown[] = [];
    h = await startHarness({
      env: { FEISHU_MODE: 'websocket' },
      handlers: {
        cardActions: {
          'test-ws': {
            answer: async () => ({ toast: { type: 'success', content: '已记录' } }),
            work: async (_deps, action) => void worked.push(action.action.value),
          },
        },
      },
    });
    await connected(h);
    expect(h.fake.longConnectionStats()).toEqual({ clients: 1, pings: 1 });
    h.fake.addUser({ openId: ALICE, name: '张敏' });

    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    expect(await said.delivery).toMatchObject({ attempt: 1, status: 200, outcome: 'acked', body: '' });
    await waitFor(() => h!.fake.messagesTo(ALICE).some((m) => m.content?.text === 'pong'));

    const sent = await h.bot.deps.messenger.send({ openId: ALICE }, { card }, 'test-ws-card');
    const click = await h.fake.clickCard({ from: ALICE, messageId: sent.messageId, value: { action: 'test-ws', task: 1 } });
    expect(click).toMatchObject({ status: 200, outcome: 'acked', body: { toast: { type: 'success', content: '已记录' } } });
    await waitFor(() => worked.length === 1);
    expect(worked).toEqual([{ action: 'test-ws', task: 1 }]);
    // Nothing went over HTTP to the bot: it has no webhook address.
    expect(h.fake.calls.filter((c) => c.path === '/callback/ws/endpoint')).toMatchObject([{ method: 'POST', status: 200, code: 0 }]);
    expect(h.fake.pendingRedeliveries()).toBe(0);
  });

  it('joins an event split into several frames (sum > 1)', async () => {
    h = await startHarness({ env: { FEISHU_MODE: 'websocket' }, fake: { longConnectionFragmentBytes: 64 } });
    await connected(h);
    h.fake.addUser({ openId: ALICE, name: '张敏' });
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    expect(await said.delivery).toMatchObject({ status: 200, outcome: 'acked' });
    await waitFor(() => h!.fake.messagesTo(ALICE).some((m) => m.content?.text === 'pong'));
  });

  it('refuses a client with the wrong App Secret at the endpoint (code 514): no connection', async () => {
    h = await startHarness({ env: { FEISHU_MODE: 'websocket', FEISHU_APP_SECRET: 'wrong-secret' } });
    const endpoint = await waitFor(() => h!.fake.calls.find((c) => c.path === '/callback/ws/endpoint'));
    expect(endpoint).toMatchObject({ method: 'POST', status: 200, code: 514 });
    expect(h.fake.longConnectionStats()).toEqual({ clients: 0, pings: 0 });
  });
});
