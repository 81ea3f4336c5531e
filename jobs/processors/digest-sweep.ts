/**
 * The digest part of the sweep: once this week's digest time has passed
 * (the last working day at DIGEST_AT), record the week's posts (every
 * digest chat as it chose: each plan in force, the plans combined, or one
 * plan; every admin for the admins' copy, per plan: bot/domain/digest/recipients.ts)
 * and enqueue them. Keys make it once per recipient per week across restarts.
 */
import type { Deps } from '../../bot/deps.js';
import { atShanghai, shanghaiDate } from '../../bot/domain/calendar/shanghai-time.js';
import { plannedPosts } from '../../bot/domain/digest/recipients.js';
import { digestWeek } from '../../bot/store/digest-input.js';
import { digestChats, plansInForce, recordPosts } from '../../bot/store/digest-posts.js';
import { adminOpenIds } from '../../bot/store/people.js';
import { jobIdFor } from '../queues.js';

export { digestKey } from '../../bot/domain/digest/recipients.js';

export async function runDigestSweep(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const week = digestWeek(deps.calendar, shanghaiDate(now));
  if (!week.hasWorkday || now < atShanghai(week.lastWorkday, deps.config.DIGEST_AT)) return 0;
  // An archived plan (归档) gets no more digests; each chat gets them as it chose (/subscribe).
  const admins = deps.config.DIGEST_SHOW_MISSING ? [] : await adminOpenIds(deps);
  const posts = plannedPosts({ plansInForce: await plansInForce(deps.db), chats: await digestChats(deps.db), admins, round: week.id });
  const keys = await recordPosts(deps.db, posts, week.id, now);
  const open = await deps.db.digestPost.findMany({ where: { key: { in: keys }, state: { in: ['pending', 'sending'] } }, select: { key: true } });
  if (open.length) {
    await deps.queues.nudges.addBulk(open.map(({ key }) => ({ name: 'post-digest', data: { key }, opts: { jobId: jobIdFor('digest', key) } })));
  }
  return open.length;
}
