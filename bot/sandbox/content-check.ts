/**
 * What send / reply / patch check in `msg_type` + `content` before a message is accepted.
 * @all without permission: Feishu says only that "the send fails"; the code is UNCONFIRMED.
 * Chosen: HTTP 400, code 230035 (no permission to send), for text, post and cards alike; p2p chats never allow it.
 * Where @all is allowed it is recorded as a mention ('@_all'), as are people, read per message type
 * (sent-mentions.ts), so tests can assert that the bot never pings anyone by quoting words.
 * Size: Feishu limits the request body ("请求体", contract §10), in which a card's JSON travels as an
 * escaped string; the routes pass the body's size (card and post ≤ 30 KB, text ≤ 150 KB), and the
 * content alone is checked when no body size is given. Whether "30 KB" is 30,720 or 30,000 bytes is
 * UNCONFIRMED: FakeFeishuOptions.cardBodyLimitBytes (default 30,720). The bot's own budget, under
 * both: bot/feishu/cards/card-size.ts.
 */
import { cardErrorMsg, validateCard2, type CardRules } from './card-validator.js';
import type { Directory } from './directory.js';
import type { FileStore } from './file-store.js';
import { bad, invalidParam } from './platform-error.js';
import { cardAts, cardMarkdown, mentionsOf, postAts, textAts } from './sent-mentions.js';
import type { SandboxChat, StoredMention } from './types.js';

export const MSG_TYPES = new Set([
  'text', 'post', 'image', 'file', 'audio', 'media', 'sticker', 'interactive', 'share_chat', 'share_user', 'system',
]);
export const TEXT_MAX_BYTES = 150 * 1024;
export const CARD_POST_MAX_BYTES = 30 * 1024;
export const AT_ALL_DENIED_CODE = 230035;

export interface CheckedContent {
  content: unknown;
  mentions: StoredMention[];
}

interface CheckArgs {
  msgType: unknown;
  content: unknown;
  chat: SandboxChat;
  directory: Directory;
  files: FileStore;
  /** Bytes of the whole request body (send, reply, patch). */
  bodyBytes?: number;
  /** The platform's settings for cards: the body limit and the card rules (types.ts options). */
  cards?: { bodyLimitBytes?: number; rules?: CardRules };
}

const tooLong = () => bad(230025, 'The message content is too long. text ≤ 150 KB, card and post ≤ 30 KB.');

/** The mentions of a message; @all where the chat does not allow it is refused (230035). */
function allowed(mentions: StoredMention[], chat: SandboxChat): StoredMention[] {
  if (mentions.some((m) => m.openId === 'all') && (chat.chatType === 'p2p' || !chat.allowAtAll)) {
    throw bad(AT_ALL_DENIED_CODE, 'No permission to send: @all is not allowed for the bot in this chat.');
  }
  return mentions;
}

function parseJson(content: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw invalidParam('content is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalidParam('content must be a JSON object');
  return parsed as Record<string, unknown>;
}

function checkPost(post: Record<string, unknown>): void {
  const body = (post.post && typeof post.post === 'object' ? post.post : post) as Record<string, unknown>;
  const locales = Object.values(body);
  if (locales.length === 0) throw invalidParam('post needs at least one locale');
  for (const loc of locales) {
    const rows = (loc as { content?: unknown })?.content;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw invalidParam('post content must be an array of paragraphs');
  }
}

/** Returns the parsed content, or throws the PlatformError Feishu would answer. */
export function checkContent({ msgType, content, chat, directory, files, bodyBytes, cards }: CheckArgs): CheckedContent {
  if (typeof msgType !== 'string' || !MSG_TYPES.has(msgType)) throw invalidParam(`invalid msg_type ${String(msgType)}`);
  if (typeof content !== 'string') throw invalidParam('content must be a JSON-encoded string, not an object');
  const size = Math.max(bodyBytes ?? 0, Buffer.byteLength(content, 'utf8'));
  if (size > (msgType === 'interactive' || msgType === 'post' ? (cards?.bodyLimitBytes ?? CARD_POST_MAX_BYTES) : TEXT_MAX_BYTES)) throw tooLong();

  if (msgType === 'interactive') {
    const r = validateCard2(content, cards?.rules);
    if (!r.ok) throw bad(230099, cardErrorMsg(r.sub, r.detail));
    const ats = cardMarkdown(r.card).flatMap(cardAts).map((id) => ({ id, name: '' }));
    return { content: r.card, mentions: allowed(mentionsOf(ats, directory), chat) };
  }
  const parsed = parseJson(content);
  switch (msgType) {
    case 'text': {
      if (typeof parsed.text !== 'string' || parsed.text === '') throw invalidParam('text content needs a non-empty "text"');
      return { content: parsed, mentions: allowed(mentionsOf(textAts(parsed.text), directory), chat) };
    }
    case 'post':
      checkPost(parsed);
      return { content: parsed, mentions: allowed(mentionsOf(postAts(parsed), directory), chat) };
    case 'file':
      if (typeof parsed.file_key !== 'string' || files.get(parsed.file_key)?.kind !== 'file') throw invalidParam('invalid file_key');
      break;
    case 'image':
      if (typeof parsed.image_key !== 'string' || files.get(parsed.image_key)?.kind !== 'image') throw invalidParam('invalid image_key');
      break;
    case 'system':
      if (chat.chatType !== 'p2p') throw invalidParam('system messages can only be sent to p2p chats');
      break;
  }
  return { content: parsed, mentions: [] };
}
