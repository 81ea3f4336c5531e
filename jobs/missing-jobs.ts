/** Which of these job ids a queue no longer holds in any state (one pipelined EXISTS per id, one round trip). */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export async function missingJobs(redis: Redis, queue: Queue, jobIds: string[]): Promise<Set<string>> {
  if (!jobIds.length) return new Set();
  const pipe = redis.pipeline();
  for (const id of jobIds) pipe.exists(queue.toKey(id));
  const replies = (await pipe.exec()) ?? [];
  const missing = new Set<string>();
  replies.forEach(([err, n], i) => {
    if (err) throw err;
    if (n === 0) missing.add(jobIds[i]!);
  });
  return missing;
}
