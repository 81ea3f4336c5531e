/**
 * post-digest: builds the week's digest for a plan, or for every plan in force
 * when the post is combined (planId null; each plan's snapshot is stored once
 * per plan and week, so every recipient sees the same figures), claims
 * the post, sends the card(s) with uuids derived from the key, records the
 * message ids. Killed and restarted, it posts once.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import type { Deps } from '../../bot/deps.js';
import { buildDigest } from '../../bot/domain/digest/build-digest.js';
import { combinedDigestCards } from '../../bot/feishu/cards/combined-digest-cards.js';
import { digestCards } from '../../bot/feishu/cards/digest-cards.js';
import { FeishuError, reasonOf } from '../../bot/feishu/errors.js';
import { loadDigestInput } from '../../bot/store/digest-input.js';
import { plansInForce } from '../../bot/store/digest-posts.js';
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

/** Every plan in force's digest, in plan order. */
async function plansDigests(deps: Deps, now: Date) {
  const models = [];
  for (const id of await plansInForce(deps.db)) models.push(await weekDigest(deps, id, now));
  return models;
}

export function createPostDigestProcessor(deps: Deps) {
  return async (job: Job<PostDigestJob>): Promise<void> => {
    const parsed = postDigestJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('malformed post-digest job');
    const { key } = parsed.data;
    const { db, clock, config } = deps;
    const now = clock.now();
    const post = await db.digestPost.findUnique({ where: { key } });
    if (!post || post.state === 'sent' || post.state === 'failed') return;
    const claimed = await db.digestPost.updateMany({
      where: { key, OR: [{ state: 'pending' }, { state: 'sending', claimedAt: { lt: new Date(now.getTime() - config.NUDGE_CLAIM_LEASE_SECONDS * 1000) } }] },
      data: { state: 'sending', claimedAt: now },
    });
    if (claimed.count !== 1) throw new ClaimedElsewhere(`digest ${key} is being posted by another worker`);
    const toPerson = post.chatId.startsWith('ou_');
    const opts = { audience: toPerson ? 'admin' : 'group', showMissing: config.DIGEST_SHOW_MISSING } as const;
    // A combined post (planId null): every plan in force at sending, each plan's digest (and snapshot) as its own.
    const cards = post.planId !== null
      ? digestCards(await weekDigest(deps, post.planId, now), opts)
      : combinedDigestCards(await plansDigests(deps, now), opts);
    if (!cards.length) {
      await db.digestPost.update({ where: { key }, data: { state: 'failed', error: '没有进行中的计划' } });
      return;
    }
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
