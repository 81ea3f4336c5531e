/**
 * Queue and job names with their typed payloads (STYLE habit 7). The prefix
 * is a Redis Cluster hash tag so all of a queue's keys share one slot.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';

export const QUEUE = { inbound: 'inbound', nudges: 'nudges', sweeps: 'sweeps' } as const;

/** post-digest: one job per plan, recipient and week (jobId derived from the key); runs on the nudges queue's limiter. */
export const postDigestJob = z.object({ key: z.string().min(1) });
export type PostDigestJob = z.infer<typeof postDigestJob>;

/** send-nudge: one job per nudge key (jobId derived from it). */
export const sendNudgeJob = z.object({ key: z.string().min(1) });
export type SendNudgeJob = z.infer<typeof sendNudgeJob>;

/** nudge-sweep: compute due nudges at the clock's now. */
export const sweepJob = z.object({}).passthrough();
export type SweepJob = z.infer<typeof sweepJob>;

/** A verified, de-duplicated Feishu event (v2 envelope, decrypted). */
export const inboundJob = z.object({
  envelope: z.object({
    schema: z.string(),
    header: z.object({ event_id: z.string(), event_type: z.string() }).passthrough(),
    event: z.record(z.string(), z.unknown()),
  }),
  receivedAt: z.string(),
  via: z.enum(['webhook', 'websocket', 'card']),
});
export type InboundJob = z.infer<typeof inboundJob>;

export interface Queues {
  inbound: Queue<InboundJob>;
  nudges: Queue<SendNudgeJob | PostDigestJob>;
  sweeps: Queue<SweepJob>;
  close(): Promise<void>;
}

export function createQueues(connection: Redis, prefix: string): Queues {
  const make = <T>(name: string, defaultJobOptions: Record<string, unknown>) => new Queue<T>(name, { connection, prefix, defaultJobOptions });
  const inbound = make<InboundJob>(QUEUE.inbound, {
    attempts: 8,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  });
  const nudges = make<SendNudgeJob | PostDigestJob>(QUEUE.nudges, {
    attempts: 10,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  });
  const sweeps = make<SweepJob>(QUEUE.sweeps, {
    attempts: 3,
    backoff: { type: 'fixed', delay: 5000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 100 },
  });
  // Connection trouble is reported where a queue is used (add() rejects); no unhandled events.
  for (const q of [inbound, nudges, sweeps]) q.on('error', () => {});
  return {
    inbound,
    nudges,
    sweeps,
    close: async () => {
      await Promise.all([inbound.close(), nudges.close(), sweeps.close()]);
    },
  };
}

/** The one way an accepted event is queued (receiver and recovery alike): its job id is derived from its event id. */
export function enqueueEvent(queues: Pick<Queues, 'inbound'>, job: InboundJob) {
  return queues.inbound.add(job.envelope.header.event_type, job, eventJobOptions(job));
}

/**
 * Several accepted events in one Redis round trip (BullMQ's addBulk: one pipeline), job ids as in
 * enqueueEvent. It throws when any job could not be added; some others may have been.
 */
export function enqueueEvents(queues: Pick<Queues, 'inbound'>, jobs: InboundJob[]) {
  return queues.inbound.addBulk(jobs.map((job) => ({ name: job.envelope.header.event_type, data: job, opts: eventJobOptions(job) })));
}

const eventJobOptions = (job: InboundJob) => ({ jobId: jobIdFor('evt', job.envelope.header.event_id) });

/** BullMQ job ids may not contain ':'; Feishu ids never need it. */
export function jobIdFor(kind: string, id: string): string {
  return `${kind}-${id.replace(/:/g, '_')}`;
}

/** Jobs per `addBulk` when many are enqueued at once, and how many such calls are in flight. */
export const BULK_CHUNK = 1000;

/**
 * Enqueues many jobs in order, in chunks of BULK_CHUNK, the next chunk sent while Redis answers the
 * previous one. One `addBulk` of 30,000 jobs (a first sweep of a 10,000-task plan) builds one
 * pipeline of 30,000 scripts and waits for all of it; chunks let Redis serve other clients between
 * them, and two in flight keep this process and Redis busy at once: about half the time of one
 * `addBulk`, or of chunks one at a time (docs/performance.md). Calls are made in order on the
 * queue's one connection, so Redis receives the jobs in the order given.
 */
export async function addInChunks<T>(queue: Pick<Queue<T>, 'addBulk'>, jobs: Parameters<Queue<T>['addBulk']>[0]): Promise<void> {
  let previous: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < jobs.length; i += BULK_CHUNK) {
    const current = queue.addBulk(jobs.slice(i, i + BULK_CHUNK));
    try {
      await previous;
    } catch (e) {
      await current.catch(() => {});
      throw e;
    }
    previous = current;
  }
  await previous;
}
