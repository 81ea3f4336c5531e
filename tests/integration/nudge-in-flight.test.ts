/**
 * #17 item 5 — 230049 "the message is being sent": a send whose uuid Feishu is still sending (the
 * fake's sendInFlightMs). The nudge is retried later with the same uuid and recorded with the one
 * message Feishu holds; it is never marked failed and the admins are not told. Still 230049 on the
 * last try, it is taken as sent with its message id unknown.
 */
import type { Job } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { FeishuError } from '../../bot/feishu/errors.js';
import { uuidFor } from '../../bot/feishu/messenger.js';
import { runSweep } from '../../jobs/processors/nudge-sweep.js';
import { createSendNudgeProcessor } from '../../jobs/processors/send-nudge.js';
import type { SendNudgeJob } from '../../jobs/queues.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { rawCard } from '../helpers/raw-card.js';
import { seedPlan } from '../helpers/seed.js';
import { waitFor } from '../helpers/wait-for.js';

const MONDAY = new Date('2022-04-11T09:30:00+08:00');
const ADMIN = 'ou_admin00000000000000000000001';
const earlierTry = rawCard({ schema: '2.0', body: { elements: [{ tag: 'markdown', content: '催办（先前一次发送）' }] } });

let h: Harness;
afterEach(async () => h?.close());

/** A plan with tasks 1 and 2's nudges recorded and queued, no worker running yet; one of them already sent by an earlier try. */
async function setup() {
  const clock = manualClock(MONDAY);
  h = await startHarness({ clock, role: 'receiver', fake: { sendInFlightMs: 60_000 }, env: { SWEEP_EVERY_SECONDS: '0', ADMIN_OPEN_IDS: ADMIN } });
  h.fake.addUser({ openId: ADMIN, name: '管理员' });
  await seedPlan(h.bot.deps.db, { now: MONDAY, fake: h.fake, onlyTasks: new Set(['1', '2']) });
  const { enqueued } = await runSweep(h.bot.deps);
  const nudge = await h.bot.deps.db.nudge.findFirstOrThrow({ where: { state: 'pending' }, include: { person: true }, orderBy: { key: 'asc' } });
  // A worker sent this one and died before recording it: Feishu is still sending that message.
  const earlier = await h.bot.deps.messenger.send({ openId: nudge.person.openId! }, { card: earlierTry }, `nudge:${nudge.key}`);
  return { clock, enqueued, key: nudge.key, earlierId: earlier.messageId };
}

const withUuid = (key: string) => h.fake.messages({ uuid: uuidFor(`nudge:${key}`) });
const nudgeRow = (key: string) => h.bot.deps.db.nudge.findUniqueOrThrow({ where: { key } });

describe('230049: the message is being sent', () => {
  it('is retried with the same uuid until Feishu answers with the message; no failure, no admin alert', async () => {
    const { clock, enqueued, key, earlierId } = await setup();
    expect(enqueued).toBeGreaterThan(1);
    await h.restart('all');
    await waitFor(() => h.fake.calls.some((c) => c.code === 230049), 60_000, 'a 230049');
    await waitFor(async () => (await h.bot.deps.db.nudge.count({ where: { state: 'sent' } })) === enqueued - 1, 60_000, 'the other nudges');
    expect((await nudgeRow(key)).state).not.toBe('failed');
    clock.advance(61_000); // Feishu has finished sending it
    await waitFor(async () => (await nudgeRow(key)).state === 'sent', 60_000, 'the nudge recorded');
    expect(await nudgeRow(key)).toMatchObject({ state: 'sent', messageId: earlierId, error: null });
    expect(withUuid(key).map((m) => m.messageId)).toEqual([earlierId]);
    expect(h.fake.messagesTo(ADMIN)).toEqual([]);
    expect(await h.bot.deps.db.nudge.count({ where: { state: 'failed' } })).toBe(0);
  });

  it('still 230049 on the last try: taken as sent, message id unknown, no admin alert, nothing sent again', async () => {
    const { key, earlierId } = await setup();
    const send = createSendNudgeProcessor(h.bot.deps);
    const job = (attemptsMade: number) => ({ data: { key }, attemptsMade, opts: { attempts: 10 } }) as unknown as Job<SendNudgeJob>;
    const first = await send(job(0)).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(FeishuError);
    expect(first).toMatchObject({ kind: 'in_flight', code: 230049 });
    expect((await nudgeRow(key)).state).toBe('pending');
    await send(job(9));
    expect(await nudgeRow(key)).toMatchObject({ state: 'sent', messageId: null, error: '飞书答复 230049（该消息正在发送中），视为已发送，消息 ID 未知' });
    expect(withUuid(key).map((m) => m.messageId)).toEqual([earlierId]);
    expect(h.fake.messagesTo(ADMIN)).toEqual([]);
  });
});
