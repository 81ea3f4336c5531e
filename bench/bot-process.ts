/**
 * One bot process for the benchmarks, spawned by bench/processes.ts with a
 * JSON spec as its argument:
 * - `receiver`: the bot's HTTP receiver (startBot role receiver), plus a bare
 *   express endpoint answering 200 on a port of its own, the ingest anchor;
 * - `worker`: the bot's workers, as `workplan worker` runs them;
 * - `noop`: a raw BullMQ worker whose processor does nothing, the fan-out anchor.
 * Tells the parent its URLs over IPC once ready; closes cleanly on 'stop'; on
 * 'collect' runs a full garbage collection (bench/processes.ts idleRss).
 */
import type { Server } from 'node:http';
import { Worker } from 'bullmq';
import express from 'express';
import type { Clock } from '../bot/clock.js';
import { createRedis } from '../jobs/redis.js';

export interface ProcessSpec {
  role: 'receiver' | 'worker' | 'noop';
  env: Record<string, string>;
  /** The nudge queue's limiter (sends/s), beyond what config allows (50) for the unlimited run. */
  sendRate?: number;
  /** The process's clock starts at this instant and runs at real speed (the sweep's simulated time). */
  clockFrom?: string;
  /** noop: queue name and worker concurrency. */
  queue?: string;
  concurrency?: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as ProcessSpec;
const send = (m: unknown) => process.send?.(m);

function offsetClock(from: string | undefined): Clock | undefined {
  if (!from) return undefined;
  const offset = new Date(from).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

async function listenBare(): Promise<{ url: string; server: Server }> {
  const app = express();
  app.disable('x-powered-by');
  app.post('/bare', express.raw({ type: () => true }), (_req, res) => void res.json({}));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/bare`, server };
}

async function start(): Promise<() => Promise<void>> {
  if (spec.role === 'noop') {
    const connection = createRedis(spec.env.REDIS_URL!, 'worker');
    const worker = new Worker(spec.queue ?? 'noop', async () => {}, { connection, prefix: spec.env.QUEUE_PREFIX, concurrency: spec.concurrency ?? 4 });
    await worker.waitUntilReady();
    send({ type: 'ready' });
    return async () => {
      await worker.close();
      connection.disconnect();
    };
  }
  // Loaded only here, so a noop process holds none of the bot's code (it is the memory anchor).
  const { loadConfig } = await import('../bot/config.js');
  const { startBot } = await import('../bot/main.js');
  const loaded = loadConfig(spec.env, 'feishu');
  const config = spec.sendRate ? { ...loaded, SEND_RATE_PER_SECOND: spec.sendRate } : loaded;
  const clock = offsetClock(spec.clockFrom);
  const bot = await startBot({ config, role: spec.role, ...(clock ? { clock } : {}) });
  // As `workplan worker` does at start (bot/cli/start.ts): one tenant token, which loads the SDK.
  if (spec.role === 'worker') await bot.deps.messenger.tokenReady().catch(() => {});
  const bare = spec.role === 'receiver' ? await listenBare() : null;
  send({ type: 'ready', url: bot.url ? `${bot.url}/feishu/events` : null, bareUrl: bare?.url ?? null });
  return async () => {
    bare?.server.closeAllConnections();
    bare?.server.close();
    await bot.close();
  };
}

const stop = await start();
const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (m: { type?: string }) => {
  if (m?.type === 'stop') void stop().finally(() => process.exit(0));
  // bench/processes.ts idleRss(): a full collection (twice: the first one's finalizers free more), then an answer.
  if (m?.type === 'collect') {
    gc?.();
    setImmediate(() => {
      gc?.();
      send({ type: 'collected' });
    });
  }
});
