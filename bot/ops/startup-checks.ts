/**
 * Checks made before a bot process starts work, each failure in Chinese and
 * English naming the fix:
 * - Redis must not evict keys (maxmemory-policy noeviction): an evicted
 *   queue key loses jobs silently. A Redis that refuses CONFIG GET (some
 *   managed services) cannot be checked: that is logged, not refused.
 * - The store's migrations: openStore applied the pending ones (logged);
 *   migrations in the database that this code does not know mean a newer
 *   version migrated it (logged as a warning: roll this one forward).
 * The Encrypt Key required in production is checked with the rest of the
 * configuration (bot/config.ts).
 */
import type { Redis } from 'ioredis';
import type { Db } from '../store/db.js';
import type { Log } from '../log.js';

export class StartupError extends Error {
  override name = 'StartupError';
}

/** Refuses a Redis whose maxmemory-policy may evict the queues' keys. */
export async function checkRedisEviction(redis: Redis, log: Log): Promise<void> {
  let policy: string | undefined;
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    policy = reply[1];
  } catch (e) {
    log.warn({ err: (e as Error).message }, 'could not read Redis maxmemory-policy (CONFIG GET refused); make sure it is noeviction');
    return;
  }
  if (policy !== undefined && policy !== 'noeviction') {
    throw new StartupError(
      `Redis 的 maxmemory-policy 是 ${policy}，内存满时会淘汰队列数据、丢失任务。请改为 noeviction：在 redis.conf 中写 maxmemory-policy noeviction，或执行 redis-cli CONFIG SET maxmemory-policy noeviction。\n` +
        `Redis maxmemory-policy is ${policy}: when memory fills up it evicts queue keys and jobs are lost. Set it to noeviction (maxmemory-policy noeviction in redis.conf, or redis-cli CONFIG SET maxmemory-policy noeviction).`,
    );
  }
}

/** Logs what openStore applied, and warns about migrations this code does not know. */
export async function reportMigrations(db: Db, applied: string[], known: string[], log: Log): Promise<void> {
  const rows = await db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE rolled_back_at IS NULL`;
  const unknown = rows.map((r) => r.migration_name).filter((name) => !known.includes(name));
  if (applied.length) log.info({ applied }, 'database migrations applied');
  else log.info({ migrations: rows.length }, 'database schema is up to date');
  if (unknown.length) {
    log.warn({ unknown }, '数据库中有本版本不认识的迁移，可能已被更新版本升级；请部署同一版本。 The database has migrations this version does not know (a newer version migrated it): deploy the same version everywhere.');
  }
}
