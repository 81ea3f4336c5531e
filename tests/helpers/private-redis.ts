/**
 * A private redis-server on a free port, for tests that stop Redis (never the
 * shared 127.0.0.1:6379). `stop()` kills it like a crash; `start()` brings it
 * back on the same port — with `persist` it keeps its data in an AOF file
 * (the configuration the README asks for), without it the data is gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, redisAnswers } from '../../bot/demo/find-redis.js';
import { startHarness, type Harness, type HarnessOptions } from './bot-harness.js';
import { waitFor } from './wait-for.js';

export interface PrivateRedis {
  url: string;
  port: number;
  start(): Promise<void>;
  /** SIGKILL: no goodbye to clients, no final save. */
  stop(): Promise<void>;
  /** While stopped: deletes what it kept on disk (its next start begins empty, as without persistence). */
  wipe(): void;
  /** SIGSTOP for `ms`, then SIGCONT: connections stay open and nothing answers. */
  pause(ms: number): Promise<void>;
  close(): Promise<void>;
}

const answers = (port: number) => redisAnswers(`redis://127.0.0.1:${port}`);

export interface PrivateRedisOptions {
  persist?: boolean;
  /** Default noeviction, the policy the README asks for. */
  maxmemoryPolicy?: string;
  /** More redis-server arguments, e.g. ['--rename-command', 'CONFIG', '']. */
  args?: string[];
}

export async function startPrivateRedis(opts: PrivateRedisOptions = {}): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'workplan-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--maxmemory-policy', opts.maxmemoryPolicy ?? 'noeviction'];
  args.push(...(opts.persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']), ...(opts.args ?? []));
  let child: ChildProcess | null = null;
  const r: PrivateRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    start: async () => {
      child = spawn('redis-server', args, { stdio: 'ignore' });
      await waitFor(() => answers(port), 60_000, `redis-server on port ${port}`);
    },
    stop: async () => {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return;
      const gone = new Promise((res) => c.once('exit', res));
      c.kill('SIGKILL');
      await gone;
    },
    wipe: () => {
      if (child) throw new Error('wipe() a running redis-server');
      for (const f of readdirSync(dir)) rmSync(join(dir, f), { recursive: true, force: true });
    },
    pause: async (ms) => {
      const c = child;
      if (!c) return;
      c.kill('SIGSTOP');
      await new Promise((res) => setTimeout(res, ms));
      c.kill('SIGCONT');
    },
    close: async () => {
      await r.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await r.start();
  return r;
}

/** A whole bot (tests/helpers/bot-harness.ts) on its own private Redis; `close()` stops both. */
export async function startHarnessOnPrivateRedis(
  opts: HarnessOptions = {},
  redisOpts: PrivateRedisOptions = {},
): Promise<{ h: Harness; redis: PrivateRedis; close(): Promise<void> }> {
  const redis = await startPrivateRedis(redisOpts);
  const h = await startHarness({ ...opts, env: { ...opts.env, REDIS_URL: redis.url } });
  return {
    h,
    redis,
    close: async () => {
      await h.close();
      await redis.close();
    },
  };
}
