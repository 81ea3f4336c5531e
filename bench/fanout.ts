/**
 * Benchmark 1 (and the worker half of 6): nudges through the real path —
 * sweep → queue → sender → SDK → fake Feishu — with the sender in a worker
 * process of its own, as `workplan worker` runs it.
 * - unlimited: the bot's limiter raised far above Feishu's and the fake's
 *   limits off, against raw BullMQ no-op jobs on the same Redis;
 * - limited: the fake enforcing Feishu's real limits and the bot's limiter at
 *   its default, against the cap of 1000/min.
 * On PostgreSQL (`--postgres`) two worker processes share the queue, as a
 * deployment on PostgreSQL would run them, and the anchor runs two no-op processes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { manualClock } from '../bot/clock.js';
import type { ApiCall } from '../bot/sandbox/index.js';
import { startFakeFeishu } from '../bot/sandbox/index.js';
import { runSweep } from '../jobs/processors/nudge-sweep.js';
import { createRedis } from '../jobs/redis.js';
import type { StoreKind } from './bench-db.js';
import { APP, benchEnv, REDIS_URL, type BenchEnv } from './bench-env.js';
import type { ProcessSpec } from './bot-process.js';
import { bareProcessRss, idleRss, spawnBot, watchRss, type BotProcess } from './processes.js';
import { seedPlan } from './seed.js';
import { mib, type Row } from './table.js';

/** 2023-01-03, Tuesday, is the first working day of 2023-W01 (2 January is a holiday): every task's check-in is due at 09:30. */
const AT = new Date('2023-01-03T09:30:00+08:00');
const OWNERS = 3;
/** Tasks in a row sharing their first owner (a 科室 heading a block of the plan). */
const BLOCK = 10;
const CAP_PER_MINUTE = 1000;
const DEFAULT_RATE = 16;

export interface FanoutResult {
  nudges: number;
  ms: number;
  calls: ApiCall[];
  /** The largest of the worker processes. */
  rssIdle: number | null;
  rssPeak: number | null;
  failed: number;
  /** CPU time of the worker processes over the run, ms (all of them together; null where /proc is missing). */
  workerCpuMs: number | null;
  /** CPU time of this process from the sweep's end to the last send, ms: mostly the fake Feishu answering. */
  fakeCpuMs: number;
  /** What the bot sent, as request bodies of the send call (receive_id, msg_type, content, uuid), and to whom it could send. */
  bodies: string[];
  openIds: string[];
}

export interface FanoutOptions {
  sendRate: number;
  realLimits: boolean;
  store?: StoreKind;
  /** Worker processes sharing the queue (1). */
  workers?: number;
  /** SEND_CONCURRENCY of the worker processes (the config's default). */
  concurrency?: number;
  /** The fake's answer to every call waits this long (real Feishu answers a send in about 50–200 ms); 0 by default. */
  latencyMs?: number;
}

const largest = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : Math.max(...(xs as number[])));

/** Sweeps `tasks` × 3 owners at AT and waits until every due nudge is sent (or failed). */
export async function fanout(tasks: number, o: FanoutOptions): Promise<FanoutResult> {
  const fake = await startFakeFeishu({ ...APP });
  const env = await benchEnv('fanout', fake.url, o.store);
  const workerEnv = o.concurrency ? { ...env.env, SEND_CONCURRENCY: String(o.concurrency) } : env.env;
  const clock = manualClock(AT);
  const deps = env.deps(clock);
  try {
    const seeded = await seedPlan(deps.db, { tasks, owners: OWNERS, block: BLOCK, importedAt: new Date('2022-12-20T10:00:00+08:00') });
    for (const p of seeded.people) fake.addUser({ openId: p.openId, name: p.openId });
    await env.database.analyze();
    fake.faults.enforceRealLimits(o.realLimits);
    if (o.latencyMs) fake.faults.latency(o.latencyMs);
    const workers = [];
    try {
      for (let i = 0; i < (o.workers ?? 1); i++) workers.push(await spawnBot({ role: 'worker', env: workerEnv, sendRate: o.sendRate, clockFrom: AT.toISOString() }));
      const rssIdle = largest(await Promise.all(workers.map((w) => idleRss(w))));
      const rss = workers.map((w) => watchRss(w));
      const cpu0 = workers.map((w) => w.cpuMs());
      const t0 = performance.now();
      const { enqueued } = await runSweep(deps);
      const own0 = process.cpuUsage();
      let done = 0;
      let failed = 0;
      const deadline = Date.now() + 60_000 + (enqueued / Math.min(o.sendRate, 50)) * 3000;
      while (done < enqueued) {
        if (Date.now() > deadline) throw new Error(`fan-out: ${done}/${enqueued} nudges after the time allowed`);
        await new Promise((r) => setTimeout(r, 100));
        failed = await deps.db.nudge.count({ where: { state: 'failed' } });
        done = (await deps.db.nudge.count({ where: { state: 'sent' } })) + failed;
      }
      const ms = performance.now() - t0;
      const own = process.cpuUsage(own0);
      const cpu1 = workers.map((w) => w.cpuMs());
      const workerCpuMs = cpuUsed(cpu0, cpu1);
      const fakeCpuMs = (own.user + own.system) / 1000;
      const calls = fake.calls.filter((c) => c.method === 'POST' && c.path === '/open-apis/im/v1/messages');
      const openIds = seeded.people.map((p) => p.openId);
      const peer = new Map(openIds.map((id) => [fake.p2pChatOf(id), id]));
      const bodies = fake
        .messages({ sender: 'bot' })
        .map((m) => JSON.stringify({ receive_id: peer.get(m.chatId), msg_type: m.msgType, content: m.rawContent, uuid: m.uuid }));
      return { nudges: enqueued, ms, calls, rssIdle, rssPeak: largest(rss.map((r) => r.stop())), failed, workerCpuMs, fakeCpuMs, bodies, openIds };
    } finally {
      for (const w of workers) await w.stop();
    }
  } finally {
    await env.close();
    await fake.close();
  }
}

/**
 * The anchor: `n` no-op jobs through raw BullMQ (same Redis; the same concurrency as the bot's send worker,
 * SEND_CONCURRENCY, unless told) in `processes` processes of their own: jobs/s, and the concurrency it ran at.
 */
export async function noopJobsPerSecond(n: number, processes = 1, concurrency?: number): Promise<{ jobsPerSecond: number; concurrency: number }> {
  const env = await benchEnv('noop');
  const c = concurrency ?? env.config.SEND_CONCURRENCY;
  try {
    const { ms } = await rawJobs(env, { role: 'noop', env: env.env, queue: 'noop', concurrency: c }, processes, n, (i) => ({ key: `k${i}` }));
    return { jobsPerSecond: n / (ms / 1000), concurrency: c };
  } finally {
    await env.close();
  }
}

/**
 * The second anchor: the fan-out's own sends — the same request bodies, to a fresh fake Feishu with the same people —
 * made by a raw BullMQ worker whose job is one HTTP POST and nothing else (no store, no task state, no card, no SDK),
 * at the same concurrency. It is what this machine and this fake allow any sender: the fake Feishu takes a core's
 * share on the same two cores, which the no-op anchor never pays.
 */
export async function bareSends(sent: Pick<FanoutResult, 'bodies' | 'openIds'>, processes = 1, concurrency?: number): Promise<{ sendsPerSecond: number; senderCpuMs: number | null; fakeCpuMs: number }> {
  const fake = await startFakeFeishu({ ...APP });
  const env = await benchEnv('bare-send', fake.url);
  const dir = mkdtempSync(join(tmpdir(), 'wpb-bare-send-'));
  const bodiesFile = join(dir, 'bodies.json');
  try {
    for (const openId of sent.openIds) fake.addUser({ openId, name: openId });
    writeFileSync(bodiesFile, JSON.stringify(sent.bodies));
    const token = await tenantToken(fake.url);
    const spec = { role: 'send' as const, env: env.env, queue: 'send', concurrency: concurrency ?? env.config.SEND_CONCURRENCY, sendUrl: `${fake.url}/open-apis/im/v1/messages?receive_id_type=open_id`, token, bodiesFile };
    const n = sent.bodies.length;
    const run = await rawJobs(env, spec, processes, n, (i) => ({ i }));
    return { sendsPerSecond: n / (run.ms / 1000), senderCpuMs: run.workerCpuMs, fakeCpuMs: run.ownCpuMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await env.close();
    await fake.close();
  }
}

/**
 * `n` jobs (`data(i)`) on the queue `spec.queue` through `processes` raw BullMQ worker processes of `spec`
 * (bench/bot-process.ts `noop` or `send`): the time from the first add to the last completion, the processes'
 * CPU over it, and this process's CPU from the adds' end (the fake Feishu answering, for `send`). A failed job
 * stops the run.
 */
async function rawJobs(env: BenchEnv, spec: ProcessSpec & { queue: string }, processes: number, n: number, data: (i: number) => object): Promise<{ ms: number; workerCpuMs: number | null; ownCpuMs: number }> {
  const workers: BotProcess[] = [];
  const connection = createRedis(REDIS_URL, 'worker');
  const queue = new Queue(spec.queue, { connection, prefix: env.prefix, defaultJobOptions: { removeOnComplete: { age: 24 * 3600, count: 50_000 } } });
  try {
    for (let i = 0; i < processes; i++) workers.push(await spawnBot(spec));
    const cpu0 = workers.map((w) => w.cpuMs());
    const t0 = performance.now();
    await queue.addBulk(Array.from({ length: n }, (_, i) => ({ name: spec.queue, data: data(i), opts: { jobId: `${spec.queue}-${i}` } })));
    const own0 = process.cpuUsage();
    for (;;) {
      const counts = await queue.getJobCounts('completed', 'failed');
      if (counts.failed) throw new Error(`${spec.role} jobs: ${counts.failed} failed: ${(await queue.getFailed(0, 0))[0]?.failedReason}`);
      if (counts.completed! >= n) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const ms = performance.now() - t0;
    const own = process.cpuUsage(own0);
    return { ms, workerCpuMs: cpuUsed(cpu0, workers.map((w) => w.cpuMs())), ownCpuMs: (own.user + own.system) / 1000 };
  } finally {
    for (const w of workers) await w.stop();
    await queue.close();
    connection.disconnect();
  }
}

/** CPU time the processes used between two readings, ms, all together (null where /proc gave none). */
function cpuUsed(before: (number | null)[], after: (number | null)[]): number | null {
  if ([...before, ...after].some((x) => x === null)) return null;
  return after.reduce<number>((sum, x, i) => sum + x! - before[i]!, 0);
}

async function tenantToken(base: string): Promise<string> {
  const res = await fetch(`${base}/open-apis/auth/v3/tenant_access_token/internal`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ app_id: APP.appId, app_secret: APP.appSecret }),
  });
  const answer = (await res.json()) as { code?: number; tenant_access_token?: string };
  if (answer.code !== 0 || !answer.tenant_access_token) throw new Error(`fake Feishu gave no tenant token: ${JSON.stringify(answer)}`);
  return answer.tenant_access_token;
}

/** Most items in any window of `ms` (sliding), given sorted times. */
export function busiest(times: number[], ms: number): number {
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= ms) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

async function bareRss(): Promise<number | null> {
  const env = await benchEnv('bare');
  try {
    return await bareProcessRss(env.env);
  } finally {
    await env.close();
  }
}

const cpuPerNudge = (ms: number | null, nudges: number) => (ms === null ? 'n/a' : `${(ms / nudges).toFixed(1)} ms`);

export async function benchFanout(store: StoreKind = 'sqlite'): Promise<Row[]> {
  const rows: Row[] = [];
  // SQLite: one worker process (one machine); PostgreSQL: two, as a deployment on it runs them.
  const workers = store === 'postgres' ? 2 : 1;
  const processes = workers === 1 ? '1 worker process' : `${workers} worker processes`;
  const { jobsPerSecond: anchor, concurrency } = await noopJobsPerSecond(5000, workers);
  const bare = await bareRss();
  const free = await fanout(1667, { sendRate: 100_000, realLimits: false, store, workers });
  const freeRate = free.nudges / (free.ms / 1000);
  rows.push({
    benchmark: `fan-out: ${free.nudges} nudges, no rate limit`,
    figure: `${freeRate.toFixed(0)} nudges/s (${(free.ms / 1000).toFixed(1)} s, ${processes}, ${concurrency} in flight each; CPU per nudge: worker ${cpuPerNudge(free.workerCpuMs, free.nudges)}, fake Feishu ${cpuPerNudge(free.fakeCpuMs, free.nudges)})`,
    anchor: `BullMQ no-op ${anchor.toFixed(0)} jobs/s (same concurrency${workers === 1 ? '' : `, ${workers} processes`})`,
    ratio: `${(freeRate / anchor).toFixed(2)}×`,
  });
  const bareRun = await bareSends(free, workers, concurrency);
  const senders = workers === 1 ? '1 process' : `${workers} processes`;
  rows.push({
    benchmark: `fan-out: the same ${free.bodies.length} sends, each a bare BullMQ job's one HTTP call (no store, no card, no SDK)`,
    figure: `${bareRun.sendsPerSecond.toFixed(0)} sends/s (${senders}, ${concurrency} in flight each; CPU per send: sender ${cpuPerNudge(bareRun.senderCpuMs, free.bodies.length)}, fake Feishu ${cpuPerNudge(bareRun.fakeCpuMs, free.bodies.length)}); the bot's fan-out above is ${(freeRate / bareRun.sendsPerSecond).toFixed(2)}× this`,
    anchor: `BullMQ no-op ${anchor.toFixed(0)} jobs/s (same concurrency${workers === 1 ? '' : `, ${workers} processes`})`,
    ratio: `${(bareRun.sendsPerSecond / anchor).toFixed(2)}×`,
  });
  // Long enough to hold a whole minute of sends at the default rate.
  const capped = await fanout(334, { sendRate: DEFAULT_RATE, realLimits: true, store, workers });
  const ok = capped.calls.filter((c) => c.status === 200).map((c) => c.at).sort((a, b) => a - b);
  const perMinute = capped.nudges / (capped.ms / 60_000);
  const limited = capped.calls.filter((c) => c.status === 429).length;
  const chatLimited = capped.calls.filter((c) => c.code === 230020).length;
  rows.push({
    benchmark: `fan-out: ${capped.nudges} nudges, Feishu's limits on, limiter ${DEFAULT_RATE}/s${workers === 1 ? '' : `, ${processes}`}`,
    figure: `${perMinute.toFixed(0)}/min; busiest second ${busiest(ok, 1000)}, minute ${busiest(ok, 60_000)}; ${limited} × 429, ${chatLimited} × 230020`,
    anchor: `cap ${CAP_PER_MINUTE}/min (50/s)`,
    ratio: `${(perMinute / CAP_PER_MINUTE).toFixed(2)}×`,
  });
  rows.push({
    benchmark: workers === 1 ? 'memory: worker process (RSS)' : `memory: worker process (RSS, the larger of ${workers})`,
    figure: `idle ${mib(free.rssIdle)}; peak ${mib(capped.rssPeak)} at ${DEFAULT_RATE}/s, ${mib(free.rssPeak)} unlimited`,
    anchor: `bare BullMQ process ${mib(bare)}`,
    ratio: free.rssIdle && bare ? `${(free.rssIdle / bare).toFixed(1)}× idle` : 'n/a',
  });
  return rows;
}
