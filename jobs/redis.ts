/** Redis connections for BullMQ. */
import { Redis, type RedisOptions } from 'ioredis';

/**
 * `worker` connections wait for Redis forever (BullMQ requires
 * maxRetriesPerRequest: null); `client` connections used on the webhook
 * path fail fast when Redis is down, so Feishu gets a non-2xx and redelivers.
 */
export function createRedis(url: string, role: 'worker' | 'client'): Redis {
  const opts: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, commandTimeout: 2000 };
  const redis = new Redis(url, { ...opts, lazyConnect: false });
  // Connection errors are retried by ioredis; without a listener they would crash the process.
  redis.on('error', () => {});
  return redis;
}

/** Resolves once the connection is ready (or rejects after `ms`). */
export async function whenReady(redis: Redis, ms = 5000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
