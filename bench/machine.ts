/** The machine line printed above the table: CPU, cores, RAM, Node, Redis, load when it ran. */
import { cpus, loadavg, totalmem } from 'node:os';
import { Redis } from 'ioredis';
import { REDIS_URL } from './bench-env.js';

async function redisVersion(): Promise<string> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    return /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?';
  } catch {
    return 'not reachable';
  } finally {
    redis.disconnect();
  }
}

export async function machineLine(): Promise<string> {
  const cpu = cpus();
  const model = (cpu[0]?.model ?? 'cpu').replace(/\s+/g, ' ').trim();
  return `machine: ${cpu.length} × ${model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, Redis ${await redisVersion()}, SQLite (better-sqlite3); load average ${loadavg()[0]!.toFixed(1)} at the end`;
}
