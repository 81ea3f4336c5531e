/**
 * #9 item 2 — a slow downstream: Feishu answering 5 s late, or the store
 * (SQLite locked by another writer for 5 s). Every webhook delivery and card
 * callback is still answered within Feishu's 3 s (the fake counts a later
 * answer as a timeout), and the work completes later, once. And Feishu that
 * never answers a send: the call times out and is retried (same uuid).
 * Covered elsewhere: a 5 s handler (tests/integration/inbound.test.ts), a
 * 6 s card answer falling back to a toast (cards-and-long-connection.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/clock.js';
import { runSweep } from '../../../jobs/processors/nudge-sweep.js';
import { startHarness, type Harness } from '../../helpers/bot-harness.js';
import { seedPlan } from '../../helpers/seed.js';
import { sleep, waitFor } from '../../helpers/wait-for.js';
import { rawCard } from '../../helpers/raw-card.js';
import { beforeEventRecords } from '../../helpers/event-record-hook.js';

const ALICE = 'ou_alice000000000000000000000001';
const card = rawCard({
  schema: '2.0',
  body: { elements: [{ tag: 'button', text: { tag: 'plain_text', content: '按计划推进' }, behaviors: [{ type: 'callback', value: { action: 'test-write' } }] }] },
});

let h: Harness;
afterEach(async () => h?.close());

async function setup() {
  h = await startHarness({
    fake: { redeliveryDelaysMs: [1000, 2000, 4000, 8000] },
    handlers: {
      cardActions: {
        'test-write': {
          answer: async () => ({ toast: { type: 'success', content: '已记录' } }),
          work: async (deps, a) => void (await deps.db.chat.create({ data: { chatId: `oc_click_${a.token ?? 'x'}`, createdAt: deps.clock.now() } })),
        },
      },
    },
  });
  h.fake.addUser({ openId: ALICE, name: '张敏' });
}

const pongs = () => h.fake.messagesIn(h.fake.p2pChatOf(ALICE)).filter((m) => m.sender === 'bot' && m.content?.text === 'pong');

/** Makes the store answer `ms` late on the receiver's write (recording event ids), for the next `times` writes. */
function slowStore(ms: number, times = 1): void {
  beforeEventRecords(h.bot.deps.db, () => sleep(ms), times);
}

describe('a slow downstream', () => {
  it('Feishu 5 s late: the event and the click are answered in time, the pong comes later, once', async () => {
    await setup();
    const sent = await h.bot.deps.messenger.send({ openId: ALICE }, { card }, 'slow-feishu-card');
    // Warm up first (a fresh process's first store write can itself take seconds on a loaded machine).
    await (await h.fake.userSays({ from: ALICE, text: '/ping' })).delivery;
    await waitFor(() => pongs().length === 1, 60_000, 'the warm-up pong');
    h.fake.faults.latency(5000);
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    expect((await said.delivery)?.outcome).toBe('acked');
    const click = await h.fake.clickCard({ from: ALICE, messageId: sent.messageId, value: { action: 'test-write' } });
    expect(click.outcome).toBe('acked');
    expect(click.body).toEqual({ toast: { type: 'success', content: '已记录' } });
    await waitFor(() => pongs().length === 2, 60_000, 'the pong');
    await waitFor(async () => (await h.bot.deps.db.chat.count()) === 1, 60_000, 'the click’s work');
    expect(h.fake.deliveries.filter((d) => d.eventId === said.eventId)).toHaveLength(1);
  });

  it('the store 5 s late: the delivery is answered in time (503), the event is handled once after', async () => {
    await setup();
    slowStore(5000);
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    const first = await said.delivery;
    expect(first?.status).toBe(503);
    await waitFor(() => pongs().length === 1, 60_000, 'the pong');
    await sleep(2500); // any redelivery still scheduled lands
    expect(pongs()).toHaveLength(1);
    const attempts = h.fake.deliveries.filter((d) => d.eventId === said.eventId);
    expect(attempts.every((d) => d.outcome !== 'timeout')).toBe(true);
    expect(attempts.at(-1)?.status).toBe(200);
  });

  it('the store 5 s late: a card click is answered within 3 s and its work completes after', async () => {
    await setup();
    const sent = await h.bot.deps.messenger.send({ openId: ALICE }, { card }, 'slow-store-card');
    slowStore(5000);
    const click = await h.fake.clickCard({ from: ALICE, messageId: sent.messageId, value: { action: 'test-write' } });
    expect(click.outcome).toBe('acked');
    expect(click.body).toEqual({ toast: { type: 'info', content: '已收到，正在处理' } });
    await waitFor(async () => (await h.bot.deps.db.chat.count()) === 1, 60_000, 'the click’s work');
  });

  it('Feishu takes a send but never answers: the call times out, is retried with the same uuid, one card', async () => {
    const MONDAY = new Date('2022-04-11T09:30:00+08:00');
    h = await startHarness({ clock: manualClock(MONDAY), env: { SWEEP_EVERY_SECONDS: '0', NUDGE_CLAIM_LEASE_SECONDS: '2' } });
    await seedPlan(h.bot.deps.db, { now: MONDAY, fake: h.fake, onlyTasks: new Set(['1']) });
    await h.bot.deps.messenger.botInfo(); // the token is fetched before Feishu stops answering
    h.fake.faults.slowAnswers(120_000);
    const { enqueued } = await runSweep(h.bot.deps);
    const cards = () => h.fake.messages({ sender: 'bot', msgType: 'interactive' });
    await waitFor(() => cards().length > 0, 60_000, 'the card to be stored');
    h.fake.faults.slowAnswers(0);
    await waitFor(async () => (await h.bot.deps.db.nudge.count({ where: { state: 'sent' } })) === enqueued, 60_000, 'the timed-out sends retried');
    expect(cards()).toHaveLength(enqueued);
    expect(new Set(cards().map((c) => c.uuid)).size).toBe(enqueued);
  });
});
