/** The tenant's people and chats, as the platform knows them. */
import { createDepartments } from './departments.js';
import { ids } from './ids.js';
import type { ChatInput, SandboxChat, SandboxUser, UserInput } from './types.js';

export type Directory = ReturnType<typeof createDirectory>;

/** Feishu matches a Chinese mobile with or without +86; compare digits only. */
export function normalizeMobile(m: string): string {
  const digits = m.replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

export function createDirectory(appId: string) {
  const users = new Map<string, SandboxUser>();
  const chats = new Map<string, SandboxChat>();
  const botOpenId = ids.botOpenId(appId);
  const departments = createDepartments(() => [...users.values()], (openId) => users.get(openId));

  function addUser(input: UserInput): SandboxUser {
    if (!input.openId.startsWith('ou_')) throw new Error(`addUser: openId must start with ou_ (got ${input.openId})`);
    const user: SandboxUser = {
      openId: input.openId,
      name: input.name,
      userId: input.userId ?? ids.userId(input.openId),
      unionId: input.unionId ?? ids.unionId(input.openId),
      email: input.email ?? null,
      mobile: input.mobile ?? null,
      outsideScope: input.outsideScope ?? false,
      resigned: input.resigned ?? false,
      p2pChatId: ids.p2pChat(appId, input.openId),
    };
    users.set(user.openId, user);
    chats.set(user.p2pChatId, {
      chatId: user.p2pChatId,
      name: '',
      chatType: 'p2p',
      members: [user.openId],
      botIsMember: true,
      allowAtAll: false,
      external: false,
      ownerId: null,
    });
    return { ...user };
  }

  function addChat(input: ChatInput): SandboxChat {
    if (!input.chatId.startsWith('oc_')) throw new Error(`addChat: chatId must start with oc_ (got ${input.chatId})`);
    for (const m of input.members) {
      if (!users.has(m)) throw new Error(`addChat: member ${m} is unknown; addUser first`);
    }
    const chat: SandboxChat = {
      chatId: input.chatId,
      name: input.name,
      chatType: 'group',
      members: [...input.members],
      botIsMember: input.botIsMember ?? true,
      allowAtAll: input.allowAtAll ?? false,
      external: input.external ?? false,
      ownerId: input.members[0] ?? null,
    };
    chats.set(chat.chatId, chat);
    return { ...chat, members: [...chat.members] };
  }

  /** Look a user up the way receive_id_type / user_id_type names them. */
  function findUser(type: string, id: string): SandboxUser | undefined {
    if (type === 'open_id') return users.get(id);
    for (const u of users.values()) {
      if (type === 'open_id' && u.openId === id) return u;
      if (type === 'union_id' && u.unionId === id) return u;
      if (type === 'user_id' && u.userId === id) return u;
      if (type === 'email' && u.email !== null && u.email.toLowerCase() === id.toLowerCase()) return u;
    }
    return undefined;
  }

  function findByMobile(mobile: string): SandboxUser | undefined {
    const want = normalizeMobile(mobile);
    for (const u of users.values()) if (u.mobile !== null && normalizeMobile(u.mobile) === want) return u;
    return undefined;
  }

  function userIdOf(u: SandboxUser, type: string): string {
    if (type === 'union_id') return u.unionId;
    if (type === 'user_id') return u.userId;
    return u.openId;
  }

  return {
    botOpenId,
    /** The org chart: departments, their heads and members (contact v3). */
    departments,
    addUser,
    addChat,
    findUser,
    findByMobile,
    userIdOf,
    user: (openId: string) => users.get(openId),
    chat: (chatId: string) => chats.get(chatId),
    groups: () => [...chats.values()].filter((c) => c.chatType === 'group'),
    users: () => [...users.values()],
    p2pChatOf(openId: string): string {
      const u = users.get(openId);
      if (!u) throw new Error(`p2pChatOf: unknown user ${openId}; addUser first`);
      return u.p2pChatId;
    },
    /** The user a p2p chat belongs to (null for groups). */
    p2pPeer(chatId: string): SandboxUser | null {
      const c = chats.get(chatId);
      return c && c.chatType === 'p2p' ? (users.get(c.members[0] ?? '') ?? null) : null;
    },
  };
}
