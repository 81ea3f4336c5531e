/**
 * #17 items 3 and 4. Feishu re-pushes an event it got no 200 for (about 15 s, 5 min, 1 h, 6 h later)
 * and may carry the first attempt's headers: the fake's redeliveryHeaders 'original' mode. A
 * re-push hours later, or of an event first answered 503, is accepted and handled once; an exact
 * repeat of a request answered 200 is answered 200 with no second effect; past 8 h it is refused.
 * url_verification is answered whatever signature headers it carries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { sealRequest } from '../../bot/sandbox/crypto.js';
import type { FakeFeishuOptions } from '../../bot/sandbox/types.js';
import { APP, startHarness, type Harness } from '../helpers/bot-harness.js';
import { sleep, waitFor } from '../helpers/wait-for.js';
import { beforeEventRecords } from '../helpers/event-record-hook.js';

const ALICE = 'ou_alice000000000000000000000001';
const T0 = new Date('2022-04-11T10:00:00+08:00');
const HOUR = 3600_000;

let h: Harness;
afterEach(async () => h?.close());

async function setup(fake: Partial<FakeFeishuOptions> = {}) {
  const clock = manualClock(T0);
  h = await startHarness({ clock, fake: { redeliveryHeaders: 'original', redeliveryDelaysMs: [500], ...fake } });
  h.fake.addUser({ openId: ALICE, name: '张敏' });
  return clock;
}

/** A fresh process's first store write can itself take seconds on a loaded machine: one round trip first. */
async function warmUp() {
  const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
  await said.delivery; // answered in time, or re-pushed
  await waitFor(() => pongs().length === 1, 60_000, 'the warm-up pong');
  return said.eventId!;
}

/** The store refuses the next write of event records (a failed insert: the receiver answers 503). */
function storeFailsOnce(): void {
  beforeEventRecords(h.bot.deps.db, async () => {
    throw new Error('database is locked');
  });
}

const pongs = () => h.fake.messagesIn(h.fake.p2pChatOf(ALICE)).filter((m) => m.sender === 'bot' && m.content?.text === 'pong');
const attempts = (eventId: string) => h.fake.deliveries.filter((d) => d.eventId === eventId);

describe('re-pushes carrying the first attempt’s headers', () => {
  it('an event answered 503, re-pushed 6 h later with its first signature: accepted and handled once; its exact repeat: 200, no second effect', async () => {
    const clock = await setup();
    await warmUp();
    storeFailsOnce();
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    expect((await said.delivery)?.status).toBe(503);
    clock.advance(6 * HOUR);
    await waitFor(() => attempts(said.eventId!).length === 2, 10_000, 'the re-push');
    const [first, again] = attempts(said.eventId!);
    expect(again).toMatchObject({ attempt: 2, status: 200, outcome: 'acked' });
    expect(again!.at - first!.at).toBe(6 * HOUR);
    await waitFor(() => pongs().length === 2, 30_000, 'the pong');

    // The same bytes and headers once more (Feishu's duplicate delivery): answered 200, nothing new.
    expect((await h.fake.redeliver(said.eventId!)).status).toBe(200);
    await sleep(300);
    expect(pongs()).toHaveLength(2);
    expect(await h.bot.deps.db.processedEvent.count({ where: { eventId: said.eventId! } })).toBe(1);
  });

  it('a re-push past the 8 h window is refused (401) and nothing runs', async () => {
    const clock = await setup();
    await warmUp();
    storeFailsOnce();
    const said = await h.fake.userSays({ from: ALICE, text: '/ping' });
    expect((await said.delivery)?.status).toBe(503);
    clock.advance(8 * HOUR + 60_000);
    await waitFor(() => attempts(said.eventId!).length === 2, 10_000, 'the re-push');
    expect(attempts(said.eventId!)[1]).toMatchObject({ status: 401, outcome: 'rejected' });
    expect(await h.bot.deps.db.processedEvent.count({ where: { eventId: said.eventId! } })).toBe(0);
    expect(pongs()).toHaveLength(1);
  });

  it('an acknowledged event pushed again with its first headers 10 minutes later: 200, handled once', async () => {
    const clock = await setup();
    const eventId = await warmUp();
    clock.advance(10 * 60_000);
    const repeat = await h.fake.redeliver(eventId);
    expect(repeat).toMatchObject({ status: 200, outcome: 'acked' });
    await sleep(300);
    expect(pongs()).toHaveLength(1);
  });
});

describe('url_verification is exempt from signature checking', () => {
  const challenge = (token = APP.verificationToken) => ({ challenge: 'ch-4f2a', token, type: 'url_verification' });
  const post = (s: { body: string; headers: Record<string, string> }) =>
    fetch(`${h.bot.url}/feishu/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...s.headers }, body: s.body });

  it('answered unsigned and signed by the fake', async () => {
    await setup();
    await warmUp(); // the fake wants the challenge back within 1 s
    expect(await h.fake.verifyUrl()).toMatchObject({ ok: true, status: 200 });
    expect(await h.fake.verifyUrl({ signed: true })).toMatchObject({ ok: true, status: 200 });
  });

  it.each([
    ['a forged signature', (s: ReturnType<typeof sealRequest>) => ({ ...s, headers: { ...s.headers, 'X-Lark-Signature': 'ab'.repeat(32) } })],
    ['a timestamp a day old', (_s: ReturnType<typeof sealRequest>) => sealRequest(APP.encryptKey, challenge(), T0.getTime() - 24 * HOUR)],
    ['a timestamp but no signature', (s: ReturnType<typeof sealRequest>) => ({ body: s.body, headers: { 'X-Lark-Request-Timestamp': '1' } })],
  ])('answered with %s', async (_what, alter) => {
    await setup();
    const res = await post(alter(sealRequest(APP.encryptKey, challenge(), T0.getTime())));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'ch-4f2a' });
  });

  it('refused with a wrong verification token (401) or another Encrypt Key (401: its signature fails, and it does not decrypt)', async () => {
    await setup();
    expect((await post(sealRequest(APP.encryptKey, challenge('forged'), T0.getTime()))).status).toBe(401);
    expect((await post(sealRequest('another-key', challenge(), T0.getTime()))).status).toBe(401);
  });
});
