/**
 * The words of a rich-text (`post`) message as a user typed them. Pure.
 *
 * Feishu sends `post` whenever a user formats text, pastes, or adds an image to text. Events carry
 * the flat form `{title, content: [[node, …], …]}`; the message APIs and older payloads wrap it in
 * a locale (`{zh_cn: {…}}`, `{en_us: {…}}`). Nodes (receive-side message content description,
 * https://open.feishu.cn/document/server-docs/im-v1/message-content-description/message_content):
 * `text`, `a` (text, href), `at` (user_id, user_name), `img`, `media`, `emotion` (emoji_type),
 * `code_block` (language, text), `hr`, `md`. An `at` node's `user_id` is already the mention key
 * (`@_user_1`) resolved through the event's `mentions`; the SDK's own normaliser also meets open_ids
 * there, so an open_id found among the mentions is read as that mention's key.
 */

export interface PostMention {
  key: string;
  openId: string | null;
}

interface PostNode {
  tag?: unknown;
  text?: unknown;
  href?: unknown;
  user_id?: unknown;
  user_name?: unknown;
}

const LOCALES = ['zh_cn', 'en_us', 'ja_jp'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The `{title, content}` body of a post, flat or under a locale (zh_cn first); null when none. */
function bodyOf(parsed: unknown): { title: string; content: unknown[] } | null {
  if (!isObject(parsed)) return null;
  const own = 'content' in parsed || 'title' in parsed ? parsed : null;
  const local = own ?? [...LOCALES.map((l) => parsed[l]), ...Object.values(parsed)].find(isObject) ?? null;
  if (!local) return null;
  return { title: str(local.title), content: Array.isArray(local.content) ? local.content : [] };
}

function atText(node: PostNode, mentions: PostMention[]): string {
  const id = str(node.user_id);
  if (id === 'all' || id === '@_all') return '@_all';
  if (id.startsWith('@_')) return id;
  const known = mentions.find((m) => m.openId !== null && m.openId === id);
  if (known) return known.key;
  const name = str(node.user_name);
  return name ? `@${name}` : '';
}

function nodeText(node: PostNode, mentions: PostMention[]): string {
  switch (node.tag) {
    case 'at':
      return ` ${atText(node, mentions)} `;
    case 'a':
      return str(node.text) || str(node.href);
    case 'code_block':
      return `\n${str(node.text)}\n`;
    case 'img':
    case 'media':
    case 'emotion':
    case 'hr':
      return '';
    default:
      // text, md, inline code and tags not yet known: their text, if any.
      return str(node.text);
  }
}

/** Title, then one line per paragraph (a code block keeps its own lines); empty lines dropped. */
export function postText(parsed: unknown, mentions: PostMention[] = []): string | null {
  const body = bodyOf(parsed);
  if (!body) return null;
  const paragraphs = body.content.map((p) =>
    Array.isArray(p) ? p.map((n) => (isObject(n) ? nodeText(n as PostNode, mentions) : '')).join('') : '',
  );
  return [body.title, ...paragraphs]
    .flatMap((p) => p.split('\n'))
    .map((l) => l.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
