/** The machine line printed above the table: CPU, cores, RAM, Node, Redis, the store, load when it ran. */
import { cpus, loadavg, totalmem } from 'node:os';
import { Redis } from 'ioredis';
import { withAdmin } from '../tests/helpers/test-database.js';
import type { StoreKind } from './bench-db.js';
import { REDIS_URL } from './bench-env.js';

async function postgresVersion(): Promise<string> {
  try {
    const { rows } = await withAdmin((admin) => admin.query<{ v: string }>("SELECT current_setting('server_version') AS v"));
    return rows[0]!.v.replace(/\s.*/, '');
  } catch {
    return 'not reachable';
  }
}

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

export async function machineLine(store: StoreKind = 'sqlite'): Promise<string> {
  const cpu = cpus();
  const model = (cpu[0]?.model ?? 'cpu').replace(/\s+/g, ' ').trim();
  return `machine: ${cpu.length} × ${model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, Redis ${await redisVersion()}, ${store === 'postgres' ? `PostgreSQL ${await postgresVersion()} on the same machine (pg)` : 'SQLite (better-sqlite3)'}; load average ${loadavg()[0]!.toFixed(1)} at the end`;
}
