/**
 * Forgets accepted events a day after they finished (done or failed): Feishu
 * redelivers for about 7 hours, so 24 hours keeps every redelivery
 * de-duplicated while the table stays small (and the receiver drops an event
 * older than that memory: bot/feishu/event-age.ts). An event still queued is never
 * purged silently: after 7 days unprocessed (the recovery re-enqueues it every
 * minute meanwhile) it is given up — marked failed and logged as an error —
 * and forgotten a day later like any other.
 */
import type { Deps } from '../../bot/deps.js';
import { EVENT_MEMORY_MS } from '../../bot/feishu/event-age.js';
import { abandonEvents, purgeFinishedEvents } from '../../bot/store/accepted-events.js';

export { EVENT_MEMORY_MS };
export const EVENT_GIVE_UP_MS = 7 * 24 * 3600_000;

export async function purgeProcessedEvents(deps: Pick<Deps, 'db' | 'clock' | 'log'>): Promise<number> {
  const now = deps.clock.now();
  const abandoned = await abandonEvents(deps.db, new Date(now.getTime() - EVENT_GIVE_UP_MS), now, 'not processed within 7 days');
  if (abandoned.length) {
    deps.log.error({ count: abandoned.length, events: abandoned.slice(0, 20) }, 'accepted events still unprocessed after 7 days: given up (marked failed, forgotten in 24 hours)');
  }
  return purgeFinishedEvents(deps.db, new Date(now.getTime() - EVENT_MEMORY_MS));
}
