/**
 * Reading a chat message: its text with @-mentions resolved, whether the
 * bot was mentioned, and the slash-command it carries. Pure.
 */
import { postText } from './post-text.js';

export interface Mention {
  key: string;
  openId: string | null;
  name: string;
}

export interface ReadMessage {
  /** The text with the bot's mention removed and other mentions as 「@Name」. */
  text: string;
  mentionsBot: boolean;
  /** People mentioned other than the bot, in order. */
  people: Mention[];
  mentionsAll: boolean;
}

/**
 * Text content of a message, or null for types that carry none. `mentions` resolve a rich-text
 * `at` node that names an open_id instead of a mention key (post-text.ts).
 */
export function textOf(messageType: string, content: string, mentions: Pick<Mention, 'key' | 'openId'>[] = []): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return null;
  }
  if (messageType === 'text') return typeof (parsed as { text?: unknown })?.text === 'string' ? (parsed as { text: string }).text : null;
  if (messageType === 'post') return postText(parsed, mentions);
  return null;
}

export function readMessage(text: string, mentions: Mention[], botOpenId: string | null): ReadMessage {
  let out = text;
  let mentionsBot = false;
  let mentionsAll = false;
  const people: Mention[] = [];
  // Longest key first: @_user_1 is a prefix of @_user_10.
  for (const m of [...mentions].sort((a, b) => b.key.length - a.key.length)) {
    const isBot = botOpenId !== null && m.openId === botOpenId;
    if (m.key === '@_all') mentionsAll = true;
    if (isBot) mentionsBot = true;
    out = out.split(m.key).join(isBot ? '' : `@${m.name}`);
  }
  for (const m of mentions) if (!(botOpenId !== null && m.openId === botOpenId) && m.key !== '@_all') people.push(m);
  return { text: out.replace(/\s+/g, ' ').trim(), mentionsBot, people, mentionsAll };
}

export interface Command {
  /** Lower-case name without the slash, e.g. 'ping', or the Chinese name as typed. */
  name: string;
  /** The words after the name. */
  args: string;
}

/** 「/ping」「／帮助 7」 → a command; anything else → null. */
export function commandOf(text: string): Command | null {
  const m = text.trim().match(/^[/／]\s*([A-Za-z\u4e00-\u9fa5]+)\s*([\s\S]*)$/);
  if (!m) return null;
  return { name: m[1]!.toLowerCase(), args: m[2]!.trim() };
}
