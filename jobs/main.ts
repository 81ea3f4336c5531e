/**
 * Worker composition root: the BullMQ workers over the shared deps.
 * `npm run worker` runs these alone; `npm start` runs them beside the receiver.
 */
import { Worker } from 'bullmq';
import type { Deps } from '../bot/deps.js';
import type { Handlers } from '../bot/handlers/types.js';
import { createInboundProcessor } from './processors/inbound.js';
import { QUEUE, type InboundJob } from './queues.js';
import { createRedis } from './redis.js';
import { withErrorPolicy } from './run-job.js';

export interface Workers {
  close(): Promise<void>;
}

export async function startWorkers(deps: Deps, handlers: Handlers, opts: { concurrency?: number } = {}): Promise<Workers> {
  const connection = createRedis(deps.config.REDIS_URL, 'worker');
  let botOpenId: string | null = null;
  const getBotOpenId = async () => (botOpenId ??= (await deps.messenger.botInfo()).openId);
  const processor = createInboundProcessor(deps, handlers, getBotOpenId);
  const inbound: Worker<InboundJob> = new Worker<InboundJob>(
    QUEUE.inbound,
    withErrorPolicy(deps.log, processor, () => inbound),
    { connection, prefix: deps.config.QUEUE_PREFIX, concurrency: opts.concurrency ?? 8 },
  );
  inbound.on('error', (e) => deps.log.warn({ err: e.message }, 'inbound worker error'));
  // Fully connected before anyone can close it: closing mid-handshake leaves rejected commands behind.
  await inbound.waitUntilReady();
  return {
    close: async () => {
      await inbound.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
