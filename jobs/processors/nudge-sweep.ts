/**
 * nudge-sweep: computes, at the clock's now, the nudges that are due,
 * records them under their stable keys and enqueues one send-nudge job per
 * key (jobId derived from the key). Two sweeps at once, or a sweep repeated
 * after a crash, enqueue nothing twice.
 */
import type { Deps } from '../../bot/deps.js';
import { dueNudges } from '../../bot/domain/schedule/due-nudges.js';
import { spreadByPerson } from '../../bot/domain/schedule/send-order.js';
import type { DueNudge } from '../../bot/domain/schedule/types.js';
import { loadScheduleInputs, recordNudges } from '../../bot/store/nudge-store.js';
import { addInChunks, jobIdFor } from '../queues.js';
import { runDigestSweep } from './digest-sweep.js';
import { purgeProcessedEvents } from './purge-events.js';
import { recoverDigests } from './recover-digests.js';
import { recoverEvents } from './recover-events.js';
import { recoverNudges } from './recover-nudges.js';

export interface SweepResult {
  due: number;
  skipped: number;
  enqueued: number;
}

export async function runSweep(deps: Deps): Promise<SweepResult> {
  const now = deps.clock.now();
  const tasks = await loadScheduleInputs(deps.db, now);
  const due: DueNudge[] = [];
  const skipped: DueNudge[] = [];
  for (const t of tasks) {
    const r = dueNudges(t, now, deps.calendar, deps.schedule);
    due.push(...r.due);
    skipped.push(...r.skipped);
  }
  const keys = await recordNudges(deps.db, due, skipped, now);
  if (keys.length) {
    const waiting = new Set(keys);
    const ordered = spreadByPerson(due.filter((n) => waiting.has(n.key)));
    await addInChunks(deps.queues.nudges, ordered.map(({ key }) => ({ name: 'send-nudge', data: { key }, opts: { jobId: jobIdFor('nudge', key) } })));
  }
  // `skipped` repeats on every sweep of a period (recorded once), so only new work is worth a line.
  if (keys.length) deps.log.info({ due: due.length, skipped: skipped.length, enqueued: keys.length }, 'nudge sweep');
  return { due: due.length, skipped: skipped.length, enqueued: keys.length };
}

/**
 * The scheduled sweep: nudges, the weekly digest when its time has come, then the recovery of
 * work the store holds but Redis lost (accepted events, on-demand nudges, digest posts), and old
 * event ids.
 */
export const createSweepProcessor = (deps: Deps) => async (): Promise<void> => {
  await runSweep(deps);
  await runDigestSweep(deps);
  await recoverEvents(deps);
  await recoverNudges(deps);
  await recoverDigests(deps);
  await purgeProcessedEvents(deps);
};
