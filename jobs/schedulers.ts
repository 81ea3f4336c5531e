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
