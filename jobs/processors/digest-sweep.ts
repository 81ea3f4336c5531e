/**
 * The digest part of the sweep: once this week's digest time has passed
 * (the last working day at DIGEST_AT), record one post per plan and
 * recipient (every digest chat, and every admin for the admins' copy) and
 * enqueue it. Keys make it once per recipient per week across restarts.
 */
import type { Deps } from '../../bot/deps.js';
import { atShanghai, shanghaiDate } from '../../bot/domain/calendar/shanghai-time.js';
import { digestWeek } from '../../bot/store/digest-input.js';
import { adminOpenIds } from '../../bot/store/people.js';
import { jobIdFor } from '../queues.js';

export function digestKey(planId: number, recipient: string, week: string): string {
  return `${planId}:${recipient}:${week}`;
}

export async function runDigestSweep(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const week = digestWeek(deps.calendar, shanghaiDate(now));
  if (!week.hasWorkday || now < atShanghai(week.lastWorkday, deps.config.DIGEST_AT)) return 0;
  // An archived plan (归档) gets no more digests.
  const plans = await deps.db.plan.findMany({ where: { archivedAt: null }, select: { id: true } });
  const chats = await deps.db.chat.findMany({ where: { digest: true }, select: { chatId: true } });
  const recipients = [...chats.map((c) => c.chatId), ...(deps.config.DIGEST_SHOW_MISSING ? [] : await adminOpenIds(deps))];
  const keys: string[] = [];
  for (const plan of plans) {
    for (const r of recipients) {
      const key = digestKey(plan.id, r, week.id);
      try {
        await deps.db.digestPost.create({ data: { key, planId: plan.id, chatId: r, week: week.id, createdAt: now } });
      } catch (e) {
        if ((e as { code?: string }).code !== 'P2002') throw e;
      }
      keys.push(key);
    }
  }
  const open = await deps.db.digestPost.findMany({ where: { key: { in: keys }, state: { in: ['pending', 'sending'] } }, select: { key: true } });
  if (open.length) {
    await deps.queues.nudges.addBulk(open.map(({ key }) => ({ name: 'post-digest', data: { key }, opts: { jobId: jobIdFor('digest', key) } })));
  }
  return open.length;
}
