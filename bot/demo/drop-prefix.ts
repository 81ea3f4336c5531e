/** Removes every Redis key under a queue prefix: the demo's (and tests') cleanup. */
import { Redis } from 'ioredis';

export async function dropQueuePrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  redis.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
