/**
 * #17 item 6 — card clicks over the long connection get the webhook's budget: the answer is out
 * with the fallback toast when the store is slow or failing, and the click's acceptance is retried,
 * so it is not lost (Feishu never pushes a callback again). Driven through the dispatcher the SDK's
 * WSClient calls for each pushed frame.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWsDispatcher } from '../../bot/feishu/long-connection.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { sleep, waitFor } from '../helpers/wait-for.js';
import { beforeEventRecords } from '../helpers/event-record-hook.js';

const ALICE = 'ou_alice000000000000000000000001';
const FALLBACK = { toast: { type: 'info', content: '已收到，正在处理' } };
const TOAST = { toast: { type: 'success', content: '已记录' } };

let h: Harness;
afterEach(async () => h?.close());

async function setup() {
  h = await startHarness({
    handlers: {
      cardActions: {
        'test-write': {
          answer: async () => TOAST,
          work: async (deps, a) => void (await deps.db.chat.create({ data: { chatId: `oc_click_${a.token ?? 'x'}`, createdAt: deps.clock.now() } })),
        },
      },
    },
  });
  h.fake.addUser({ openId: ALICE, name: '张敏' });
  // The bot's own responder answers with the action's toast; this one does the same.
  return createWsDispatcher(h.bot.deps, async () => TOAST);
}

/** A card.action.trigger frame's payload as the long connection delivers it (plaintext v2 envelope). */
function click(n: number) {
  return {
    schema: '2.0',
    header: { event_id: `ws-click-${n}`, event_type: 'card.action.trigger', create_time: String(Date.now() * 1000), token: '', app_id: 'cli_a1b2c3d4e5f60718', tenant_key: h.fake.tenantKey },
    event: {
      operator: { open_id: ALICE, tenant_key: h.fake.tenantKey },
      token: `c-ws-${n}`,
      action: { tag: 'button', value: { action: 'test-write' } },
      context: { open_message_id: 'om_ws_card', open_chat_id: h.fake.p2pChatOf(ALICE) },
    },
  };
}

/** The store's next write of event records waits for `release` (or fails when `fail`). */
function holdStore(opts: { fail?: boolean } = {}): { release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  beforeEventRecords(h.bot.deps.db, async () => {
    if (opts.fail) throw new Error('database is locked');
    await gate;
  });
  return { release };
}

const worked = async () => (await h.bot.deps.db.chat.findMany({ where: { chatId: { startsWith: 'oc_click_' } } })).map((c) => c.chatId);

describe('card clicks over the long connection', () => {
  it('are answered with the action’s toast and their work runs once (a repeat of the frame is answered {})', async () => {
    const dispatcher = await setup();
    expect(await dispatcher.invoke(click(1), { needCheck: false })).toEqual(TOAST);
    expect(await dispatcher.invoke(click(1), { needCheck: false })).toEqual({});
    await waitFor(async () => (await worked()).length === 1, 30_000, 'the click’s work');
    expect(await worked()).toEqual(['oc_click_c-ws-1']);
  });

  it('a store that fails the first write: the fallback toast at once, the click accepted on a retry, its work runs once', async () => {
    const dispatcher = await setup();
    holdStore({ fail: true });
    expect(await dispatcher.invoke(click(2), { needCheck: false })).toEqual(FALLBACK);
    await waitFor(async () => (await worked()).length === 1, 30_000, 'the click’s work');
    expect(await worked()).toEqual(['oc_click_c-ws-2']);
    expect(await h.bot.deps.db.processedEvent.count({ where: { eventId: 'ws-click-2' } })).toBe(1);
  });

  it('a store that does not answer: the fallback toast within the budget, the work once the store answers', async () => {
    const dispatcher = await setup();
    const store = holdStore();
    // Without the budget this would wait for the store, which answers only after the click was answered.
    expect(await dispatcher.invoke(click(3), { needCheck: false })).toEqual(FALLBACK);
    expect(await worked()).toEqual([]);
    store.release();
    await waitFor(async () => (await worked()).length === 1, 30_000, 'the click’s work');
    await sleep(300);
    expect(await worked()).toEqual(['oc_click_c-ws-3']);
  });
});
