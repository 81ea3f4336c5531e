/**
 * A milestone's reminders through the real sweep and sender: its own ladder before its date (the card says
 * so and shows the step), and nothing more once the owner marks it done with /milestone — while the task's
 * other milestone keeps its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/clock.js';
import { runSweep } from '../../../jobs/processors/nudge-sweep.js';
import { startHarness, type Harness } from '../../helpers/bot-harness.js';
import { drainInbound, drainNudges, wordsOf } from '../../helpers/command-harness.js';
import { seedPlan } from '../../helpers/seed.js';

const ZHANG = 'ou_demo_zhangmin'; // owner of task 1
const at = (local: string) => new Date(`${local}+08:00`);
const clock = manualClock(at('2022-04-11T08:00:00'));
let h: Harness;
const db = () => h.bot.deps.db;
let ids: number[] = [];

async function walk(fromDate: string, toDate: string) {
  for (let day = at(`${fromDate}T00:00:00`).getTime(); day <= at(`${toDate}T00:00:00`).getTime(); day += 86_400_000) {
    const date = new Date(day + 8 * 3600_000).toISOString().slice(0, 10);
    for (const hhmm of ['09:30', '16:00']) {
      clock.set(at(`${date}T${hhmm}:00`));
      await runSweep(h.bot.deps);
      await drainNudges(h);
    }
  }
}
const milestoneNudges = async () =>
  (await db().nudge.findMany({ where: { kind: { startsWith: 'milestone-' }, state: 'sent' }, orderBy: { id: 'asc' } })).map((n) => n.kind);

beforeAll(async () => {
  h = await startHarness({ clock, env: { SEND_RATE_PER_SECOND: '50', SWEEP_EVERY_SECONDS: '0' } });
  await seedPlan(db(), { now: at('2022-03-21T09:00:00'), fake: h.fake, onlyTasks: new Set(['1']) });
  const t1 = await db().task.findFirstOrThrow({ where: { code: '1' } });
  await db().task.update({ where: { id: t1.id }, data: { cadence: 'off' } });
  for (const [position, due, text] of [[0, '2022-04-15', '4月15日前完成摸底'], [1, '2022-04-29', '4月底前完成评估']] as const) {
    ids.push((await db().milestone.create({ data: { taskId: t1.id, position, due, text } })).id);
  }
});
afterAll(async () => h?.close());

describe('milestone reminders', () => {
  it('remind the owner before the date, the card naming the step; stop once it is marked done', async () => {
    await walk('2022-04-11', '2022-04-14');
    const [a, b] = ids;
    expect(await milestoneNudges()).toEqual([`milestone-${a}-deadline-5`, `milestone-${a}-deadline-1`]);
    const cards = h.fake.messagesTo(ZHANG).filter((m) => m.msgType === 'interactive').map(wordsOf);
    expect(cards.some((c) => c.includes('距时间节点还有 1 个工作日') && c.includes('下一节点：4月15日 4月15日前完成摸底'))).toBe(true);

    clock.set(at('2022-04-14T17:00:00'));
    await (await h.fake.userSays({ from: ZHANG, text: '/milestone 1 完成' })).delivery;
    await drainInbound(h);
    await walk('2022-04-15', '2022-04-27');
    const after = await milestoneNudges();
    expect(after.filter((k) => k.startsWith(`milestone-${a}-`))).toEqual([`milestone-${a}-deadline-5`, `milestone-${a}-deadline-1`]);
    expect(after.filter((k) => k.startsWith(`milestone-${b}-`))).toEqual([`milestone-${b}-deadline-10`, `milestone-${b}-deadline-5`]);
  });

  it('a reminder already queued when the step is marked done is dropped by the sender', async () => {
    const b = ids[1]!;
    await h.bot.deps.queues.nudges.pause();
    clock.set(at('2022-04-28T09:30:00'));
    await runSweep(h.bot.deps);
    const queued = await db().nudge.findFirstOrThrow({ where: { kind: `milestone-${b}-deadline-1` } });
    expect(queued.state).toBe('pending');
    clock.set(at('2022-04-28T09:40:00'));
    await (await h.fake.userSays({ from: ZHANG, text: '/milestone 1 完成' })).delivery;
    await drainInbound(h);
    await h.bot.deps.queues.nudges.resume();
    await drainNudges(h);
    expect((await db().nudge.findUniqueOrThrow({ where: { id: queued.id } })).state).not.toBe('sent');
    expect(await milestoneNudges()).not.toContain(`milestone-${b}-deadline-1`);
  });
});
