/**
 * The inbound worker's bookkeeping around the processor: the store's record
 * of an accepted event becomes 'done' once its handler returned and 'failed'
 * once its job fails for good (a permanent error, or its last attempt). A
 * record that cannot be written is logged, not retried: the handler must not
 * run again for it, and the minute sweep settles the record from the job's
 * state in Redis (jobs/processors/recover-events.ts).
 */
import { RateLimitError, UnrecoverableError, type Job } from 'bullmq';
import type { Deps } from '../../bot/deps.js';
import { scrubErrorText } from '../../bot/log.js';
import { finishEvent, type EventOutcome } from '../../bot/store/accepted-events.js';
import type { InboundJob } from '../queues.js';

export function withEventState(deps: Pick<Deps, 'db' | 'clock' | 'log'>, run: (job: Job<InboundJob>) => Promise<void>) {
  return async (job: Job<InboundJob>): Promise<void> => {
    const eventId = (job.data as Partial<InboundJob> | undefined)?.envelope?.header?.event_id;
    const record = async (outcome: EventOutcome) => {
      if (typeof eventId !== 'string') return;
      await finishEvent(deps.db, eventId, outcome, deps.clock.now()).catch((e: Error) =>
        deps.log.warn({ err: e.message, eventId, state: outcome.state }, 'could not record the event’s outcome; the sweep will settle it'),
      );
    };
    try {
      await run(job);
    } catch (e) {
      if (failsForGood(job, e)) await record({ state: 'failed', error: scrubErrorText((e as Error).message ?? String(e)) });
      throw e;
    }
    await record({ state: 'done' });
  };
}

/** Whether BullMQ will not run the job again after this error. */
function failsForGood(job: Job, e: unknown): boolean {
  if (e instanceof RateLimitError) return false; // back to the queue without using an attempt
  return e instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
