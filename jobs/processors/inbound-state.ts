/**
 * The inbound worker's bookkeeping around the processor: the store's record
 * of an accepted event becomes 'done' once its handler returned and 'failed'
 * once its job fails for good (a permanent error, or its last attempt). A
 * record that cannot be written is logged, not retried: the handler must not
 * run again for it, and the minute sweep settles the record from the job's
 * state in Redis (jobs/processors/recover-events.ts).
 *
 * A person's message whose work fails for good is not left unanswered: the
 * sender is told, in reply to it, that it was not handled and to send it again
 * (once: the reply's uuid comes from the message id).
 */
import { RateLimitError, UnrecoverableError, type Job } from 'bullmq';
import type { Deps } from '../../bot/deps.js';
import { scrubErrorText } from '../../bot/log.js';
import { botText } from '../../bot/feishu/safe-text.js';
import { finishEvent, type EventOutcome } from '../../bot/store/accepted-events.js';
import type { InboundJob } from '../queues.js';

export function withEventState(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'messenger'>, run: (job: Job<InboundJob>) => Promise<void>) {
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
      if (failsForGood(job, e)) {
        await record({ state: 'failed', error: scrubErrorText((e as Error).message ?? String(e)) });
        await tellSender(deps, job.data);
      }
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

export const NOT_HANDLED = botText`抱歉，这条消息未能处理（系统出现故障，已记录）。请稍后重新发送；如再次出现，请联系管理员。`;

/** Replies to a person's message that failed for good; a reply that fails too is logged (Feishu may be what failed). */
async function tellSender(deps: Pick<Deps, 'log' | 'messenger'>, data: unknown): Promise<void> {
  const envelope = (data as Partial<InboundJob> | undefined)?.envelope as { header?: { event_type?: unknown }; event?: { sender?: { sender_type?: unknown }; message?: { message_id?: unknown } } } | undefined;
  const messageId = envelope?.event?.message?.message_id;
  if (envelope?.header?.event_type !== 'im.message.receive_v1' || envelope.event?.sender?.sender_type !== 'user' || typeof messageId !== 'string') return;
  await deps.messenger.reply(messageId, { text: NOT_HANDLED }, `reply:${messageId}:not-handled`).catch((e: Error) =>
    deps.log.warn({ err: scrubErrorText(e.message), messageId }, 'could not tell the sender their message was not handled'),
  );
}
