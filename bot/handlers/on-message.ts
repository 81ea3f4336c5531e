/**
 * A message event: in p2p every message is for the bot; in a group only one
 * that @-mentions it (Feishu may deliver others with extra scopes). Commands
 * go to their handler; an image, file or video, or a message of nothing but
 * links and pictures, to the attachment handler (evidence, or a plan for
 * /import); other text to the free-text reader (which keeps a report's links
 * and pictures as its evidence).
 */
import { evidenceOf, hasEvidence } from '../domain/evidence/parts.js';
import { commandOf, readMessage, textOf } from '../domain/message-text.js';
import type { Deps } from '../deps.js';
import type { MessageEvent } from '../feishu/envelope.js';
import { botText, cut } from '../feishu/safe-text.js';
import type { Handlers, MessageContext } from './types.js';

const ATTACHMENTS = new Set(['file', 'image', 'media']);

export async function onMessage(deps: Deps, handlers: Handlers, eventId: string, event: MessageEvent, botOpenId: string | null): Promise<void> {
  const { message, sender } = event;
  const senderOpenId = sender.sender_id.open_id;
  if (!senderOpenId || sender.sender_type === 'app') return;
  const mentions = (message.mentions ?? []).map((m) => ({ key: m.key, openId: m.id.open_id ?? null, name: m.name ?? '' }));
  const rawText = textOf(message.message_type, message.content, mentions) ?? '';
  const read = readMessage(rawText, mentions, botOpenId);
  if (message.chat_type !== 'p2p' && !read.mentionsBot) return;
  const ctx: MessageContext = {
    eventId,
    messageId: message.message_id,
    chatId: message.chat_id,
    chatType: message.chat_type,
    senderOpenId,
    rootId: message.root_id || null,
    parentId: message.parent_id || null,
    text: read.text,
    people: read.people,
    messageType: message.message_type,
    content: message.content,
    evidence: evidenceOf(message.message_type, message.content),
  };
  if (ATTACHMENTS.has(message.message_type)) {
    if (handlers.onAttachment) await handlers.onAttachment(deps, ctx);
    return;
  }
  const command = commandOf(read.text);
  if (command) {
    const handler = handlers.commands.get(command.name);
    if (handler) return handler(deps, { ...ctx, command: command.name, args: command.args });
    await deps.messenger.reply(
      ctx.messageId,
      { text: botText`未知命令「/${cut(command.name, 20)}」。发送 /help 查看可用命令。` },
      `reply:${ctx.messageId}:unknown`,
    );
    return;
  }
  if (hasEvidence(ctx.evidence) && !ctx.evidence.words) {
    if (handlers.onAttachment) await handlers.onAttachment(deps, ctx);
    return;
  }
  if (handlers.onText) await handlers.onText(deps, ctx);
}
