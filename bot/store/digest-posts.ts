/** What a digest round reads and records: the plans in force, the digest chats and their choices, the posts (once per key). */
import type { DigestChatChoice, PlannedPost } from '../domain/digest/recipients.js';
import type { Db } from './db.js';

export async function plansInForce(db: Db): Promise<number[]> {
  return (await db.plan.findMany({ where: { archivedAt: null }, select: { id: true }, orderBy: { id: 'asc' } })).map((p) => p.id);
}

export async function digestChats(db: Db): Promise<DigestChatChoice[]> {
  const chats = await db.chat.findMany({ where: { digest: true }, orderBy: { id: 'asc' }, select: { chatId: true, digestPlanId: true, digestCombined: true } });
  return chats.map((c) => ({ chatId: c.chatId, planId: c.digestPlanId, combined: c.digestCombined }));
}

/** Records each post once (a key seen before keeps its row and state); the keys, in order. */
export async function recordPosts(db: Db, posts: readonly PlannedPost[], week: string, now: Date): Promise<string[]> {
  for (const p of posts) {
    try {
      await db.digestPost.create({ data: { key: p.key, planId: p.planId, chatId: p.chatId, week, createdAt: now } });
    } catch (e) {
      if ((e as { code?: string }).code !== 'P2002') throw e;
    }
  }
  return posts.map((p) => p.key);
}
