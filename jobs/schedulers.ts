/** Repeating jobs, upserted at every boot (idempotent: one scheduler per id however many workers start). */
import type { Deps } from '../bot/deps.js';

export async function upsertSchedulers(deps: Deps): Promise<void> {
  if (deps.config.SWEEP_EVERY_SECONDS === 0) return;
  await deps.queues.sweeps.upsertJobScheduler(
    'nudge-sweep',
    { every: deps.config.SWEEP_EVERY_SECONDS * 1000 },
    { name: 'nudge-sweep', data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
  );
}

/**
 * Upserts the schedulers again each time the queues' connection is ready after a reconnect: a
 * Redis restarted without persistence comes back empty, and without its scheduler no sweep —
 * nor the recovery of what Redis lost — would run until a worker restarted. Returns a stop.
 */
export function keepSchedulers(deps: Deps): () => void {
  const again = () =>
    void upsertSchedulers(deps).then(
      () => deps.log.info('redis reconnected: job schedulers upserted'),
      (e: Error) => deps.log.warn({ err: e.message }, 'could not upsert the job schedulers after a reconnect'),
    );
  deps.redis.on('ready', again);
  return () => void deps.redis.off('ready', again);
}
