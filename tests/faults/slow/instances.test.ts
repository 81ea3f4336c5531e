/**
 * #9 item 10 — three worker processes starting at once, then ten crash-
 * restarts (SIGKILL, a new process), all sweeping every second on Friday
 * 16:00 (digest time, follow-up nudges due): one job scheduler, one digest
 * per chat per week, one nudge per key.
 */
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/clock.js';
import { startBot } from '../../../bot/main.js';
import { startHarness, type Harness } from '../../helpers/bot-harness.js';
import { seedPlan } from '../../helpers/seed.js';
import { spawnWorker } from '../../helpers/spawn-worker.js';
import { sleep, waitFor } from '../../helpers/wait-for.js';

const FRIDAY = '2022-04-15T16:00:00+08:00';
const GROUP = 'oc_leaders0000000000000000000001';
const ADMIN = 'ou_admin00000000000000000000001';

let h: Harness;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  await h?.close();
});

describe('three instances and ten crash-restarts', () => {
  it('one scheduler, one digest per chat per week, one nudge per key', async () => {
    const clock = manualClock(new Date(FRIDAY));
    h = await startHarness({ clock, env: { SWEEP_EVERY_SECONDS: '0', ADMIN_OPEN_IDS: ADMIN } });
    const { db } = h.bot.deps;
    await seedPlan(db, { now: new Date('2022-03-21T09:00:00+08:00'), fake: h.fake });
    h.fake.addUser({ openId: ADMIN, name: '管理员' });
    h.fake.addChat({ chatId: GROUP, name: '局领导群', members: [ADMIN] });
    await db.chat.create({ data: { chatId: GROUP, name: '局领导群', digest: true, createdAt: new Date(FRIDAY) } });
    await h.bot.close();
    h.bot = await startBot({ config: h.config, clock, role: 'receiver' });
    h.fake.faults.latency(100);

    // Locks long enough to outlast SQLite's synchronous busy waits when four processes share the file.
    const env = { SWEEP_EVERY_SECONDS: '2', SANDBOX_CLOCK_START: FRIDAY, ADMIN_OPEN_IDS: ADMIN, WORKER_LOCK_MS: '5000', NUDGE_CLAIM_LEASE_SECONDS: '6' };
    const start = () => {
      const c = spawnWorker(h, env);
      children.push(c);
      return c;
    };
    const live = [start(), start(), start()];
    await waitFor(async () => (await db.nudge.count({ where: { state: 'sent' } })) > 0, 60_000, 'the first nudge');
    for (let i = 0; i < 10; i++) {
      const victim = live.splice(i % live.length, 1)[0]!;
      victim.kill('SIGKILL');
      await new Promise((r) => (victim.exitCode !== null ? r(null) : victim.once('exit', r)));
      live.push(start());
      await sleep(1000); // let the newcomer boot and sweep while the others work
    }

    const settled = async () =>
      (await db.nudge.count({ where: { state: { in: ['pending', 'sending'] } } })) === 0 &&
      (await db.digestPost.count({ where: { state: { not: 'sent' } } })) === 0 &&
      (await db.digestPost.count()) === 2;
    await waitFor(settled, 90_000, 'every nudge and digest to be sent');
    await sleep(3000); // more sweeps by the survivors change nothing
    expect(await settled()).toBe(true);

    expect(await h.bot.deps.queues.sweeps.getJobSchedulersCount()).toBe(1);
    const bot = h.fake.messages({ sender: 'bot' });
    expect(new Set(bot.map((m) => m.uuid)).size).toBe(bot.length);
    const nudges = await db.nudge.findMany({ where: { state: 'sent' } });
    expect(nudges.length).toBeGreaterThan(0);
    expect(new Set(nudges.map((n) => n.messageId)).size).toBe(nudges.length);
    const posts = await db.digestPost.findMany();
    expect(posts.map((p) => p.chatId).sort()).toEqual([ADMIN, GROUP].sort());
    const digestIds = posts.flatMap((p) => JSON.parse(p.messageIds ?? '[]') as string[]);
    // Every bot message is one sent nudge or one page of one digest post: nothing else, nothing twice.
    expect(bot.length).toBe(nudges.length + digestIds.length);
    expect(h.fake.messagesIn(GROUP).filter((m) => m.sender === 'bot').map((m) => m.messageId).sort()).toEqual(
      JSON.parse(posts.find((p) => p.chatId === GROUP)!.messageIds!).sort(),
    );
  });
});
