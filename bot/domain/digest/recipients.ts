/**
 * Which digest posts a round makes (the weekly sweep, /digest send): per chat, as the chat chose
 * (/subscribe): one post per plan in force (the default), one combined post for every plan in force
 * (合并), or one plan's only. The admins' copies go per plan. Archived plans never appear: the caller
 * passes plans in force only. Each post has a stable key, so a round run twice records each once. Pure.
 */

export interface DigestChatChoice {
  chatId: string;
  /** Only this plan (null: as `combined` says). */
  planId: number | null;
  /** One post covering every plan in force. */
  combined: boolean;
}

export interface PlannedPost {
  key: string;
  /** null for a combined post. */
  planId: number | null;
  chatId: string;
}

/** `round` is the week (「2022-W15」) for the sweep, 「cmd-<message id>」 for /digest send. */
export function digestKey(planId: number | null, recipient: string, round: string): string {
  return `${planId ?? 'all'}:${recipient}:${round}`;
}

export function plannedPosts(o: { plansInForce: readonly number[]; chats: readonly DigestChatChoice[]; admins: readonly string[]; round: string }): PlannedPost[] {
  if (!o.plansInForce.length) return [];
  const out: PlannedPost[] = [];
  const post = (planId: number | null, chatId: string) => out.push({ key: digestKey(planId, chatId, o.round), planId, chatId });
  for (const c of o.chats) {
    if (c.planId !== null) {
      if (o.plansInForce.includes(c.planId)) post(c.planId, c.chatId);
    } else if (c.combined) {
      post(null, c.chatId);
    } else {
      for (const p of o.plansInForce) post(p, c.chatId);
    }
  }
  for (const a of o.admins) for (const p of o.plansInForce) post(p, a);
  return out;
}

/** What a chat's choice says, for /subscribe's answers: 「各计划分别发送」「合并为一份」「只发送《…》」. */
export function choiceWords(c: Omit<DigestChatChoice, 'chatId'>, planTitle: (id: number) => string): string {
  if (c.planId !== null) return `只发送「${planTitle(c.planId)}」的周报`;
  return c.combined ? '进行中的各计划合并为一份周报' : '进行中的每份计划各发一份周报';
}
