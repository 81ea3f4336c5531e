/**
 * #9 item 3 — Redis down when an event arrives: the webhook answers non-2xx
 * (so Feishu redelivers), no handler runs, and the event is handled once
 * after Redis returns. Runs on a private redis-server (never the shared one).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sleep, waitFor } from '../helpers/wait-for.js';
import { startHarnessOnPrivateRedis } from '../helpers/private-redis.js';

const ALICE = 'ou_alice000000000000000000000001';

let running: Awaited<ReturnType<typeof startHarnessOnPrivateRedis>> | undefined;
afterEach(async () => running?.close());

describe('Redis down when an event arrives', () => {
  it('answers 503, and the redelivery after Redis is back is handled once', async () => {
    running = await startHarnessOnPrivateRedis({ fake: { redeliveryDelaysMs: [1000, 1000, 2000, 2000, 4000, 8000] } });
    const { h, redis } = running;
    h.fake.addUser({ openId: ALICE, name: '张敏' });
    const pongs = () => h.fake.messagesIn(h.fake.p2pChatOf(ALICE)).filter((m) => m.sender === 'bot' && m.content?.text === 'pong');

    await redis.stop();
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    const first = await said.delivery;
    expect(first?.status).toBe(503);
    expect(first?.outcome).toBe('rejected');
    expect(await h.bot.deps.db.processedEvent.count()).toBe(0);

    await redis.start();
    await waitFor(() => pongs().length === 1, 60_000, 'the pong after Redis returned');
    const attempts = () => h.fake.deliveries.filter((d) => d.eventId === said.eventId);
    await waitFor(() => attempts().at(-1)?.status === 200);
    await sleep(1500); // a redelivery still in flight would land now
    expect(pongs()).toHaveLength(1);
    expect(attempts().filter((d) => d.status === 200)).toHaveLength(1);
    expect(await h.bot.deps.db.processedEvent.count()).toBe(1);
  });
});
