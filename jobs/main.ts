/**
 * Worker composition root: the BullMQ workers over the shared deps.
 * `npm run worker` runs these alone; `npm start` runs them beside the receiver.
 */
import { Worker, type Job } from 'bullmq';
import type { Deps } from '../bot/deps.js';
import type { Handlers } from '../bot/handlers/types.js';
import { createInboundProcessor } from './processors/inbound.js';
import { withEventState } from './processors/inbound-state.js';
import { createPostDigestProcessor } from './processors/post-digest.js';
import { createSendNudgeProcessor } from './processors/send-nudge.js';
import { createSweepProcessor } from './processors/nudge-sweep.js';
import { QUEUE, type InboundJob, type PostDigestJob, type SendNudgeJob, type SweepJob } from './queues.js';
import { keepSchedulers, upsertSchedulers } from './schedulers.js';
import { createRedis } from './redis.js';
import { withErrorPolicy } from './run-job.js';

export interface Workers {
  close(): Promise<void>;
}

export async function startWorkers(deps: Deps, handlers: Handlers, opts: { concurrency?: number; schedulers?: boolean } = {}): Promise<Workers> {
  const connection = createRedis(deps.config.REDIS_URL, 'worker');
  let botOpenId: string | null = null;
  const getBotOpenId = async () => (botOpenId ??= (await deps.messenger.botInfo()).openId);
  const processor = createInboundProcessor(deps, handlers, getBotOpenId);
  // Every worker has a limiter: BullMQ honours a manual rateLimit() (a Feishu 429) only on limited queues.
  const common = {
    connection,
    prefix: deps.config.QUEUE_PREFIX,
    lockDuration: deps.config.WORKER_LOCK_MS,
    stalledInterval: deps.config.WORKER_LOCK_MS,
    limiter: { max: 200, duration: 1000 },
  };
  // The store's record of each event says done or failed (the error policy decides what is permanent first).
  const inbound: Worker<InboundJob> = new Worker<InboundJob>(QUEUE.inbound, withEventState(deps, withErrorPolicy(deps.log, processor, () => inbound)), {
    ...common,
    concurrency: opts.concurrency ?? 8,
  });
  // Feishu allows 50/s and 1000/min per app: the limiter keeps every worker together under both. Each
  // send mostly waits on Feishu, so a worker keeps SEND_CONCURRENCY of them in flight (bot/config.ts).
  const sendNudge = createSendNudgeProcessor(deps);
  const postDigest = createPostDigestProcessor(deps);
  const outbound = (job: Job<SendNudgeJob | PostDigestJob>) =>
    job.name === 'post-digest' ? postDigest(job as Job<PostDigestJob>) : sendNudge(job as Job<SendNudgeJob>);
  const nudges: Worker<SendNudgeJob | PostDigestJob> = new Worker<SendNudgeJob | PostDigestJob>(
    QUEUE.nudges,
    withErrorPolicy(deps.log, outbound, () => nudges),
    { ...common, concurrency: deps.config.SEND_CONCURRENCY, limiter: { max: deps.config.SEND_RATE_PER_SECOND, duration: 1000 } },
  );
  const sweeps: Worker<SweepJob> = new Worker<SweepJob>(QUEUE.sweeps, withErrorPolicy(deps.log, createSweepProcessor(deps), () => sweeps), {
    ...common,
    concurrency: 1,
  });
  const all = [inbound, nudges, sweeps];
  for (const w of all) w.on('error', (e) => deps.log.warn({ err: e.message, queue: w.name }, 'worker error'));
  // Fully connected before anyone can close it: closing mid-handshake leaves rejected commands behind.
  await Promise.all(all.map((w) => w.waitUntilReady()));
  let stopSchedulers = () => {};
  if (opts.schedulers !== false) {
    await upsertSchedulers(deps);
    stopSchedulers = keepSchedulers(deps);
  }
  return {
    close: async () => {
      stopSchedulers();
      // No new jobs from now on; in-flight ones may finish within the grace period. A job still running
      // after it (a hung call) is abandoned: its lock lapses and another worker retries it (same uuid).
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), deps.config.SHUTDOWN_GRACE_SECONDS * 1000)));
      const closed = await Promise.race([Promise.all(all.map((w) => w.close())).then(() => 'done' as const), grace]);
      clearTimeout(timer);
      if (closed === 'late') {
        deps.log.warn({ graceSeconds: deps.config.SHUTDOWN_GRACE_SECONDS }, 'jobs still running after the grace period; stopping anyway');
        // close(true) can itself wait on the hung job's lock renewal: give it a second, no more.
        await Promise.race([Promise.all(all.map((w) => w.close(true))), new Promise((r) => setTimeout(r, 1000).unref())]);
      }
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
