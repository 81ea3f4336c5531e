/**
 * #9 item 12 — workers down over a scheduled time: when they come back, one
 * catch-up (the latest missed step of each track, sent once however many
 * sweeps run), and the schedule after it unchanged; a digest missed on Friday
 * 16:00 goes out once on Saturday.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { runDigestSweep } from '../../jobs/processors/digest-sweep.js';
import { runSweep } from '../../jobs/processors/nudge-sweep.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedPlan } from '../helpers/seed.js';
import { waitFor } from '../helpers/wait-for.js';

const at = (local: string) => new Date(`${local}+08:00`);
const GROUP = 'oc_leaders0000000000000000000001';

let h: Harness;
afterEach(async () => h?.close());

const cards = () => h.fake.messages({ sender: 'bot', msgType: 'interactive' }).filter((m) => m.chatId !== GROUP);

describe('workers down over a scheduled time', () => {
  it('Monday’s check-in and Wednesday’s follow-up missed: one catch-up on Wednesday, then Friday’s follow-up on time', async () => {
    const clock = manualClock(at('2022-04-11T08:00:00'));
    h = await startHarness({ clock, env: { SWEEP_EVERY_SECONDS: '0' } });
    const { db } = h.bot.deps;
    await seedPlan(db, { now: at('2022-03-21T09:00:00'), fake: h.fake });
    expect((await runSweep(h.bot.deps)).enqueued).toBe(0);
    await h.bot.close(); // down from Monday 08:00…

    clock.set(at('2022-04-13T11:00:00')); // …to Wednesday 11:00
    await h.restart();
    const first = await runSweep(h.bot.deps);
    await runSweep(h.bot.deps); // a second sweep re-offers pending keys; their job ids make that a no-op
    expect(first.enqueued).toBeGreaterThan(0);
    await waitFor(async () => (await db.nudge.count({ where: { state: 'sent' } })) === first.enqueued, 60_000);
    const sent = await db.nudge.findMany({ where: { state: 'sent' } });
    // Only the latest missed step: Wednesday's follow-up, due at its own time; Monday's check-in skipped.
    expect(new Set(sent.map((n) => n.kind))).toEqual(new Set(['followup1']));
    expect(new Set(sent.map((n) => n.dueAt.toISOString()))).toEqual(new Set([at('2022-04-13T09:30:00').toISOString()]));
    expect(await db.nudge.count({ where: { kind: 'checkin', state: 'skipped' } })).toBe(sent.length);
    expect(cards()).toHaveLength(sent.length);
    expect(await db.nudge.count()).toBe(2 * sent.length); // the skipped check-ins and the sent follow-ups, nothing else

    // The schedule goes on as before: nothing more this week until Friday 09:30.
    clock.set(at('2022-04-15T09:29:00'));
    expect((await runSweep(h.bot.deps)).enqueued).toBe(0);
    clock.set(at('2022-04-15T09:30:00'));
    await runSweep(h.bot.deps);
    const followup2 = await db.nudge.findMany({ where: { kind: 'followup2' } });
    expect(followup2).toHaveLength(sent.length);
    expect(new Set(followup2.map((n) => n.dueAt.toISOString()))).toEqual(new Set([at('2022-04-15T09:30:00').toISOString()]));
    await waitFor(async () => (await db.nudge.count({ where: { state: 'sent' } })) === 2 * sent.length, 60_000);
    expect(cards()).toHaveLength(2 * sent.length);
  });

  it('a digest missed at Friday 16:00 goes out once when the workers return on Saturday', async () => {
    const clock = manualClock(at('2022-04-15T15:00:00'));
    h = await startHarness({ clock, env: { SWEEP_EVERY_SECONDS: '0' } });
    const { db } = h.bot.deps;
    await seedPlan(db, { now: at('2022-03-21T09:00:00'), fake: h.fake });
    h.fake.addChat({ chatId: GROUP, name: '局领导群', members: ['ou_demo_hejianguo'] });
    await db.chat.create({ data: { chatId: GROUP, name: '局领导群', digest: true, createdAt: at('2022-03-21T09:00:00') } });
    expect(await runDigestSweep(h.bot.deps)).toBe(0);
    await h.bot.close();
    clock.set(at('2022-04-16T10:00:00'));
    await h.restart();
    expect(await runDigestSweep(h.bot.deps)).toBe(1);
    await waitFor(async () => (await db.digestPost.count({ where: { state: 'sent' } })) === 1, 60_000);
    await runDigestSweep(h.bot.deps);
    clock.set(at('2022-04-17T20:00:00'));
    await runDigestSweep(h.bot.deps);
    const posts = await db.digestPost.findMany();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.week).toMatch(/W15$/);
    const shown = h.fake.messagesIn(GROUP).filter((m) => m.sender === 'bot');
    expect(shown.length).toBe((JSON.parse(posts[0]!.messageIds!) as string[]).length);
  });
});
