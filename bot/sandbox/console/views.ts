/** What the console shows of the fake's directory and messages: chats with labels, message views. */
import type { FakeFeishu } from '../index.js';
import type { StoredMessage } from '../types.js';
import type { ConsolePerson } from './index.js';
import { viewMessage, type MessageContext, type MessageView } from './render-message.js';

export interface ChatView {
  chatId: string;
  type: 'p2p' | 'group';
  /** The person's name for a p2p chat, the group's name otherwise. */
  name: string;
  /** The person's role for a p2p chat. */
  role: string;
  /** The p2p chat's person (who speaks by default). */
  ownerId: string | null;
  members: { openId: string; name: string; role: string }[];
  messageCount: number;
}

export interface Views {
  botName: string;
  botOpenId: string;
  chats(): ChatView[];
  messages(chatId: string): MessageView[];
  view(m: StoredMessage): MessageView;
}

export function createViews(fake: FakeFeishu, people: ConsolePerson[]): Views {
  const botName = fake.appName;
  const person = (openId: string) => people.find((p) => p.openId === openId);
  const ctx: MessageContext = {
    botName,
    nameOf: (openId) => (openId === fake.botOpenId ? botName : (person(openId)?.name ?? fake.users().find((u) => u.openId === openId)?.name)),
    lookup: (id) => fake.message(id),
    buzzes: (id) => fake.buzzes({ messageId: id }),
  };
  const order = (c: ChatView) => {
    if (c.type === 'group') return -1;
    const i = people.findIndex((p) => p.openId === c.ownerId);
    return i < 0 ? people.length : i;
  };
  return {
    botName,
    botOpenId: fake.botOpenId,
    chats() {
      const counts = new Map<string, number>();
      for (const m of fake.messages()) counts.set(m.chatId, (counts.get(m.chatId) ?? 0) + 1);
      const member = (openId: string) => ({ openId, name: ctx.nameOf(openId) ?? openId, role: person(openId)?.role ?? '' });
      const list: ChatView[] = fake.chats().map((c) => {
        const owner = c.chatType === 'p2p' ? (c.members[0] ?? null) : null;
        return {
          chatId: c.chatId,
          type: c.chatType,
          name: owner ? member(owner).name : c.name,
          role: owner ? member(owner).role : '',
          ownerId: owner,
          members: c.members.map(member),
          messageCount: counts.get(c.chatId) ?? 0,
        };
      });
      return list.map((c, i) => ({ c, i })).sort((a, b) => order(a.c) - order(b.c) || a.i - b.i).map((x) => x.c);
    },
    messages: (chatId) => fake.messagesIn(chatId).map((m) => viewMessage(m, ctx)),
    view: (m) => viewMessage(m, ctx),
  };
}
