/** v2 event envelopes and event bodies exactly as Feishu sends them (contract §3). */
import type { Directory } from './directory.js';
import { ids } from './ids.js';
import type { SandboxUser, StoredMessage } from './types.js';

export interface AppIdentity {
  appId: string;
  tenantKey: string;
  verificationToken: string;
}

export interface Envelope {
  schema: '2.0';
  header: {
    event_id: string;
    event_type: string;
    create_time: string;
    token: string;
    app_id: string;
    tenant_key: string;
  };
  event: unknown;
}

/** create_time: ms for im events; µs for card callbacks (as in the contract's examples). */
export function envelope(app: AppIdentity, eventType: string, eventId: string, nowMs: number, event: unknown): Envelope {
  const create_time = eventType === 'card.action.trigger' ? `${nowMs * 1000}` : `${nowMs}`;
  return {
    schema: '2.0',
    header: { event_id: eventId, event_type: eventType, create_time, token: app.verificationToken, app_id: app.appId, tenant_key: app.tenantKey },
    event,
  };
}

export function userIds(u: SandboxUser) {
  return { union_id: u.unionId, user_id: u.userId, open_id: u.openId };
}

/**
 * event of im.message.receive_v1 for a user's message. root_id/parent_id/thread_id are omitted when
 * empty; mentions too, or sent as null (`emptyMentions`).
 */
export function messageReceiveEvent(app: AppIdentity, directory: Directory, m: StoredMessage, sender: SandboxUser, emptyMentions: 'omit' | 'null' = 'omit') {
  const mentions = m.mentions.map((x) => {
    const u = directory.user(x.openId);
    const id = u ? userIds(u) : { union_id: ids.unionId(x.openId), user_id: '', open_id: x.openId };
    return { key: x.key, id, name: x.name, tenant_key: app.tenantKey };
  });
  return {
    sender: { sender_id: userIds(sender), sender_type: 'user', tenant_key: app.tenantKey },
    message: {
      message_id: m.messageId,
      ...(m.rootId ? { root_id: m.rootId } : {}),
      ...(m.parentId ? { parent_id: m.parentId } : {}),
      create_time: `${m.createTime}`,
      update_time: `${m.updateTime}`,
      chat_id: m.chatId,
      ...(m.threadId ? { thread_id: m.threadId } : {}),
      chat_type: m.chatType,
      message_type: m.msgType,
      content: m.rawContent,
      ...(mentions.length > 0 ? { mentions } : emptyMentions === 'null' ? { mentions: null } : {}),
      user_agent: 'Mozilla/5.0 (Macintosh) Lark/7.30.0 (fake-feishu)',
    },
  };
}

export interface CardActionInput {
  operator: SandboxUser;
  token: string;
  messageId: string;
  chatId: string;
  tag: string;
  value: unknown;
  name?: string;
  formValue?: Record<string, unknown>;
  inputValue?: string;
  option?: string;
}

/**
 * event of card.action.trigger (new card callback, schema 2.0). The card and chat ids go in
 * `context` as documented, or at the event root (`ids: 'root'`).
 */
export function cardActionEvent(app: AppIdentity, a: CardActionInput, ids: 'context' | 'root' = 'context') {
  const where = { open_message_id: a.messageId, open_chat_id: a.chatId };
  return {
    operator: { tenant_key: app.tenantKey, ...userIds(a.operator) },
    token: a.token,
    action: {
      ...(a.value !== undefined ? { value: a.value } : {}),
      tag: a.tag,
      ...(a.name !== undefined ? { name: a.name } : {}),
      ...(a.formValue !== undefined ? { form_value: a.formValue } : {}),
      ...(a.inputValue !== undefined ? { input_value: a.inputValue } : {}),
      ...(a.option !== undefined ? { option: a.option } : {}),
      timezone: 'Asia/Shanghai',
    },
    host: 'im_message',
    ...(ids === 'root' ? where : { context: where }),
  };
}
