/**
 * A user's message written as rich text (`post`), as the Feishu client sends it when text is
 * formatted, pasted, or carries an image. Content as events carry it (receive-side message content
 * description): `{title, content: [[node, …], …]}` with one array per paragraph; `form` wraps it in
 * a locale (`zh_cn` / `en_us`) as the message APIs and older payloads do.
 *
 * The typed text (mentions already turned into `@_user_N` keys by user-says.ts) becomes nodes:
 * - each line a paragraph; a line `---` an `hr`; a fenced block (```lang … ```) a `code_block`;
 * - `@_user_N` an `at` node whose `user_id` is the mention key and `user_name` the person's name;
 * - `[text](https://…)` an `a` node; `**bold**` a `text` node styled bold;
 * - `![any words]` an `img` node (a stored image, downloadable); `:SMILE:` an `emotion` node.
 */
import type { StoredMention } from './types.js';

export interface PostOptions {
  title?: string;
  /** 'flat' (default, as events carry it), or under a locale key. */
  form?: 'flat' | 'zh_cn' | 'en_us';
}

type Node = Record<string, unknown>;

const INLINE = /(@_user_\d+|\[[^\]]+\]\(https?:\/\/[^)\s]+\)|\*\*[^*]+\*\*|!\[[^\]]*\]|:[A-Z][A-Za-z_]*:)/;

function inlineNodes(line: string, mentions: StoredMention[], image: () => string): Node[] {
  const out: Node[] = [];
  const parts = line.split(INLINE);
  parts.forEach((p, i) => {
    if (i % 2 === 0) {
      if (p) out.push({ tag: 'text', text: p, style: [] });
      return;
    }
    const link = /^\[([^\]]+)\]\((.+)\)$/.exec(p);
    if (p.startsWith('@_user_')) {
      const m = mentions.find((x) => x.key === p);
      out.push({ tag: 'at', user_id: p, user_name: m?.name ?? '', style: [] });
    } else if (link) out.push({ tag: 'a', href: link[2], text: link[1], style: [] });
    else if (p.startsWith('**')) out.push({ tag: 'text', text: p.slice(2, -2), style: ['bold'] });
    else if (p.startsWith('![')) out.push({ tag: 'img', image_key: image(), width: 300, height: 200 });
    else out.push({ tag: 'emotion', emoji_type: p.slice(1, -1) });
  });
  return out;
}

/** The post content for `text`; `image()` stores an image and returns its key. */
export function postContent(text: string, mentions: StoredMention[], opts: PostOptions, image: () => string): Record<string, unknown> {
  const paragraphs: Node[][] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^```\s*(\S*)\s*$/.exec(line.trim());
    if (fence) {
      const code: string[] = [];
      while (i + 1 < lines.length && lines[i + 1]!.trim() !== '```') code.push(lines[++i]!);
      i++;
      paragraphs.push([{ tag: 'code_block', language: (fence[1] || 'plain_text').toUpperCase(), text: `${code.join('\n')}\n` }]);
    } else if (line.trim() === '---') paragraphs.push([{ tag: 'hr' }]);
    else paragraphs.push(inlineNodes(line, mentions, image));
  }
  const body = { title: opts.title ?? '', content: paragraphs };
  return !opts.form || opts.form === 'flat' ? body : { [opts.form]: body };
}
