/** Every message the platform accepted (bot's and users'), in order, with its update history. */
import type { MessageFilter, MessageVersion, SandboxNotice, StoredMessage } from './types.js';

export const UUID_WINDOW_MS = 60 * 60 * 1000;

export type MessageStore = ReturnType<typeof createMessageStore>;

/**
 * `listening`: whether anyone takes notices now; without listeners no copy is made for them.
 * `add` takes the content as the store's own object (parsed or built for this message, kept by no one else: every
 * caller's is) and never changes it in place, so its first version in the history shares it; what leaves the store
 * (notices, `one`, `list`) is a copy. An update's content may be held by the caller too (a callback's answer), so
 * its version is a copy.
 */
export function createMessageStore(now: () => number, notify: (n: SandboxNotice) => void, listening: () => boolean = () => true) {
  const list: StoredMessage[] = [];
  const byId = new Map<string, StoredMessage>();
  const byUuid = new Map<string, StoredMessage>();

  function snapshot(m: StoredMessage): StoredMessage {
    return structuredClone(m);
  }

  function matches(m: StoredMessage, filter: Exclude<MessageFilter, (m: StoredMessage) => boolean>): boolean {
    return (
      (filter.chatId === undefined || m.chatId === filter.chatId) &&
      (filter.sender === undefined || m.sender === filter.sender) &&
      (filter.msgType === undefined || m.msgType === filter.msgType) &&
      (filter.uuid === undefined || m.uuid === filter.uuid)
    );
  }

  return {
    add(m: Omit<StoredMessage, 'history' | 'updated' | 'updateTime'>): StoredMessage {
      const stored: StoredMessage = {
        ...m,
        updateTime: m.createTime,
        updated: false,
        history: [{ at: m.createTime, via: 'create', content: m.content }],
      };
      list.push(stored);
      byId.set(stored.messageId, stored);
      if (stored.uuid) byUuid.set(stored.uuid, stored);
      if (listening()) notify({ kind: 'message', message: snapshot(stored) });
      return stored;
    },

    /** The live record (internal use). */
    get: (messageId: string) => byId.get(messageId),

    /** A message sent with this uuid within the last hour. */
    recentByUuid(uuid: string): StoredMessage | undefined {
      const m = byUuid.get(uuid);
      return m && now() - m.createTime < UUID_WINDOW_MS ? m : undefined;
    },

    update(messageId: string, content: unknown, rawContent: string, via: MessageVersion['via']): void {
      const m = byId.get(messageId);
      if (!m) throw new Error(`unknown message ${messageId}`);
      m.content = content;
      m.rawContent = rawContent;
      m.updateTime = now();
      m.updated = true;
      m.history.push({ at: m.updateTime, via, content: structuredClone(content) });
      if (listening()) notify({ kind: 'message_updated', message: snapshot(m) });
    },

    /** A copy of the message with this id (a lookup: a test asks for messages by id thousands of times a plan year). */
    one(messageId: string): StoredMessage | undefined {
      const m = byId.get(messageId);
      return m && snapshot(m);
    },

    /** Copies of the messages the filter keeps; a function filter sees a copy too, made once. */
    list(filter?: MessageFilter): StoredMessage[] {
      if (typeof filter === 'function') return list.map(snapshot).filter(filter);
      return (filter ? list.filter((m) => matches(m, filter)) : list).map(snapshot);
    },
  };
}
