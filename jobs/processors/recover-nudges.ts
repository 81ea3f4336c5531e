/**
 * Part of the minute sweep: nudge rows still pending (or claimed by a sender
 * whose lease lapsed) whose send-nudge job Redis no longer has.
 * - On-demand nudges (/remind), which no sweep computes again, are enqueued
 *   again under the same job id, outside quiet hours.
 * - Scheduled ones (check-ins, follow-ups, the deadline ladder) are re-offered
 *   by the sweep itself while they are due — runSweep enqueues every due key
 *   still pending — and left to it: one that is no longer due was superseded,
 *   answered or is on hold, and must not go out late.
 * - Any of them due more than 3 days ago (a weekend and a day) is closed as
 *   'skipped' with the reason and logged: that late it would mislead, and no
 *   row stays pending forever.
 */
import type { Deps } from '../../bot/deps.js';
import { isQuiet } from '../../bot/domain/schedule/quiet-hours.js';
import { SCHEDULED_KIND_PREFIXES } from '../../bot/domain/schedule/types.js';
import { MAYBE_SHOWN } from '../../bot/store/nudge-store.js';
import { missingJobs } from '../missing-jobs.js';
import { jobIdFor } from '../queues.js';

export const NUDGE_RECOVERY_GRACE_MS = 60_000;
export const NUDGE_RECOVERY_WINDOW_MS = 3 * 24 * 3600_000;
const BATCH = 1000;
const STALE_REASON = '发送任务丢失且已超过3天，不再补发';

/** Kinds the schedule produces (bot/domain/schedule/steps.ts); anything else is on demand. */
const SCHEDULED = SCHEDULED_KIND_PREFIXES.map((p) => ({ kind: { startsWith: p } }));

export async function recoverNudges(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'queues' | 'redis' | 'config' | 'calendar' | 'schedule'>): Promise<{ requeued: number; closed: number }> {
  const now = deps.clock.now();
  const lapsed = new Date(now.getTime() - deps.config.NUDGE_CLAIM_LEASE_SECONDS * 1000);
  const windowStart = new Date(now.getTime() - NUDGE_RECOVERY_WINDOW_MS);
  const pending = { state: 'pending' };
  const claimLapsed = { state: 'sending', claimedAt: { lt: lapsed } };
  const unsent = { OR: [pending, claimLapsed] };
  const select = { key: true } as const;
  const lost = async (rows: { key: string }[]) => {
    const missing = await missingJobs(deps.redis, deps.queues.nudges, rows.map((r) => jobIdFor('nudge', r.key)));
    return rows.filter((r) => missing.has(jobIdFor('nudge', r.key))).map((r) => r.key);
  };

  const stale = await lost(await deps.db.nudge.findMany({ where: { ...unsent, dueAt: { lt: windowStart } }, select, orderBy: { dueAt: 'asc' }, take: BATCH }));
  if (stale.length) {
    // A claimed one's sender died holding it, perhaps after Feishu took the card: the reason says so.
    await deps.db.nudge.updateMany({ where: { ...pending, key: { in: stale } }, data: { state: 'skipped', error: STALE_REASON, claimedAt: null } });
    await deps.db.nudge.updateMany({ where: { ...claimLapsed, key: { in: stale } }, data: { state: 'skipped', error: `${STALE_REASON}；${MAYBE_SHOWN}`, claimedAt: null } });
    deps.log.warn({ count: stale.length, keys: stale.slice(0, 20) }, 'nudges whose jobs were lost more than 3 days ago: closed as skipped');
  }

  if (isQuiet(now, deps.calendar, deps.schedule)) return { requeued: 0, closed: stale.length };
  const onDemand = await deps.db.nudge.findMany({
    where: { ...unsent, NOT: SCHEDULED, dueAt: { gte: windowStart, lt: new Date(now.getTime() - NUDGE_RECOVERY_GRACE_MS) } },
    select,
    orderBy: { dueAt: 'asc' },
    take: BATCH,
  });
  const again = await lost(onDemand);
  if (again.length) {
    await deps.queues.nudges.addBulk(again.map((key) => ({ name: 'send-nudge', data: { key }, opts: { jobId: jobIdFor('nudge', key) } })));
    deps.log.warn({ count: again.length }, 'on-demand nudges whose jobs Redis lost: enqueued again');
  }
  return { requeued: again.length, closed: stale.length };
}
