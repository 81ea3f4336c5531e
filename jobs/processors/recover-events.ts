/**
 * Part of the minute sweep: accepted events the store still calls 'queued' a
 * minute after they came are checked against their job in Redis. A job Redis
 * lost (a restart without persistence, a flush) is enqueued again from the
 * stored envelope under the same job id, so it runs once; a job that finished
 * without its record being written settles the record. A job still waiting
 * or running is left alone (re-adding it would be a no-op anyway: same job id).
 */
import type { Deps } from '../../bot/deps.js';
import { envelopeSchema } from '../../bot/feishu/envelope.js';
import { finishEvent, queuedEvents, type QueuedEvent } from '../../bot/store/accepted-events.js';
import { enqueueEvent, inboundJob, jobIdFor, type InboundJob } from '../queues.js';

/** Longer than any acceptance (the receiver's enqueue gives up after 2 s). */
export const EVENT_RECOVERY_GRACE_MS = 60_000;
const BATCH = 500;

export interface EventRecovery {
  requeued: number;
  settled: number;
}

export async function recoverEvents(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'queues'>): Promise<EventRecovery> {
  const now = deps.clock.now();
  const rows = await queuedEvents(deps.db, new Date(now.getTime() - EVENT_RECOVERY_GRACE_MS), BATCH);
  const result: EventRecovery = { requeued: 0, settled: 0 };
  for (const row of rows) {
    const state = await deps.queues.inbound.getJobState(jobIdFor('evt', row.eventId));
    if (state === 'completed' || state === 'failed') {
      const outcome = state === 'completed' ? { state: 'done' as const } : { state: 'failed' as const, error: 'the job failed' };
      await finishEvent(deps.db, row.eventId, outcome, now, { ifQueued: true });
      result.settled++;
    } else if (state === 'unknown') {
      const job = jobOf(row);
      if (job) await enqueueEvent(deps.queues, job);
      else await finishEvent(deps.db, row.eventId, { state: 'failed', error: 'no stored envelope to replay' }, now, { ifQueued: true });
      result.requeued += job ? 1 : 0;
    }
  }
  if (result.requeued || result.settled) deps.log.warn({ ...result }, 'accepted events whose jobs Redis no longer had: re-enqueued or settled');
  return result;
}

function jobOf(row: QueuedEvent): InboundJob | null {
  if (!row.payload) return null;
  let envelope: unknown;
  try {
    envelope = JSON.parse(row.payload);
  } catch {
    return null;
  }
  const job = inboundJob.safeParse({ envelope, receivedAt: row.receivedAt.toISOString(), via: row.via });
  return job.success && envelopeSchema.safeParse(envelope).success ? job.data : null;
}
