/**
 * Queue and job names with their typed payloads (STYLE habit 7). The prefix
 * is a Redis Cluster hash tag so all of a queue's keys share one slot.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';

export const QUEUE = { inbound: 'inbound' } as const;

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
  close(): Promise<void>;
}

export function createQueues(connection: Redis, prefix: string): Queues {
  const inbound = new Queue<InboundJob>(QUEUE.inbound, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  // Connection trouble is reported where the queue is used (add() rejects); no unhandled events.
  inbound.on('error', () => {});
  return {
    inbound,
    close: async () => {
      await inbound.close();
    },
  };
}

/** BullMQ job ids may not contain ':'; Feishu ids never need it. */
export function jobIdFor(kind: string, id: string): string {
  return `${kind}-${id.replace(/:/g, '_')}`;
}
