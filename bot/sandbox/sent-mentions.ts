/**
 * Who a message the bot sends would mention, read the way Feishu reads each message type, so tests
 * can assert that nobody — above all not everyone — is ever pinged by words the bot only quotes:
 * - text: `<at user_id="…">`, with the id double-, single- or un-quoted and the closing tag optional
 *   (deliberately generous: a variant Feishu might accept is counted);
 * - post: `{tag:'at', user_id}` nodes, and `md` nodes read like text; `text` nodes are not parsed;
 * - card: `<at id=…>`, `<at ids=a,b>`, `<at user_id=…>` in markdown and lark_md texts only (card
 *   markdown elements, lark_md texts, panel titles, markdown/lark_md table cells); plain_text and
 *   every other string (button values, chart labels) are never parsed, as in Feishu.
 * `all` is everyone: recorded as { key: '@_all', openId: 'all', name: '所有人' }.
 */
import type { Directory } from './directory.js';
import type { StoredMention } from './types.js';

export const AT_ALL: StoredMention = { key: '@_all', openId: 'all', name: '所有人' };

const TEXT_AT = /<at\s+user_id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']*))[^>]*>(?:([^<]*)<\/at>)?/gi;
const CARD_AT = /<at\s+(?:ids?|user_id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']*))[^>]*>/gi;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Ids (and names, where the tag carries one) mentioned by a text or post `md` string. */
export function textAts(text: string): { id: string; name: string }[] {
  return [...text.matchAll(TEXT_AT)].map((m) => ({ id: (m[1] ?? m[2] ?? m[3] ?? '').trim(), name: m[4] ?? '' }));
}

/** Ids mentioned by a card markdown / lark_md string (`ids=a,b` names several). */
export function cardAts(md: string): string[] {
  return [...md.matchAll(CARD_AT)].flatMap((m) => (m[1] ?? m[2] ?? m[3] ?? '').split(',').map((x) => x.trim()).filter(Boolean));
}

/** Ids mentioned by a post's `at` nodes and `md` nodes, in every locale. */
export function postAts(post: Obj): { id: string; name: string }[] {
  const body = (isObj(post.post) ? post.post : post) as Obj;
  const out: { id: string; name: string }[] = [];
  for (const loc of Object.values(body)) {
    const rows = isObj(loc) && Array.isArray(loc.content) ? loc.content : [];
    for (const node of rows.flat() as unknown[]) {
      if (!isObj(node)) continue;
      if (node.tag === 'at' && typeof node.user_id === 'string') out.push({ id: node.user_id, name: typeof node.user_name === 'string' ? node.user_name : '' });
      if (node.tag === 'md' && typeof node.text === 'string') out.push(...textAts(node.text));
    }
  }
  return out;
}

/** Every markdown / lark_md text of a card (what Feishu parses for mentions). */
export function cardMarkdown(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => cardMarkdown(x, out));
  if (!isObj(v)) return out;
  if ((v.tag === 'markdown' || v.tag === 'lark_md') && typeof v.content === 'string') out.push(v.content);
  if (v.tag === 'table' && Array.isArray(v.columns) && Array.isArray(v.rows)) {
    const md = v.columns.filter((c) => isObj(c) && (c.data_type === 'lark_md' || c.data_type === 'markdown')).map((c) => String((c as Obj).name));
    for (const row of v.rows) if (isObj(row)) for (const name of md) if (typeof row[name] === 'string') out.push(row[name] as string);
  }
  for (const [k, x] of Object.entries(v)) if (k !== 'rows' && typeof x === 'object') cardMarkdown(x, out);
  return out;
}

/** The mentions to store, in order; `all` becomes AT_ALL (once). */
export function mentionsOf(ats: { id: string; name: string }[], directory: Directory): StoredMention[] {
  const out: StoredMention[] = [];
  for (const at of ats) {
    if (at.id === 'all') {
      if (!out.some((m) => m.openId === 'all')) out.push(AT_ALL);
      continue;
    }
    out.push({ key: `@_user_${out.filter((m) => m.openId !== 'all').length + 1}`, openId: at.id, name: directory.user(at.id)?.name ?? at.name });
  }
  return out;
}
