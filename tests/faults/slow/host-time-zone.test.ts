/**
 * #9 item 11 — a worker process on a host whose time zone is UTC (TZ=UTC):
 * the Monday check-ins go out at 09:30 Asia/Shanghai (01:30 UTC), not before,
 * and the digest at Friday 16:00 Asia/Shanghai (08:00 UTC). The process's
 * clock is started just before each time (SANDBOX_CLOCK_START) and runs on.
 * The pure schedule under other host zones: tests/unit/schedule/host-tz.test.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/clock.js';
import { startBot } from '../../../bot/main.js';
import { startHarness, type Harness } from '../../helpers/bot-harness.js';
import { seedPlan } from '../../helpers/seed.js';
import { spawnWorker } from '../../helpers/spawn-worker.js';
import { waitFor } from '../../helpers/wait-for.js';

const GROUP = 'oc_leaders0000000000000000000001';

let h: Harness;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  await h?.close();
});

function worker(start: string): ChildProcess {
  const c = spawnWorker(h, { TZ: 'UTC', SWEEP_EVERY_SECONDS: '1', SANDBOX_CLOCK_START: start });
  children.push(c);
  return c;
}

describe('host time zone UTC', () => {
  it('check-ins at 09:30 and the digest at 16:00, Asia/Shanghai', async () => {
    const clock = manualClock(new Date('2022-04-11T09:00:00+08:00'));
    h = await startHarness({ clock, env: { SWEEP_EVERY_SECONDS: '0' } });
    const { db } = h.bot.deps;
    await seedPlan(db, { now: new Date('2022-03-21T09:00:00+08:00'), fake: h.fake, onlyTasks: new Set(['1', '2']) });
    h.fake.addChat({ chatId: GROUP, name: '局领导群', members: ['ou_demo_hejianguo'] });
    await db.chat.create({ data: { chatId: GROUP, name: '局领导群', digest: true, createdAt: new Date('2022-03-21T09:00:00+08:00') } });
    await h.bot.close();
    h.bot = await startBot({ config: h.config, clock, role: 'receiver' });

    const monday = worker('2022-04-11T09:29:52+08:00'); // 01:29:52 UTC: several sweeps before 09:30
    await waitFor(async () => (await db.nudge.count({ where: { state: 'sent' } })) > 0, 60_000, 'the check-ins');
    const nudges = await db.nudge.findMany();
    expect(nudges.every((n) => n.kind === 'checkin')).toBe(true);
    for (const n of nudges) {
      expect(n.dueAt.toISOString()).toBe('2022-04-11T01:30:00.000Z');
      expect(n.createdAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2022-04-11T01:30:00Z'));
    }
    monday.kill('SIGKILL');

    worker('2022-04-15T15:59:55+08:00');
    await waitFor(async () => (await db.digestPost.count({ where: { state: 'sent' } })) === 1, 60_000, 'the digest');
    const [post] = await db.digestPost.findMany();
    expect(post!.week).toBe('2022-W15');
    expect(post!.createdAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2022-04-15T08:00:00Z'));
    expect(post!.createdAt.getTime()).toBeLessThan(Date.parse('2022-04-15T08:01:00Z'));
  });
});
