/**
 * How old an event is, from its header's `create_time`. Feishu retries a push 15 s, 5 min, 1 h
 * and 6 h after the first (about 7 hours in all), and the store remembers an accepted event for a
 * day after it finished (EVENT_MEMORY_MS), so every genuine redelivery meets its record. An event
 * older than that memory can only be a replay — a signed request kept and sent again, or a push
 * from a platform gone wrong — and nothing could tell whether it was already handled: it is
 * answered 2xx and dropped, never handled a second time.
 */

/** Accepted events are remembered this long after they finished (jobs/processors/purge-events.ts). */
export const EVENT_MEMORY_MS = 24 * 3600_000;

/**
 * Older than this, an event is refused as stale: the memory less an hour, for a sender's clock
 * ahead of ours. Far beyond Feishu's last retry (~7 h), so no genuine delivery is lost.
 */
export const STALE_EVENT_MS = EVENT_MEMORY_MS - 3600_000;

/**
 * `create_time` as epoch ms. Feishu writes it in ms for im events and in µs for card callbacks
 * (feishu-contract.md §3), and seconds are seen in older event kinds: the unit is read from the
 * size (any time after 1973 in ms has at least 12 digits; in µs, 15). Null when absent or not a number.
 */
export function eventCreatedMs(createTime: string | undefined): number | null {
  if (createTime === undefined || !/^\d{1,20}$/.test(createTime)) return null;
  const n = Number(createTime);
  if (n >= 1e14) return Math.floor(n / 1000);
  if (n >= 1e11) return n;
  return n * 1000;
}

/** True when the event was created longer ago than the de-duplication memory reaches. */
export function isStaleEvent(createTime: string | undefined, nowMs: number): boolean {
  const created = eventCreatedMs(createTime);
  return created !== null && nowMs - created > STALE_EVENT_MS;
}
