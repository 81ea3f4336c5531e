/**
 * #9 items 7 and 8 — a worker process killed (SIGKILL) after Feishu took the
 * message but before the job recorded it: the job runs again with the same
 * uuid and one message shows. SIGTERM with jobs in flight: no new job is
 * taken, in-flight jobs finish, the process exits cleanly — within the grace
 * period even when a job hangs, and the hung job is done later, once.
 */
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/clock.js';
import { startBot } from '../../../bot/main.js';
import { runSweep } from '../../../jobs/processors/nudge-sweep.js';
import { startHarness, type Harness } from '../../helpers/bot-harness.js';
import { seedPlan } from '../../helpers/seed.js';
import { spawnWorker } from '../../helpers/spawn-worker.js';
import { waitFor } from '../../helpers/wait-for.js';

const MONDAY = new Date('2022-04-11T09:30:00+08:00');

let h: Harness;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  await h?.close();
});

/** A receiver-only bot (the test's sweeps) and the seed plan; sending is left to worker processes. */
async function setup(onlyTasks?: Set<string>) {
  h = await startHarness({ clock: manualClock(MONDAY), env: { SWEEP_EVERY_SECONDS: '0' } });
  await seedPlan(h.bot.deps.db, { now: MONDAY, fake: h.fake, ...(onlyTasks ? { onlyTasks } : {}) });
  await h.bot.close();
  h.bot = await startBot({ config: h.config, clock: manualClock(MONDAY), role: 'receiver' });
  return (await runSweep(h.bot.deps)).enqueued;
}

function worker(env: Record<string, string> = {}): ChildProcess {
  const c = spawnWorker(h, env);
  children.push(c);
  return c;
}

const exited = (c: ChildProcess) =>
  new Promise<number | null>((resolve) => (c.exitCode !== null ? resolve(c.exitCode) : c.once('exit', (code) => resolve(code))));
const cards = () => h.fake.messages({ sender: 'bot', msgType: 'interactive' });
const count = (state: string) => h.bot.deps.db.nudge.count({ where: { state } });

describe('a worker killed between the send and the job’s end', () => {
  it('SIGKILL after Feishu stored the card, before its answer: the job runs again with the same uuid, one card', async () => {
    const enqueued = await setup(new Set(['1']));
    expect(enqueued).toBeGreaterThan(0);
    h.fake.faults.slowAnswers(60_000); // Feishu stores the card now and answers a minute later
    const first = worker();
    const [card] = await waitFor(() => (cards().length ? cards() : null), 60_000, 'the first card');
    first.kill('SIGKILL');
    await exited(first);
    const killed = await h.bot.deps.db.nudge.findFirstOrThrow({ where: { state: 'sending' } });
    expect(killed.messageId).toBeNull(); // the job never learned it was sent
    h.fake.faults.slowAnswers(0);
    worker();
    await waitFor(async () => (await count('sent')) === enqueued, 60_000, 'every nudge sent');
    const after = await h.bot.deps.db.nudge.findUniqueOrThrow({ where: { key: killed.key } });
    expect(after.messageId).toBe(card!.messageId);
    expect(cards().filter((c) => c.uuid === card!.uuid)).toHaveLength(1);
    expect(new Set(cards().map((c) => c.uuid)).size).toBe(enqueued);
    expect(cards()).toHaveLength(enqueued);
  });
});

describe('SIGTERM with jobs in flight', () => {
  it('finishes the jobs in flight, takes no new ones and exits 0; another worker does the rest once', async () => {
    const enqueued = await setup(new Set(['1', '2', '3', '4', '5', '6']));
    h.fake.faults.latency(1500);
    // Fewer sends in flight than nudges queued, so some are left when it stops.
    const w = worker({ SEND_CONCURRENCY: '4' });
    await waitFor(async () => (await count('sending')) > 0, 60_000, 'a send in flight');
    w.kill('SIGTERM');
    expect(await exited(w)).toBe(0);
    expect(await count('sending')).toBe(0); // every claimed nudge was finished
    const sent = await count('sent');
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(enqueued); // it stopped taking new ones
    expect(cards()).toHaveLength(sent);
    h.fake.faults.latency(0);
    worker();
    await waitFor(async () => (await count('sent')) === enqueued, 60_000, 'every nudge sent');
    expect(new Set(cards().map((c) => c.uuid)).size).toBe(enqueued);
    expect(cards()).toHaveLength(enqueued);
  });

  it('a hung job does not hold the exit past the grace period; it is retried later and shows once', async () => {
    const enqueued = await setup(new Set(['1']));
    h.fake.faults.latency(600_000); // Feishu never answers
    const w = worker({ SHUTDOWN_GRACE_SECONDS: '2' });
    await waitFor(async () => (await count('sending')) > 0, 60_000, 'a send in flight');
    const t0 = Date.now();
    w.kill('SIGTERM');
    // Bounded: the grace period (2 s) plus closing connections, well under the 20 s allowed here.
    const code = await Promise.race([exited(w), new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1500);
    h.fake.faults.latency(0);
    worker();
    await waitFor(async () => (await count('sent')) === enqueued, 60_000, 'every nudge sent');
    expect(new Set(cards().map((c) => c.uuid)).size).toBe(enqueued);
    expect(cards()).toHaveLength(enqueued);
  });
});
