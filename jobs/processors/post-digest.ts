/**
 * post-digest: builds the week's digest for a plan (the snapshot is stored
 * once per plan and week, so every recipient sees the same figures), claims
 * the post, sends the card(s) with uuids derived from the key, records the
 * message ids. Killed and restarted, it posts once.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import type { Deps } from '../../bot/deps.js';
import { buildDigest } from '../../bot/domain/digest/build-digest.js';
import { digestCards } from '../../bot/feishu/cards/digest-cards.js';
import { FeishuError, reasonOf } from '../../bot/feishu/errors.js';
import { loadDigestInput } from '../../bot/store/digest-input.js';
import { postDigestJob, type PostDigestJob } from '../queues.js';
import { ClaimedElsewhere } from './send-nudge.js';

export async function weekDigest(deps: Deps, planId: number, now: Date) {
  const input = await loadDigestInput(deps.db, planId, now, deps.calendar);
  const model = buildDigest(input);
  try {
    await deps.db.digestSnapshot.create({ data: { planId, week: input.week.id, json: JSON.stringify(model.snapshot), createdAt: now } });
  } catch (e) {
    if ((e as { code?: string }).code !== 'P2002') throw e;
  }
  return model;
}

export function createPostDigestProcessor(deps: Deps) {
  return async (job: Job<PostDigestJob>): Promise<void> => {
    const parsed = postDigestJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('malformed post-digest job');
    const { key } = parsed.data;
    const { db, clock, config } = deps;
    const now = clock.now();
    const post = await db.digestPost.findUnique({ where: { key } });
    if (!post || post.state === 'sent' || post.state === 'failed' || post.planId === null) return;
    const claimed = await db.digestPost.updateMany({
      where: { key, OR: [{ state: 'pending' }, { state: 'sending', claimedAt: { lt: new Date(now.getTime() - config.NUDGE_CLAIM_LEASE_SECONDS * 1000) } }] },
      data: { state: 'sending', claimedAt: now },
    });
    if (claimed.count !== 1) throw new ClaimedElsewhere(`digest ${key} is being posted by another worker`);
    const model = await weekDigest(deps, post.planId, now);
    const toPerson = post.chatId.startsWith('ou_');
    const cards = digestCards(model, { audience: toPerson ? 'admin' : 'group', showMissing: config.DIGEST_SHOW_MISSING });
    try {
      const ids: string[] = [];
      for (const [i, card] of cards.entries()) {
        const to = toPerson ? { openId: post.chatId } : { chatId: post.chatId };
        ids.push((await deps.messenger.send(to, { card }, `digest:${key}:${i}`)).messageId);
      }
      await db.digestPost.update({ where: { key }, data: { state: 'sent', sentAt: clock.now(), messageIds: JSON.stringify(ids), error: null } });
    } catch (e) {
      const permanent = e instanceof FeishuError && !e.retryable;
      await db.digestPost.update({
        where: { key },
        data: permanent ? { state: 'failed', error: `${e.code ?? ''} ${reasonOf(e)}`.trim() } : { state: 'pending', claimedAt: null },
      });
      throw e;
    }
  };
}
