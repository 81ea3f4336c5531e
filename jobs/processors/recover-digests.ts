/**
 * Part of the minute sweep: digest posts still pending (or claimed by a
 * sender whose lease lapsed) whose post-digest job Redis no longer has. The
 * digest sweep re-offers this week's scheduled posts by itself; this also
 * covers `/digest send` posts. A post of the current week is enqueued again
 * (same job id); one of an earlier week is marked failed and logged, since
 * the job would build this week's digest under last week's key.
 */
import type { Deps } from '../../bot/deps.js';
import { shanghaiDate } from '../../bot/domain/calendar/shanghai-time.js';
import { digestWeek } from '../../bot/store/digest-input.js';
import { missingJobs } from '../missing-jobs.js';
import { jobIdFor } from '../queues.js';

const GRACE_MS = 60_000;
const BATCH = 500;

export async function recoverDigests(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'queues' | 'redis' | 'config' | 'calendar'>): Promise<{ requeued: number; failed: number }> {
  const now = deps.clock.now();
  const lapsed = new Date(now.getTime() - deps.config.NUDGE_CLAIM_LEASE_SECONDS * 1000);
  const unsent = { OR: [{ state: 'pending' }, { state: 'sending', claimedAt: { lt: lapsed } }] };
  const rows = await deps.db.digestPost.findMany({
    where: { ...unsent, createdAt: { lt: new Date(now.getTime() - GRACE_MS) } },
    select: { key: true, week: true },
    orderBy: { createdAt: 'asc' },
    take: BATCH,
  });
  const missing = await missingJobs(deps.redis, deps.queues.nudges, rows.map((r) => jobIdFor('digest', r.key)));
  const lost = rows.filter((r) => missing.has(jobIdFor('digest', r.key)));
  const week = digestWeek(deps.calendar, shanghaiDate(now)).id;
  const again = lost.filter((r) => r.week === week).map((r) => r.key);
  const late = lost.filter((r) => r.week !== week).map((r) => r.key);
  if (again.length) {
    await deps.queues.nudges.addBulk(again.map((key) => ({ name: 'post-digest', data: { key }, opts: { jobId: jobIdFor('digest', key) } })));
    deps.log.warn({ count: again.length }, 'digest posts whose jobs Redis lost: enqueued again');
  }
  if (late.length) {
    await deps.db.digestPost.updateMany({ where: { ...unsent, key: { in: late } }, data: { state: 'failed', error: '发送任务丢失，周报未能在当周发出', claimedAt: null } });
    deps.log.error({ count: late.length, keys: late.slice(0, 20) }, 'digest posts of an earlier week whose jobs were lost: marked failed');
  }
  return { requeued: again.length, failed: late.length };
}
