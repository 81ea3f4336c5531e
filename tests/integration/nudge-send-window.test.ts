/**
 * #22 — a nudge that became due keeps to the rules the sweep keeps when it is finally sent: not to a
 * person who has since told the bot they are on leave today, and — for a scheduled step — not in quiet
 * hours or on a day off (retries that ran into the evening). Such a nudge is ended with the reason, and
 * nothing is shown. An on-demand /remind still goes out when the admin asked for it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/clock.js';
import { runSweep } from '../../jobs/processors/nudge-sweep.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedPlan } from '../helpers/seed.js';
import { waitFor } from '../helpers/wait-for.js';

const MONDAY = new Date('2022-04-11T09:30:00+08:00');

let h: Harness;
afterEach(async () => h?.close());

/** Tasks 1 and 2's check-ins recorded and queued, no worker running yet. */
async function setup() {
  const clock = manualClock(MONDAY);
  h = await startHarness({ clock, role: 'receiver', env: { SWEEP_EVERY_SECONDS: '0' } });
  await seedPlan(h.bot.deps.db, { now: MONDAY, fake: h.fake, onlyTasks: new Set(['1', '2']) });
  const { enqueued } = await runSweep(h.bot.deps);
  expect(enqueued).toBeGreaterThan(1);
  const nudges = await h.bot.deps.db.nudge.findMany({ where: { state: 'pending' }, include: { person: true }, orderBy: { key: 'asc' } });
  return { clock, nudges };
}

const settled = () => waitFor(async () => (await h.bot.deps.db.nudge.count({ where: { state: { in: ['pending', 'sending'] } } })) === 0, 60_000, 'every nudge ended');
const botCards = () => h.fake.messages({ sender: 'bot', msgType: 'interactive' });

describe('a due nudge sent late keeps to the sweep’s rules', () => {
  it('its person told the bot of leave today in between: ended with the reason, not shown; the others go out', async () => {
    const { nudges } = await setup();
    const [first, ...rest] = nudges;
    await h.bot.deps.db.leave.create({ data: { personId: first!.personId, fromDate: '2022-04-11', toDate: '2022-04-12', createdAt: MONDAY } });
    await h.restart('all');
    await settled();
    const onLeave = nudges.filter((n) => n.personId === first!.personId).map((n) => n.key);
    for (const key of onLeave) expect(await h.bot.deps.db.nudge.findUniqueOrThrow({ where: { key } })).toMatchObject({ state: 'cancelled', error: '对方请假中，不提醒', messageId: null });
    expect(h.fake.messagesTo(first!.person.openId!)).toEqual([]);
    const others = rest.filter((n) => n.personId !== first!.personId);
    for (const n of others) expect((await h.bot.deps.db.nudge.findUniqueOrThrow({ where: { key: n.key } })).state).toBe('sent');
    expect(botCards()).toHaveLength(others.length);
  });

  it('a scheduled step whose send comes in quiet hours: ended with the reason, nothing shown', async () => {
    const { clock, nudges } = await setup();
    clock.set(new Date('2022-04-11T22:30:00+08:00'));
    await h.restart('all');
    await settled();
    for (const n of nudges) {
      expect(await h.bot.deps.db.nudge.findUniqueOrThrow({ where: { key: n.key } })).toMatchObject({ state: 'cancelled', error: '已到免打扰时段或非工作日，本次提醒不再补发' });
    }
    expect(botCards()).toEqual([]);
  });

  it('an on-demand /remind asked for in quiet hours still goes out', async () => {
    const { clock, nudges } = await setup();
    const n = nudges[0]!;
    await h.bot.deps.db.nudge.deleteMany({});
    clock.set(new Date('2022-04-11T22:30:00+08:00'));
    const key = `${n.taskId}:${n.personId}:om_remind:remind`;
    await h.bot.deps.db.nudge.create({ data: { key, taskId: n.taskId, personId: n.personId, period: 'om_remind', kind: 'remind', dueAt: clock.now(), state: 'pending', createdAt: clock.now() } });
    await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: `nudge-remind-test` });
    await h.restart('all');
    await waitFor(async () => (await h.bot.deps.db.nudge.findUniqueOrThrow({ where: { key } })).state === 'sent', 60_000, 'the reminder sent');
    expect(h.fake.messagesTo(n.person.openId!)).toHaveLength(1);
  });
});
