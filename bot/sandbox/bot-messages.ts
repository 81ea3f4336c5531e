/**
 * The bot's send and reply, shared by the HTTP routes: resolve the receiver, apply limits,
 * the uuid rule and the content checks, store the message, and shape the answer.
 */
import { checkContent } from './content-check.js';
import type { SandboxContext } from './context.js';
import { ID_PREFIX, ids } from './ids.js';
import { bad, invalidParam } from './platform-error.js';
import type { SandboxChat, StoredMessage } from './types.js';

const RECEIVE_ID_TYPES = new Set(['open_id', 'union_id', 'user_id', 'email', 'chat_id']);
const notAvailable = () => bad(230013, 'Bot has NO availability to this user.');
const botNotInChat = () => bad(230002, 'The bot can not be outside the group.');

/** The chat a send lands in; unknown or unreachable receivers fail as Feishu answers. */
export function resolveReceiver(ctx: SandboxContext, type: unknown, id: unknown): SandboxChat {
  if (typeof type !== 'string' || !RECEIVE_ID_TYPES.has(type)) throw invalidParam(`invalid receive_id_type ${String(type)}`);
  if (typeof id !== 'string' || id === '') throw invalidParam('receive_id is required');
  const prefix = ID_PREFIX[type];
  const malformed = (prefix && !id.startsWith(prefix)) || (type === 'email' && !id.includes('@'));
  if (malformed) throw bad(230034, `The receive_id is invalid for receive_id_type ${type}: ${id}`);
  if (type === 'chat_id') {
    const chat = ctx.directory.chat(id);
    if (!chat || !chat.botIsMember) throw botNotInChat();
    return chat;
  }
  const user = ctx.directory.findUser(type, id);
  if (!user || user.outsideScope || user.resigned) throw notAvailable();
  const chat = ctx.directory.chat(user.p2pChatId);
  if (!chat) throw notAvailable();
  return chat;
}

/** A reply goes to the chat of the message it answers. */
export function replyChat(ctx: SandboxContext, parent: StoredMessage): SandboxChat {
  const chat = ctx.directory.chat(parent.chatId);
  if (!chat || !chat.botIsMember) throw botNotInChat();
  const peer = ctx.directory.p2pPeer(chat.chatId);
  if (peer && (peer.outsideScope || peer.resigned)) throw notAvailable();
  return chat;
}

export interface BotSend {
  chat: SandboxChat;
  msgType: unknown;
  content: unknown;
  uuid: unknown;
  parent?: StoredMessage;
  replyInThread?: boolean;
  /** Bytes of the request body, for the size limit. */
  bodyBytes?: number;
}

/** Feishu's thread rules: reply to m1 → root=parent=m1; reply to a reply keeps the root; in a topic all replies point at the root. */
export function threading(ctx: SandboxContext, parent: StoredMessage | undefined, inThread: boolean) {
  if (!parent) return { rootId: null, parentId: null, threadId: null };
  const rootId = parent.rootId ?? parent.messageId;
  let threadId = parent.threadId;
  if (!threadId && inThread) {
    threadId = ids.thread();
    const root = ctx.messages.get(rootId);
    if (root) root.threadId = threadId;
  }
  return { rootId, parentId: threadId ? rootId : parent.messageId, threadId };
}

/** Returns the stored (or, for a repeated uuid, the original) message. */
export function sendAsBot(ctx: SandboxContext, s: BotSend, limitKey: string): StoredMessage {
  ctx.limits.take(limitKey);
  if (s.uuid !== undefined && s.uuid !== null && s.uuid !== '') {
    if (typeof s.uuid !== 'string' || s.uuid.length > 50) throw invalidParam('uuid must be a string of at most 50 characters');
    const seen = ctx.messages.recentByUuid(s.uuid);
    if (seen && stillSending(ctx, seen)) throw bad(230049, 'The message is being sent, please do not repeat the request.');
    if (seen && ctx.settings.duplicateUuid === 'error') throw bad(230049, 'The message is being sent, please do not repeat the request.');
    if (seen) return seen;
  }
  const refused = ctx.faults.takeRefusal(s.msgType);
  if (refused) throw refused;
  const checked = checkContent({ msgType: s.msgType, content: s.content, chat: s.chat, directory: ctx.directory, files: ctx.files, bodyBytes: s.bodyBytes, cards: ctx.settings.cards });
  return ctx.messages.add({
    messageId: ids.message(),
    chatId: s.chat.chatId,
    chatType: s.chat.chatType,
    sender: 'bot',
    msgType: s.msgType as string,
    content: checked.content,
    rawContent: s.content as string,
    uuid: typeof s.uuid === 'string' && s.uuid !== '' ? s.uuid : null,
    ...threading(ctx, s.parent, s.replyInThread === true),
    createTime: ctx.now(),
    mentions: checked.mentions,
  });
}

/**
 * sendInFlightMs: a send is in flight until its answer is written and until sendInFlightMs after
 * its request. Feishu's send error table lists 230049 "the message is being sent":
 * https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
function stillSending(ctx: SandboxContext, m: StoredMessage): boolean {
  const window = ctx.settings.sendInFlightMs;
  if (window === null || m.uuid === null) return false;
  return ctx.sendingUuids.has(m.uuid) || ctx.now() - m.createTime < window;
}

/** The `data` of a send/reply answer. */
export function messageData(ctx: SandboxContext, m: StoredMessage) {
  return {
    message_id: m.messageId,
    ...(m.rootId ? { root_id: m.rootId } : {}),
    ...(m.parentId ? { parent_id: m.parentId } : {}),
    ...(m.threadId ? { thread_id: m.threadId } : {}),
    msg_type: m.msgType,
    create_time: `${m.createTime}`,
    update_time: `${m.updateTime}`,
    deleted: false,
    updated: m.updated,
    chat_id: m.chatId,
    sender: { id: ctx.app.appId, id_type: 'app_id', sender_type: 'app', tenant_key: ctx.app.tenantKey },
    body: { content: m.rawContent },
    mentions: m.mentions.map((x) => ({ key: x.key, id: x.openId, id_type: 'open_id', name: x.name, tenant_key: ctx.app.tenantKey })),
  };
}
