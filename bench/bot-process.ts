/**
 * One bot process for the benchmarks, spawned by bench/processes.ts with a
 * JSON spec as its argument:
 * - `receiver`: the bot's HTTP receiver (startBot role receiver), plus a bare
 *   express endpoint answering 200 on a port of its own, the ingest anchor;
 * - `worker`: the bot's workers, as `workplan worker` runs them;
 * - `noop`: a raw BullMQ worker whose processor does nothing, the fan-out anchor;
 * - `send`: a raw BullMQ worker whose processor makes one HTTP call, the request
 *   body job `i` names from a file of recorded sends (bench/fanout.ts bareSends):
 *   the fan-out's sends with nothing of the bot's around them.
 * Tells the parent its URLs over IPC once ready; closes cleanly on 'stop'; on
 * 'collect' runs a full garbage collection (bench/processes.ts idleRss).
 */
import { readFileSync } from 'node:fs';
import http, { type Server } from 'node:http';
import { Worker, type Job } from 'bullmq';
import express from 'express';
import type { Clock } from '../bot/clock.js';
import { createRedis } from '../jobs/redis.js';

export interface ProcessSpec {
  role: 'receiver' | 'worker' | 'noop' | 'send';
  env: Record<string, string>;
  /** The nudge queue's limiter (sends/s), beyond what config allows (50) for the unlimited run. */
  sendRate?: number;
  /** The process's clock starts at this instant and runs at real speed (the sweep's simulated time). */
  clockFrom?: string;
  /** noop and send: queue name and worker concurrency. */
  queue?: string;
  concurrency?: number;
  /** send: the URL to POST to, its bearer token, and a JSON file holding the request bodies. */
  sendUrl?: string;
  token?: string;
  bodiesFile?: string;
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

/** One POST over a keep-alive connection; resolves once the answer is read and says code 0. */
function poster(url: string, token: string): (body: string) => Promise<void> {
  const agent = new http.Agent({ keepAlive: true });
  const u = new URL(url);
  return (body) =>
    new Promise((resolve, reject) => {
      const headers = { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) };
      const req = http.request({ host: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, method: 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { code?: number; msg?: string };
          if (answer.code === 0) resolve();
          else reject(new Error(`send answered ${answer.code}: ${answer.msg}`));
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
}

async function start(): Promise<() => Promise<void>> {
  if (spec.role === 'noop' || spec.role === 'send') {
    const connection = createRedis(spec.env.REDIS_URL!, 'worker');
    let processor = async (_job: Job): Promise<void> => {};
    if (spec.role === 'send') {
      const bodies = JSON.parse(readFileSync(spec.bodiesFile!, 'utf8')) as string[];
      const post = poster(spec.sendUrl!, spec.token!);
      processor = (job) => post(bodies[(job.data as { i: number }).i]!);
    }
    const worker = new Worker(spec.queue ?? 'noop', processor, { connection, prefix: spec.env.QUEUE_PREFIX, concurrency: spec.concurrency ?? 4 });
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
