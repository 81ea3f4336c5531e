/**
 * Buzzes (加急) the platform accepted, per person, and what they cost.
 * - Feishu counts a person's unread urgent messages, from anyone, and refuses a buzz that would pass 200
 *   (230023). Here a message counts once however often it was buzzed to the person (UNCONFIRMED), and
 *   unread urgent messages from elsewhere are added with addUnread().
 * - A buzz is read when the person reads the message in its chat: Feishu says dismissing the alert does
 *   not count. The fake takes any message or click of the person in that chat as reading it.
 * - SMS and phone buzzes spend the tenant's quota (230024 once used up); one unit per person (UNCONFIRMED);
 *   unlimited unless setQuota() says otherwise. App buzzes are free.
 */
import type { MessageStore } from './message-store.js';
import type { Buzz, BuzzFilter, BuzzVia, SandboxNotice } from './types.js';

/** Most unread urgent messages a person may have (https://open.feishu.cn/document/server-docs/im-v1/buzz-messages/urgent_app). */
export const MAX_UNREAD_URGENT = 200;

export type BuzzStore = ReturnType<typeof createBuzzStore>;

export function createBuzzStore(now: () => number, notify: (n: SandboxNotice) => void, messages: MessageStore) {
  const list: Buzz[] = [];
  const quota: Record<'sms' | 'phone', number> = { sms: Infinity, phone: Infinity };

  const matches = (b: Buzz, f: BuzzFilter = {}) =>
    (f.messageId === undefined || b.messageId === f.messageId) &&
    (f.openId === undefined || b.openId === f.openId) &&
    (f.via === undefined || b.via === f.via) &&
    (f.unread === undefined || (b.readAt === null) === f.unread);

  function tell(messageId: string): void {
    const m = messages.get(messageId);
    if (m) notify({ kind: 'message_urgent', message: structuredClone(m), buzzes: list.filter((b) => b.messageId === messageId).map((b) => ({ ...b })) });
  }

  return {
    /** Unread urgent messages of a person (a message buzzed twice counts once). */
    unread(openId: string): number {
      const mine = list.filter((b) => b.openId === openId && b.readAt === null);
      return new Set(mine.map((b, i) => b.messageId ?? `elsewhere:${i}`)).size;
    },
    /** Whether the person already has this message unread as urgent (a repeat adds nothing to the count). */
    hasUnread: (openId: string, messageId: string) => list.some((b) => b.openId === openId && b.messageId === messageId && b.readAt === null),
    /** Quota left for SMS or phone buzzes. */
    quotaLeft: (via: BuzzVia) => (via === 'app' ? Infinity : quota[via]),
    setQuota(q: { sms?: number; phone?: number }): void {
      if (q.sms !== undefined) quota.sms = q.sms;
      if (q.phone !== undefined) quota.phone = q.phone;
    },
    record(messageId: string, chatId: string, openIds: string[], via: BuzzVia): void {
      const at = now();
      for (const openId of openIds) list.push({ messageId, chatId, openId, via, at, readAt: null });
      if (via !== 'app') quota[via] -= openIds.length;
      tell(messageId);
    },
    addUnread(openId: string, count: number): void {
      const at = now();
      for (let i = 0; i < count; i++) list.push({ messageId: null, chatId: null, openId, via: 'app', at, readAt: null });
    },
    /** The person read the chat (or, without chatId, everything): their buzzes there are read. */
    read(openId: string, chatId?: string): void {
      const at = now();
      const touched = new Set<string>();
      for (const b of list) {
        if (b.openId !== openId || b.readAt !== null || (chatId !== undefined && b.chatId !== chatId)) continue;
        b.readAt = at;
        if (b.messageId) touched.add(b.messageId);
      }
      touched.forEach(tell);
    },
    list: (f?: BuzzFilter): Buzz[] => list.filter((b) => matches(b, f)).map((b) => ({ ...b })),
  };
}
