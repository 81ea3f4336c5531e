/**
 * Forgets inbound event ids older than a day. Feishu redelivers for about 7
 * hours, so 24 hours keeps every redelivery de-duplicated while the table
 * stays small.
 */
import type { Deps } from '../../bot/deps.js';

export const EVENT_MEMORY_MS = 24 * 3600_000;

export async function purgeProcessedEvents(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - EVENT_MEMORY_MS);
  return (await deps.db.processedEvent.deleteMany({ where: { receivedAt: { lt: cutoff } } })).count;
}
