/**
 * A task an owner reported done (done_pending), one the leader confirmed (closed) and one an
 * admin paused get no check-in, follow-up, deadline step or leader escalation across two weeks
 * of sweeps over their overdue ladder — while an active task beside them gets all of these. A
 * nudge already recorded before the 「已完成」 is dropped by the sender's check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/clock.js';
import { runSweep } from '../../../jobs/processors/nudge-sweep.js';
import { startHarness, type Harness } from '../../helpers/bot-harness.js';
import { drainInbound, drainNudges, wordsOf } from '../../helpers/command-harness.js';
import { seedPlan } from '../../helpers/seed.js';

const ZHANG = 'ou_demo_zhangmin'; // owner of task 1
const LI = 'ou_demo_liqiang'; // owner of tasks 2 and 3
const LEADER = 'ou_demo_hejianguo'; // 责任领导 of all four
const ADMIN = 'ou_admin00000000000000000000001';
const DEADLINE = '2022-04-08'; // a Friday: the walk runs over its overdue ladder, red from 15 April

const at = (local: string) => new Date(`${local}+08:00`);
const clock = manualClock(at('2022-04-11T08:00:00'));
let h: Harness;
const db = () => h.bot.deps.db;
const task = (code: string) => db().task.findFirstOrThrow({ where: { code } });

async function says(from: string, text: string) {
  await (await h.fake.userSays({ from, text })).delivery;
  await drainInbound(h);
}

/** Sweeps at each of the day's moments, every day up to `untilLocal`, sending what is due. */
async function walk(untilLocal: string) {
  const until = at(untilLocal).getTime();
  for (let day = at('2022-04-11T00:00:00').getTime(); day <= until; day += 86_400_000) {
    const date = new Date(day + 8 * 3600_000).toISOString().slice(0, 10);
    for (const hhmm of ['08:00', '09:30', '12:00', '16:00', '19:00']) {
      const t = at(`${date}T${hhmm}:00`);
      if (t.getTime() <= clock.now().getTime() || t.getTime() > until) continue;
      clock.set(t);
      await runSweep(h.bot.deps);
      await drainNudges(h);
    }
  }
}

beforeAll(async () => {
  h = await startHarness({ clock, env: { SEND_RATE_PER_SECOND: '50', SWEEP_EVERY_SECONDS: '0', ADMIN_OPEN_IDS: ADMIN } });
  await seedPlan(db(), { now: at('2022-03-21T09:00:00'), fake: h.fake, onlyTasks: new Set(['1', '2', '3', '11']) });
  h.fake.addUser({ openId: ADMIN, name: '管理员' });
  await db().task.updateMany({ data: { deadline: DEADLINE } });
});
afterAll(async () => h?.close());

describe('a task waiting for confirmation, closed or paused is never nudged', () => {
  it('the nudges already recorded when the owner says 已完成 are dropped by the sender', async () => {
    await h.bot.deps.queues.nudges.pause();
    clock.set(at('2022-04-11T09:30:00'));
    await runSweep(h.bot.deps);
    const t1 = await task('1');
    expect(await db().nudge.count({ where: { taskId: t1.id, state: 'pending' } })).toBeGreaterThan(0);

    clock.set(at('2022-04-11T09:40:00'));
    await says(ZHANG, '培育高新技术企业任务已全部完成');
    await says(LI, '#2 年度目标任务已全部完成');
    await says(ADMIN, '/pause 11');
    expect((await task('1')).status).toBe('done_pending');
    expect((await task('2')).status).toBe('done_pending');
    expect((await task('11')).status).toBe('paused');
    const card = h.fake.messagesTo(LEADER).find((m) => wordsOf(m).includes('办结确认：任务2'))!;
    const value = JSON.parse(JSON.stringify(card.content).match(/\{"action":"completion-confirm","taskId":\d+,"requestId":\d+\}/)![0]);
    await h.fake.clickCard({ from: LEADER, messageId: card.messageId, value });
    await drainInbound(h);
    expect((await task('2')).status).toBe('closed');

    await h.bot.deps.queues.nudges.resume();
    await drainNudges(h);
    const dropped = await db().nudge.findMany({ where: { taskId: { in: [t1.id, (await task('2')).id, (await task('11')).id] } } });
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.map((n) => n.state)).not.toContain('sent');
    expect(dropped.filter((n) => n.taskId === t1.id).map((n) => n.error)).toContain('任务待确认办结');
  }, 120_000);

  it('two weeks of sweeps over the overdue ladder: nothing for tasks 1, 2 and 11, their leader included; task 3 gets the whole ladder', async () => {
    const quiet = [(await task('1')).id, (await task('2')).id, (await task('11')).id];
    const since = clock.now();
    await walk('2022-04-22T20:00:00');
    expect(await db().nudge.count({ where: { taskId: { in: quiet }, createdAt: { gt: since } } })).toBe(0);
    expect(await db().nudge.count({ where: { taskId: { in: quiet }, state: 'sent' } })).toBe(0);

    const t3 = await task('3');
    const kinds = (await db().nudge.findMany({ where: { taskId: t3.id, state: 'sent' }, include: { person: true }, orderBy: { id: 'asc' } }))
      .map((n) => `${n.person.openId === LEADER ? 'leader' : 'owner'} ${n.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['owner overdue-6', 'leader leader-overdue-6', 'owner overdue-10', 'leader leader-overdue-10']));
    const toLeader = h.fake.messagesTo(LEADER).filter((m) => m.msgType === 'interactive').map(wordsOf);
    expect(toLeader.some((w) => w.includes('任务3'))).toBe(true);
    expect(toLeader.filter((w) => /任务(1|2|11) /.test(w) && !w.includes('办结确认'))).toEqual([]);
  }, 240_000);
});
