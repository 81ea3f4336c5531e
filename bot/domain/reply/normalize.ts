/**
 * Cleaning a reply before it is read: card or post JSON to its text, <at> tags,
 * mention keys and links out, full-width digits and signs to ASCII, thousands
 * separators dropped. Pure; never throws.
 */
import { toAsciiDigits } from '../plan/numerals.js';

/** Replies longer than this are read from their start only. */
export const MAX_CHARS = 20_000;

const SKIP_KEYS = new Set([
  'tag', 'type', 'id', 'user_id', 'open_id', 'union_id', 'chat_id', 'message_id', 'url', 'href',
  'img_key', 'image_key', 'file_key', 'color', 'template', 'width', 'style', 'value', 'token', 'key',
]);

/** The human text inside card / post JSON, or null when the text is not JSON. */
function jsonText(text: string): string | null {
  const t = text.trim();
  if (!/^[{[]/.test(t)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return null;
  }
  const out: string[] = [];
  const walk = (v: unknown, key: string, depth: number): void => {
    if (out.length >= 500 || depth > 20) return;
    if (typeof v === 'string') {
      if (!SKIP_KEYS.has(key) && /[\u4e00-\u9fff0-9]/.test(v)) out.push(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key, depth + 1);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k, depth + 1);
    }
  };
  walk(parsed, '', 0);
  return out.join('\n');
}

export function normalizeReply(raw: unknown): string {
  let text = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  // Bounded work: a huge reply is cut before anything parses it, card JSON included (a shorter one is kept whole).
  text = text.slice(0, MAX_CHARS * 4);
  text = jsonText(text) ?? text;
  text = text
    .replace(/<at\b[^>]{0,200}>[^<]{0,200}<\/at>/gi, ' ')
    .replace(/<\/?[a-z][^<>]{0,200}>/gi, ' ')
    .replace(/@_(?:user_\d+|all)\b/g, ' ')
    .replace(/https?:\/\/[^\s\u4e00-\u9fff，。]+/gi, ' ');
  text = toAsciiDigits(text)
    .replace(/[Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(/／/g, '/')
    .replace(/[～〜]/g, '~')
    .replace(/[－—–]/g, '-')
    .replace(/[\u3000\t\r\f\v\u00a0]/g, ' ')
    .replace(/ {2,}/g, ' ')
    // 1,650 and 2，300万元 (the full-width comma only before a money magnitude).
    .replace(/(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])/g, (m) => m.replace(/,/g, ''))
    .replace(/(?<![\d.])\d{1,3}(?:，\d{3})+(?=\s*[万亿元])/g, (m) => m.replace(/，/g, ''));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: slicing a shorter text to MAX_CHARS gives it whole
  return text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
}
