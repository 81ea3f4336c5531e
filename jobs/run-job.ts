/**
 * Wraps a processor with the bot's error policy (STYLE habit 5): Feishu rate
 * limits pause the worker until the reset and retry without using an attempt;
 * permanent Feishu errors are not retried; everything else backs off.
 */
import { RateLimitError, UnrecoverableError, type Job, type Worker } from 'bullmq';
import { FeishuError, reasonOf } from '../bot/feishu/errors.js';
import type { Log } from '../bot/log.js';

export function withErrorPolicy<T>(log: Log, processor: (job: Job<T>) => Promise<void>, getWorker: () => Worker<T>) {
  return async (job: Job<T>): Promise<void> => {
    try {
      await processor(job);
    } catch (e) {
      if (e instanceof FeishuError) {
        if (e.kind === 'rate_limit') {
          const wait = e.retryAfterMs ?? 1000;
          log.warn({ job: job.name, id: job.id, code: e.code, wait }, 'feishu rate limit; pausing the queue');
          await getWorker().rateLimit(wait);
          throw new RateLimitError();
        }
        if (!e.retryable) {
          log.error({ job: job.name, id: job.id, code: e.code, reason: reasonOf(e) }, 'permanent feishu error');
          throw new UnrecoverableError(`feishu ${e.code}: ${reasonOf(e)}`);
        }
      }
      log.warn({ job: job.name, id: job.id, err: (e as Error).message }, 'job failed; will retry');
      throw e;
    }
  };
}
