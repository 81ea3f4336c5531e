/**
 * #9 item 13 — a rate limit (429 with a reset header) and an expired tenant
 * token at the same time: delivered once, the token fetched again once, no
 * loop. Covered elsewhere one at a time: inbound.test.ts (a 429, a rejected
 * token), nudge-faults.test.ts (a storm of 429s).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { runSweep } from '../../jobs/processors/nudge-sweep.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedPlan } from '../helpers/seed.js';
import { sleep, waitFor } from '../helpers/wait-for.js';

const ALICE = 'ou_alice000000000000000000000001';
const MONDAY = new Date('2022-04-11T09:30:00+08:00');

let h: Harness;
afterEach(async () => h?.close());

const tokenCalls = () => h.fake.calls.filter((c) => c.path.includes('tenant_access_token'));

describe('429 and an expired token together', () => {
  it('a reply: 429, then the rejected token, then one pong', async () => {
    h = await startHarness();
    h.fake.addUser({ openId: ALICE, name: '张敏' });
    const pongs = () => h.fake.messagesIn(h.fake.p2pChatOf(ALICE)).filter((m) => m.sender === 'bot' && m.content?.text === 'pong');
    await (await h.fake.userSays({ from: ALICE, text: '/ping' })).delivery;
    await waitFor(() => pongs().length === 1);
    h.fake.faults.expireTokens();
    h.fake.faults.rateLimit({ times: 2, resetSeconds: 1 });
    await (await h.fake.userSays({ from: ALICE, text: '/ping' })).delivery;
    await waitFor(() => pongs().length === 2, 60_000);
    await sleep(1500);
    expect(pongs()).toHaveLength(2);
    const replies = h.fake.calls.filter((c) => c.path.endsWith('/reply'));
    expect(replies.map((c) => c.status)).toEqual([200, 429, 429, 400, 200]);
    expect(tokenCalls()).toHaveLength(2);
  });

  it('a batch of nudges: every card once, one token refresh, bounded calls', async () => {
    h = await startHarness({ clock: manualClock(MONDAY), env: { SWEEP_EVERY_SECONDS: '0', SEND_RATE_PER_SECOND: '50' } });
    await seedPlan(h.bot.deps.db, { now: MONDAY, fake: h.fake });
    await h.bot.deps.messenger.botInfo(); // a token is cached…
    h.fake.faults.expireTokens(); // …and Feishu has dropped it
    h.fake.faults.rateLimit({ times: 5, resetSeconds: 1 });
    await runSweep(h.bot.deps);
    await waitFor(async () => (await h.bot.deps.db.nudge.count({ where: { state: 'sent' } })) === 23, 60_000, 'all nudges sent');
    const cards = h.fake.messages({ sender: 'bot', msgType: 'interactive' });
    expect(cards).toHaveLength(23);
    expect(new Set(cards.map((c) => c.uuid)).size).toBe(23);
    // The first token, then at most one refresh per send in flight when it was rejected (SEND_CONCURRENCY at once): no loop.
    expect(tokenCalls().length).toBeGreaterThanOrEqual(2);
    expect(tokenCalls().length).toBeLessThanOrEqual(1 + h.bot.deps.config.SEND_CONCURRENCY);
    const sends = h.fake.calls.filter((c) => c.method === 'POST' && c.path === '/open-apis/im/v1/messages');
    // Each card once, the five 429s, and at most one resend per send in flight when the token was rejected.
    expect(sends.length).toBeLessThanOrEqual(23 + 5 + h.bot.deps.config.SEND_CONCURRENCY);
  });
});
