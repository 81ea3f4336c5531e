/**
 * A stored message → what the console page shows: sender, simulated time (Asia/Shanghai), the
 * body as HTML (text with @names, rich-text posts, cards, files), and the message it replies to.
 */
import type { Buzz, StoredMessage } from '../types.js';
import { esc } from './html.js';
import { renderCard } from './render-card.js';
import type { RenderContext } from './render-markdown.js';

export interface MessageView {
  messageId: string;
  chatId: string;
  /** 'bot' or an open_id. */
  sender: string;
  senderName: string;
  msgType: string;
  /** e.g. '3月21日 周一 09:30', in Asia/Shanghai. */
  time: string;
  createTime: number;
  updated: boolean;
  html: string;
  /** Short text of the message, for reply quotes. */
  snippet: string;
  replyTo: { messageId: string; senderName: string; snippet: string } | null;
  /** Buzzed (加急): who, how, whether read — e.g. 「张敏（应用内、短信）未读」; null when never buzzed. */
  urgent: { people: string[]; unread: boolean } | null;
}

export interface MessageContext extends RenderContext {
  botName: string;
  /** The message a reply refers to. */
  lookup(messageId: string): StoredMessage | undefined;
  /** The buzzes (加急) of a message. */
  buzzes?(messageId: string): Buzz[];
}

const VIA_WORDS = { app: '应用内', sms: '短信', phone: '电话' } as const;

/** 「张敏（应用内、短信）未读」 per person buzzed about the message. */
function urgentView(buzzes: Buzz[], ctx: MessageContext): MessageView['urgent'] {
  if (buzzes.length === 0) return null;
  const people = [...new Set(buzzes.map((b) => b.openId))].map((openId) => {
    const mine = buzzes.filter((b) => b.openId === openId);
    const via = [...new Set(mine.map((b) => VIA_WORDS[b.via]))].join('、');
    return `${ctx.nameOf(openId) ?? openId}（${via}）${mine.some((b) => b.readAt === null) ? '未读' : '已读'}`;
  });
  return { people, unread: buzzes.some((b) => b.readAt === null) };
}

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false });

/** '3月21日 周一 09:30' */
export function formatTime(ms: number): string {
  const p = Object.fromEntries(TIME.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.month}月${p.day}日 ${p.weekday} ${p.hour}:${p.minute}`;
}

/** Text message: escaped, line breaks kept, @_user_N keys and <at user_id=…> tags shown as @name. */
function textHtml(m: StoredMessage, ctx: RenderContext): string {
  const raw = String((m.content as { text?: unknown })?.text ?? '');
  const keys = new Map(m.mentions.map((x) => [x.key, x]));
  const pieces = raw.split(/(@_user_\d+|<at\s+(?:user_id|id|open_id)=["']?[^"'>\s]+["']?\s*>[^<]*<\/at>)/);
  return pieces
    .map((p, i) => {
      if (i % 2 === 0) return esc(p).replace(/\n/g, '<br>');
      const key = keys.get(p);
      if (key) return `<span class="at">@${esc(ctx.nameOf(key.openId) ?? key.name)}</span>`;
      const at = /=["']?([^"'>\s]+)["']?\s*>([^<]*)</.exec(p);
      const id = at?.[1] ?? '';
      return `<span class="at">@${esc(id === 'all' ? '所有人' : (ctx.nameOf(id) ?? at?.[2] ?? id))}</span>`;
    })
    .join('');
}

/** Rich text (post): {title, content: [[{tag,text|href|user_id}]]}, with or without a locale key. */
function postHtml(content: any, ctx: RenderContext): string {
  const body = content?.content ? content : (content?.zh_cn ?? content?.en_us ?? Object.values(content ?? {})[0] ?? {});
  const line = (seg: any): string => {
    if (seg?.tag === 'a') return `<a href="#" class="link">${esc(seg.text ?? seg.href)}</a>`;
    if (seg?.tag === 'at') return `<span class="at">@${esc(seg.user_id === 'all' ? '所有人' : (ctx.nameOf(seg.user_id) ?? seg.user_name ?? seg.user_id))}</span>`;
    if (seg?.tag === 'img') return '🖼';
    if (seg?.tag === 'md') return esc(seg.text);
    return esc(seg?.text ?? '');
  };
  const rows = Array.isArray(body.content) ? (body.content as any[][]).map((r) => (Array.isArray(r) ? r.map(line).join('') : '')).join('<br>') : '';
  return `${body.title ? `<div class="post-title">${esc(body.title)}</div>` : ''}${rows}`;
}

function bodyHtml(m: StoredMessage, ctx: RenderContext): string {
  const c = m.content as any;
  switch (m.msgType) {
    case 'text':
      return `<div class="text">${textHtml(m, ctx)}</div>`;
    case 'post':
      return `<div class="text">${postHtml(c, ctx)}</div>`;
    case 'interactive':
      return renderCard(c, ctx);
    case 'file':
      return `<div class="file">📎 ${esc(c?.file_name ?? c?.file_key ?? '文件')}</div>`;
    case 'image':
      return `<div class="file">🖼 图片</div>`;
    case 'media':
      return `<div class="file">🎬 ${esc(c?.file_name ?? '视频')}</div>`;
    default:
      return `<div class="text muted">[${esc(m.msgType)} 消息]</div>`;
  }
}

/** A one-line summary: a card's title, a text's first words. */
export function snippetOf(m: StoredMessage, ctx: MessageContext): string {
  const c = m.content as any;
  let s: string;
  if (m.msgType === 'text') s = String(c?.text ?? '').replace(/@_user_\d+/g, (k) => `@${m.mentions.find((x) => x.key === k)?.name ?? ''}`);
  else if (m.msgType === 'interactive') s = `[卡片] ${c?.header?.title?.content ?? ''}`;
  else if (m.msgType === 'file') s = `[文件] ${c?.file_name ?? ''}`;
  else if (m.msgType === 'image') s = '[图片]';
  else if (m.msgType === 'media') s = `[视频] ${c?.file_name ?? ''}`;
  else s = `[${m.msgType}]`;
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : chars.join('');
}

const senderName = (sender: string, ctx: MessageContext) => (sender === 'bot' ? ctx.botName : (ctx.nameOf(sender) ?? sender));

export function viewMessage(m: StoredMessage, ctx: MessageContext): MessageView {
  const parent = m.parentId ? ctx.lookup(m.parentId) : undefined;
  return {
    messageId: m.messageId,
    chatId: m.chatId,
    sender: m.sender,
    senderName: senderName(m.sender, ctx),
    msgType: m.msgType,
    time: formatTime(m.createTime),
    createTime: m.createTime,
    updated: m.updated,
    html: bodyHtml(m, ctx),
    snippet: snippetOf(m, ctx),
    replyTo: parent ? { messageId: parent.messageId, senderName: senderName(parent.sender, ctx), snippet: snippetOf(parent, ctx) } : null,
    urgent: urgentView(ctx.buzzes?.(m.messageId) ?? [], ctx),
  };
}
