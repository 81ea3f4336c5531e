/**
 * A sender claimed a nudge, sent its card and died before recording it (its lease lapsed); by the time the
 * nudge is tried again it is no longer wanted (the owner answered the period). The store cannot know whether
 * the card was shown: it ends the nudge with the reason and says the card may have been delivered, instead of
 * a plain "cancelled" that Feishu's record contradicts. While the lease still runs, the claimant finishes it and
 * the job looks again later.
 * The same for a claimed nudge whose job was lost more than three days ago (closed as skipped).
 */
import type { Job } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { DEFAULT_SCHEDULE } from '../../bot/domain/schedule/settings.js';
import { uuidFor } from '../../bot/feishu/messenger.js';
import { rawCard } from '../helpers/raw-card.js';
import { claimNudge, MAYBE_SHOWN } from '../../bot/store/nudge-store.js';
import { runSweep } from '../../jobs/processors/nudge-sweep.js';
import { recoverNudges } from '../../jobs/processors/recover-nudges.js';
import { ClaimedElsewhere, createSendNudgeProcessor } from '../../jobs/processors/send-nudge.js';
import { jobIdFor, type SendNudgeJob } from '../../jobs/queues.js';
import { checkInvariants } from '../soak/invariants.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedPlan } from '../helpers/seed.js';

const MONDAY = new Date('2022-04-11T09:30:00+08:00');
const LEASE_MS = 120_000;
let h: Harness;
afterEach(async () => h?.close());

/** Tasks 1 and 2's check-ins recorded and queued, no worker; one claimed by a sender that sent it and died. */
async function setup() {
  const clock = manualClock(MONDAY);
  h = await startHarness({ clock, role: 'receiver', env: { SWEEP_EVERY_SECONDS: '0', NUDGE_CLAIM_LEASE_SECONDS: String(LEASE_MS / 1000) } });
  await seedPlan(h.bot.deps.db, { now: MONDAY, fake: h.fake, onlyTasks: new Set(['1', '2']) });
  await runSweep(h.bot.deps);
  const db = h.bot.deps.db;
  const nudge = await db.nudge.findFirstOrThrow({ where: { state: 'pending', kind: 'checkin' }, include: { person: true }, orderBy: { key: 'asc' } });
  expect(await claimNudge(db, nudge.key, clock.now(), LEASE_MS)).toBe(true);
  const shown = await h.bot.deps.messenger.send({ openId: nudge.person.openId! }, { card: rawCard({ schema: '2.0', body: { elements: [{ tag: 'markdown', content: '本周进展请回复' }] } }) }, `nudge:${nudge.key}`);
  // Then the owner answers the week.
  clock.advance(60_000);
  await db.report.create({ data: { taskId: nudge.taskId, personId: nudge.personId, period: nudge.period, status: 'on_track', rawText: '按计划推进', source: 'text', createdAt: clock.now(), updatedAt: clock.now() } });
  return { clock, key: nudge.key, shownId: shown.messageId };
}

const row = (key: string) => h.bot.deps.db.nudge.findUniqueOrThrow({ where: { key } });
const job = (key: string) => ({ data: { key }, attemptsMade: 0, opts: { attempts: 10 } }) as unknown as Job<SendNudgeJob>;
const recordBreaches = async (at: Date) =>
  (await checkInvariants({ fake: h.fake, db: h.bot.deps.db, calendar: h.bot.deps.calendar, schedule: DEFAULT_SCHEDULE, digestAt: '16:00', at, graceMs: 0, admins: [] }))
    .filter((v) => v.invariant === 'sent-recorded');

describe('a claimed nudge whose sender died, no longer wanted', () => {
  it('is left to its claimant while the lease runs, then ended saying the card may have been shown', async () => {
    const { clock, key, shownId } = await setup();
    const send = createSendNudgeProcessor(h.bot.deps);
    // The job is retried later (BullMQ's backoff outlasts the lease), in case the claimant died.
    await expect(send(job(key))).rejects.toBeInstanceOf(ClaimedElsewhere);
    expect(await row(key)).toMatchObject({ state: 'sending' });

    clock.advance(LEASE_MS);
    await send(job(key));
    expect(await row(key)).toMatchObject({ state: 'cancelled', error: `本期已填报；${MAYBE_SHOWN}` });
    expect(h.fake.messages({ uuid: uuidFor(`nudge:${key}`) }).map((m) => m.messageId)).toEqual([shownId]);
    expect(await recordBreaches(clock.now())).toEqual([]);
  });

  it('a plain cancel of a shown card is what the soak names', async () => {
    const { clock, key } = await setup();
    await h.bot.deps.db.nudge.update({ where: { key }, data: { state: 'cancelled', error: '本期已填报' } });
    expect(await recordBreaches(clock.now())).toEqual([{ invariant: 'sent-recorded', detail: expect.stringContaining(`nudge ${key} was shown`) }]);
  });

  it('closed as skipped when its job was lost more than three days ago, with the same words', async () => {
    const { clock, key } = await setup();
    await h.bot.deps.queues.nudges.remove(jobIdFor('nudge', key));
    const other = await h.bot.deps.db.nudge.findFirstOrThrow({ where: { state: 'pending' } });
    await h.bot.deps.queues.nudges.remove(jobIdFor('nudge', other.key));
    clock.set(new Date('2022-04-15T10:00:00+08:00'));
    const { closed } = await recoverNudges(h.bot.deps);
    expect(closed).toBe(2);
    expect(await row(key)).toMatchObject({ state: 'skipped', error: `发送任务丢失且已超过3天，不再补发；${MAYBE_SHOWN}`, claimedAt: null });
    expect(await row(other.key)).toMatchObject({ state: 'skipped', error: '发送任务丢失且已超过3天，不再补发' });
  });
});
