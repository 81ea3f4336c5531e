/**
 * Where the demo's Redis is: the one at REDIS_URL when it answers; otherwise,
 * when `redis-server` is installed, a private one on a free port that the demo
 * starts (keeping nothing on disk) and stops; otherwise a hint on installing it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export class RedisMissingError extends Error {
  override name = 'RedisMissingError';
}

export const REDIS_HINT =
  '演示需要 Redis：请安装 redis-server（Debian/Ubuntu：sudo apt-get install redis-server；macOS：brew install redis），或在 .env 中设置 REDIS_URL。\n' +
  'The demo needs Redis: install redis-server (apt-get install redis-server / brew install redis) or set REDIS_URL.';

export interface DemoRedis {
  url: string;
  /** True when the demo started this Redis itself. */
  privateServer: boolean;
  stop(): Promise<void>;
}

/** Whether a Redis answers PING at `url` within `ms`. */
export async function redisAnswers(url: string, ms = 1500): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: ms, retryStrategy: () => null, enableOfflineQueue: false });
  r.on('error', () => {});
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

export async function findRedis(url: string, redisServer = 'redis-server'): Promise<DemoRedis> {
  if (await redisAnswers(url)) return { url, privateServer: false, stop: async () => {} };
  const port = await freePort();
  const child = await startServer(redisServer, port);
  const privateUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await redisAnswers(privateUrl, 500)); i++) await new Promise((r) => setTimeout(r, 50));
  if (!(await redisAnswers(privateUrl))) {
    child.kill('SIGKILL');
    throw new RedisMissingError(`redis-server started but did not answer on port ${port}.\n${REDIS_HINT}`);
  }
  return {
    url: privateUrl,
    privateServer: true,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

async function startServer(command: string, port: number): Promise<ChildProcess> {
  const child = spawn(command, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    stdio: 'ignore',
  });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new RedisMissingError(`Redis is not answering and ${command} is not installed.\n${REDIS_HINT}`) : e),
    );
  });
  return child;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
