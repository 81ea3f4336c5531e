/**
 * Scale-out: two receivers behind a round-robin balancer and three workers,
 * each a separate `workplan` process, on one Redis and one store (SQLite, or
 * PostgreSQL with TEST_DATABASE=postgres). Every event is handled once, even
 * when Feishu delivers it again to the other receiver, and every nudge is
 * sent once. "Once" is read at the fake Feishu: each send or reply call the
 * bots made created a message of its own (a second call for the same thing
 * would carry the same uuid and create none), and per process from /metrics.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFeishu } from '../../../bot/sandbox/index.js';
import { openStore, type Db } from '../../../bot/store/db.js';
import { APP, REDIS_URL, type Fake } from '../../helpers/bot-harness.js';
import { sample, scrape } from '../../helpers/metrics-text.js';
import { startRoundRobin } from '../../helpers/round-robin.js';
import { seedPlan } from '../../helpers/seed.js';
import { spawnBot, type BotProcess } from '../../helpers/spawn-bot.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { waitFor } from '../../helpers/wait-for.js';
import { dropQueuePrefix } from '../../../bot/demo/drop-prefix.js';

const prefix = `{wpt-mp-${randomUUID().slice(0, 8)}}`;

const ADMIN = 'ou_admin00000000000000000000001';
const USERS = ['ou_mp_user_0000000000000000001', 'ou_mp_user_0000000000000000002', 'ou_mp_user_0000000000000000003'];
const PINGS_EACH = 4;
const MONDAY = new Date('2022-04-11T09:30:00+08:00');

let fake: Fake;
let database: TestDatabase;
let db: Db;
let balancer: Awaited<ReturnType<typeof startRoundRobin>>;
let receivers: BotProcess[] = [];
let workers: BotProcess[] = [];

beforeAll(async () => {
  fake = await startFakeFeishu({ ...APP, redeliveryDelaysMs: [500, 1000, 2000] });
  fake.addUser({ openId: ADMIN, name: '管理员' });
  for (const [i, openId] of USERS.entries()) fake.addUser({ openId, name: `用户${i + 1}` });
  database = await createTestDatabase();
  db = await openStore(database.url, { poolSize: 2 });
  await seedPlan(db, { now: MONDAY, fake });
  const opts = {
    fakeUrl: fake.url,
    databaseUrl: database.url,
    queuePrefix: prefix,
    env: { ADMIN_OPEN_IDS: ADMIN, SEND_RATE_PER_SECOND: '50' },
  };
  // Started together, as a deployment would: each applies (or finds) the migrations at once.
  [receivers, workers] = await Promise.all([
    Promise.all([spawnBot('receiver', opts), spawnBot('receiver', opts)]),
    Promise.all([spawnBot('worker', opts), spawnBot('worker', opts), spawnBot('worker', opts)]),
  ]);
  balancer = await startRoundRobin(receivers.map((r) => r.url));
  fake.setWebhook({ eventsUrl: `${balancer.url}/feishu/events`, cardsUrl: `${balancer.url}/feishu/cards` });
  for (const p of [...receivers, ...workers]) {
    await waitFor(async () => (await fetch(`${p.url}/readyz`)).status === 200, 60_000, 'every process to be ready');
  }
}, 180_000);

afterAll(async () => {
  const codes = await Promise.all([...receivers, ...workers].map((p) => p.stop()));
  await balancer?.close();
  await fake?.close();
  await db?.$disconnect();
  await database?.drop();
  await dropQueuePrefix(REDIS_URL, prefix);
  expect(codes.every((c) => c === 0)).toBe(true);
});

/** Send and reply calls the bots made, and the messages they created. */
function sendsAndMessages() {
  const calls = fake.calls.filter((c) => c.method === 'POST' && /\/im\/v1\/messages(\/[^/]+\/reply)?$/.test(c.path) && c.status === 200);
  return { calls: calls.length, messages: fake.messages({ sender: 'bot' }).length };
}

/** Sum of a counter over a set of processes. */
async function total(processes: BotProcess[], name: string, labels: Record<string, string>): Promise<number[]> {
  return Promise.all(processes.map(async (p) => sample(await scrape(p.url), name, labels) ?? 0));
}

describe('two receivers and three workers as separate processes', () => {
  it('handles each event once, also when Feishu delivers it again to the other receiver', async () => {
    const said = [];
    for (let n = 0; n < PINGS_EACH; n++) {
      for (const from of USERS) said.push(await fake.userSays({ from, text: '/ping' }));
    }
    for (const s of said) expect((await s.delivery)?.status).toBe(200);
    for (const s of said) expect((await fake.redeliver(s.eventId!)).status).toBe(200);

    await waitFor(() => USERS.every((u) => fake.messagesTo(u).filter((m) => m.content?.text === 'pong').length >= PINGS_EACH), 60_000, 'every pong');
    await waitFor(async () => (await db.processedEvent.count()) === said.length, 60_000, 'the events to be recorded');
    for (const u of USERS) expect(fake.messagesTo(u).filter((m) => m.content?.text === 'pong')).toHaveLength(PINGS_EACH);

    const accepted = await total(receivers, 'workplan_events_received_total', { type: 'im.message.receive_v1', via: 'webhook', outcome: 'accepted' });
    const duplicates = await total(receivers, 'workplan_events_received_total', { type: 'im.message.receive_v1', via: 'webhook', outcome: 'duplicate' });
    expect(accepted.reduce((a, b) => a + b, 0)).toBe(said.length);
    expect(duplicates.reduce((a, b) => a + b, 0)).toBe(said.length);
    expect(accepted.every((n) => n > 0)).toBe(true); // the balancer spread them
    const { calls, messages } = sendsAndMessages();
    expect(calls).toBe(messages);
  });

  it('sends each nudge once', async () => {
    const owners = await db.assignment.count({ where: { role: 'owner', active: true, task: { status: 'active', removedAt: null } } });
    const before = fake.messages({ sender: 'bot', msgType: 'interactive' }).length;
    const remind = await fake.userSays({ from: ADMIN, text: '/remind all' });
    expect((await remind.delivery)?.status).toBe(200);
    await fake.redeliver(remind.eventId!);

    await waitFor(async () => (await db.nudge.count({ where: { state: 'sent' } })) === owners, 60_000, 'every nudge to be sent');
    await waitFor(() => fake.messagesTo(ADMIN).some((m) => String(m.content?.text ?? '').includes('已发出催办')), 60_000, 'the admin’s answer');
    expect(await db.nudge.count()).toBe(owners);
    const cards = fake.messages({ sender: 'bot', msgType: 'interactive' }).slice(before);
    expect(cards).toHaveLength(owners);
    expect(new Set(cards.map((c) => c.uuid)).size).toBe(owners);
    const sent = await total(workers, 'workplan_nudges_sent_total', { kind: 'remind' });
    expect(sent.reduce((a, b) => a + b, 0)).toBe(owners);
    const { calls, messages } = sendsAndMessages();
    expect(calls).toBe(messages);
  });
});
