/** Card callbacks answered within 3 s with the slow work queued, and the long-connection path. */
import { afterEach, describe, expect, it } from 'vitest';
import { createWsDispatcher } from '../../bot/feishu/long-connection.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { sleep, waitFor } from '../helpers/wait-for.js';
import { rawCard } from '../helpers/raw-card.js';

const ALICE = 'ou_alice000000000000000000000001';
const GROUP = 'oc_leaders0000000000000000000001';

let h: Harness;
afterEach(async () => h?.close());

const card = rawCard({
  schema: '2.0',
  config: { update_multi: true },
  header: { title: { tag: 'plain_text', content: '任务1 培育高新技术企业' }, template: 'blue' },
  body: {
    elements: [
      { tag: 'button', text: { tag: 'plain_text', content: '按计划推进' }, type: 'primary', behaviors: [{ type: 'callback', value: { action: 'test-ack', task: 1 } }] },
    ],
  },
});

describe('card callbacks', () => {
  it('answer at once with the action’s toast; the slow work runs once from the queue', async () => {
    // The work waits for a gate opened only after the click was answered: an answer that waited for
    // the work would never come (the fake gives up after Feishu's 3 s).
    const worked: unknown[] = [];
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    h = await startHarness({
      handlers: {
        cardActions: {
          'test-ack': {
            answer: async () => ({ toast: { type: 'success', content: '已记录' } }),
            work: async (_deps, action) => {
              await gate;
              worked.push(action.action.value);
            },
          },
        },
      },
    });
    h.fake.addUser({ openId: ALICE, name: '张敏' });
    const sent = await h.bot.deps.messenger.send({ openId: ALICE }, { card }, 'test-card');
    const click = await h.fake.clickCard({ from: ALICE, messageId: sent.messageId, value: { action: 'test-ack', task: 1 } });
    expect(click).toMatchObject({ status: 200, outcome: 'acked' });
    expect(click.body).toEqual({ toast: { type: 'success', content: '已记录' } });
    expect(worked).toEqual([]);
    open();
    await waitFor(() => worked.length === 1);
    expect(worked).toEqual([{ action: 'test-ack', task: 1 }]);
  });

  it('fall back to a toast within 3 s when the answer is slow', async () => {
    h = await startHarness({
      handlers: { cardActions: { 'test-slow': { answer: async () => (await sleep(6000), { toast: { type: 'info', content: '太慢' } }), work: async () => {} } } },
    });
    h.fake.addUser({ openId: ALICE, name: '张敏' });
    const sent = await h.bot.deps.messenger.send({ openId: ALICE }, { card }, 'test-card-2');
    const click = await h.fake.clickCard({ from: ALICE, messageId: sent.messageId, value: { action: 'test-slow' } });
    // Answered before the fake gave up (Feishu's 3 s): the fallback toast, not a timeout.
    expect(click).toMatchObject({ status: 200, outcome: 'acked' });
    expect(click.body).toMatchObject({ toast: { content: '已收到，正在处理' } });
  });
});

describe('long connection (FEISHU_MODE=websocket)', () => {
  it('feeds the same de-duplicated queue: a pushed /ping is answered once', async () => {
    h = await startHarness();
    h.fake.addUser({ openId: ALICE, name: '张敏' });
    h.fake.addChat({ chatId: GROUP, name: '局领导群', members: [ALICE] });
    // A message the platform holds (not pushed over the webhook: no @bot).
    const said = await h.fake.userSays({ from: ALICE, chatId: GROUP, text: '/ping' });
    const envelope = {
      schema: '2.0',
      header: { event_id: 'ws-evt-1', event_type: 'im.message.receive_v1', create_time: String(Date.now()), token: '', app_id: 'cli_a1b2c3d4e5f60718', tenant_key: h.fake.tenantKey },
      event: {
        sender: { sender_id: { open_id: ALICE }, sender_type: 'user', tenant_key: 't' },
        message: {
          message_id: said.messageId, chat_id: GROUP, chat_type: 'group', message_type: 'text',
          content: JSON.stringify({ text: '@_user_1 /ping' }),
          mentions: [{ key: '@_user_1', id: { open_id: h.fake.botOpenId }, name: '进度助手', tenant_key: 't' }],
        },
      },
    };
    const dispatcher = createWsDispatcher(h.bot.deps, async () => ({}));
    // The SDK's WSClient calls invoke(data, { needCheck: false }) for each pushed frame.
    await dispatcher.invoke(envelope, { needCheck: false });
    await dispatcher.invoke(envelope, { needCheck: false });
    const pongs = () => h.fake.messagesIn(GROUP).filter((m) => m.sender === 'bot' && m.content?.text === 'pong');
    await waitFor(() => pongs().length === 1);
    await sleep(300);
    expect(pongs()).toHaveLength(1);
  });
});
