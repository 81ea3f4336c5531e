/**
 * A user writes in the Feishu client: the message is stored, and im.message.receive_v1 is pushed
 * to the bot when Feishu would push it (p2p always; groups only when the bot is @-mentioned).
 *
 * Mentions: pass open_ids in `mentions` and place them in `text` as `{@0}`, `{@1}`, ... (index into
 * `mentions`). Each placeholder becomes `@_user_N`, N counting placeholders in order of appearance,
 * as Feishu renders @s. Mentions not placed in the text are put in front, in order:
 * `{ text: '/list', mentions: [fake.botOpenId] }` arrives as `@_user_1 /list`.
 * `post` sends the text as rich text instead, as the client does for formatted or pasted text
 * (user-post.ts: paragraphs, @s as `at` nodes, links, bold, images, emoji, code blocks); each
 * `![…]` image is stored with the bytes of `postImages` in turn (default: a tiny PNG).
 * An attachment is a `file`, an `image` or a `media` (video: file_key for the video, image_key
 * for its cover), its bytes downloadable through GET …/resources/:key as Feishu serves them.
 * Before setWebhook (no subscription configured) messages are stored but nothing is pushed.
 */
import { threading } from './bot-messages.js';
import type { SandboxContext } from './context.js';
import { envelope, messageReceiveEvent } from './envelopes.js';
import { ids } from './ids.js';
import type { DeliveryResult, SandboxChat, StoredMention } from './types.js';
import { postContent, type PostOptions } from './user-post.js';

export interface UserSaysInput {
  from: string;
  /** Text of a text message; exactly one of text / attachment. */
  text?: string;
  /** A group chat; default: the sender's p2p chat with the bot (or the chat of replyTo). */
  chatId?: string;
  mentions?: string[];
  /** Quote-reply to this message (root_id / parent_id set as Feishu does). */
  replyTo?: string;
  /** Sends a `file` (default), `image` or `media` (video) message instead of text. */
  attachment?: { fileName: string; bytes: Uint8Array; kind?: 'file' | 'image' | 'media' };
  /** Send `text` as a rich-text `post` message (true, or with a title / locale form). */
  post?: true | PostOptions;
  /** Bytes of the post's `![…]` images, in order (default: a tiny PNG each). */
  postImages?: Uint8Array[];
}

/** The first bytes of a PNG: enough for a reader that looks at the signature. */
const TINY_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

function attachmentContent(ctx: SandboxContext, from: string, a: NonNullable<UserSaysInput['attachment']>): Record<string, unknown> {
  const kind = a.kind ?? 'file';
  const bytes = Buffer.from(a.bytes);
  if (kind === 'image') return { image_key: ctx.files.put({ kind: 'image', fileName: a.fileName, fileType: 'stream', bytes, owner: from }).key };
  const f = ctx.files.put({ kind: 'file', fileName: a.fileName, fileType: kind === 'media' ? 'mp4' : 'stream', bytes, owner: from });
  if (kind === 'file') return { file_key: f.key, file_name: f.fileName };
  const cover = ctx.files.put({ kind: 'image', fileName: 'cover.png', fileType: 'stream', bytes: TINY_PNG, owner: from });
  return { file_key: f.key, image_key: cover.key, file_name: f.fileName, duration: 1000 };
}

export interface UserSaysResult {
  messageId: string;
  /** null when Feishu would not push the message (group message without an @bot, or no webhook set). */
  eventId: string | null;
  delivery: Promise<DeliveryResult | null>;
}

function render(ctx: SandboxContext, text: string, openIds: string[]): { text: string; mentions: StoredMention[] } {
  const placed = new Set([...text.matchAll(/\{@(\d+)\}/g)].map((m) => Number(m[1])));
  const front = openIds.map((_, i) => i).filter((i) => !placed.has(i));
  const full = [...front.map((i) => `{@${i}}`), text].join(' ');
  const mentions: StoredMention[] = [];
  const out = full.replace(/\{@(\d+)\}/g, (_m, d: string) => {
    const openId = openIds[Number(d)];
    if (!openId) throw new Error(`userSays: {@${d}} has no entry in mentions`);
    const isBot = openId === ctx.directory.botOpenId;
    const user = ctx.directory.user(openId);
    if (!isBot && !user) throw new Error(`userSays: mentioned ${openId} is unknown; addUser first`);
    const key = `@_user_${mentions.length + 1}`;
    mentions.push({ key, openId, name: isBot ? ctx.app.appName : (user?.name ?? '') });
    return key;
  });
  return { text: out, mentions };
}

function chatFor(ctx: SandboxContext, input: UserSaysInput, parentChat: string | undefined): SandboxChat {
  const chatId = input.chatId ?? parentChat ?? ctx.directory.p2pChatOf(input.from);
  const chat = ctx.directory.chat(chatId);
  if (!chat) throw new Error(`userSays: unknown chat ${chatId}; addChat first`);
  if (!chat.members.includes(input.from)) throw new Error(`userSays: ${input.from} is not a member of ${chatId}`);
  return chat;
}

export async function userSays(ctx: SandboxContext, input: UserSaysInput): Promise<UserSaysResult> {
  const sender = ctx.directory.user(input.from);
  if (!sender) throw new Error(`userSays: unknown user ${input.from}; addUser first`);
  if ((input.text === undefined) === (input.attachment === undefined)) throw new Error('userSays: give exactly one of text / attachment');
  const parent = input.replyTo ? ctx.messages.get(input.replyTo) : undefined;
  if (input.replyTo && !parent) throw new Error(`userSays: replyTo ${input.replyTo} is not a known message`);
  const chat = chatFor(ctx, input, parent?.chatId);
  if (parent && parent.chatId !== chat.chatId) throw new Error('userSays: replyTo is in another chat');
  ctx.buzzes.read(input.from, chat.chatId); // writing in the chat reads its urgent messages

  let msgType = 'text';
  let content: Record<string, unknown>;
  let mentions: StoredMention[] = [];
  if (input.attachment) {
    msgType = input.attachment.kind ?? 'file';
    content = attachmentContent(ctx, input.from, input.attachment);
  } else {
    const r = render(ctx, input.text ?? '', input.mentions ?? []);
    mentions = r.mentions;
    if (input.post) {
      msgType = 'post';
      const images = [...(input.postImages ?? [])];
      const image = () => ctx.files.put({ kind: 'image', fileName: 'image.png', fileType: 'stream', bytes: Buffer.from(images.shift() ?? TINY_PNG), owner: input.from }).key;
      content = postContent(r.text, mentions, input.post === true ? {} : input.post, image);
    } else content = { text: r.text };
  }
  const m = ctx.messages.add({
    messageId: ids.message(),
    chatId: chat.chatId,
    chatType: chat.chatType,
    sender: input.from,
    msgType,
    content,
    rawContent: JSON.stringify(content),
    uuid: null,
    ...threading(ctx, parent, false),
    createTime: ctx.now(),
    mentions,
  });

  const atBot = mentions.some((x) => x.openId === ctx.directory.botOpenId);
  const subscribed = ctx.webhook.eventsUrl !== null;
  const pushed = subscribed && chat.botIsMember && (chat.chatType === 'p2p' || atBot);
  if (!pushed) return { messageId: m.messageId, eventId: null, delivery: Promise.resolve(null) };
  const eventId = ids.event();
  const env = envelope(ctx.app, 'im.message.receive_v1', eventId, ctx.now(), messageReceiveEvent(ctx.app, ctx.directory, m, sender, ctx.settings.emptyMentions));
  const delivery = ctx.delivery.deliver(() => ctx.webhook.eventsUrl, env);
  return { messageId: m.messageId, eventId, delivery };
}
