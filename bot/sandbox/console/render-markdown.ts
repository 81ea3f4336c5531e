/**
 * Feishu card markdown (lark_md) → HTML, for reading in the console: **bold**, *italic*,
 * ~~strike~~, `code`, [links](https://…), <font color>, <text_tag>, <at id=…> as @name, lists,
 * quotes, headings, line breaks. Never passes HTML through: text between the recognised marks is
 * escaped, and entities such as `&#60;` (how the bot escapes user text) show as the character.
 */
import { cssColour, esc, escMd, safeHref } from './html.js';

export interface RenderContext {
  /** Display name of an open_id (users, the bot), or undefined when unknown. */
  nameOf(openId: string): string | undefined;
}

interface Rule {
  re: RegExp;
  html(m: RegExpExecArray, ctx: RenderContext): string;
}

const quoted = `['"]?([^'" >]+)['"]?`;

const RULES: Rule[] = [
  { re: new RegExp(`<at\\s+(?:id|user_id|email)=${quoted}\\s*>([\\s\\S]*?)</at>`, 'i'), html: (m, ctx) => mention(m[1] ?? '', m[2] ?? '', ctx) },
  {
    re: new RegExp(`<font\\s+color=${quoted}\\s*>([\\s\\S]*?)</font>`, 'i'),
    html: (m, ctx) => {
      const c = cssColour(m[1]);
      return c ? `<span style="color:${c}">${inline(m[2] ?? '', ctx)}</span>` : inline(m[2] ?? '', ctx);
    },
  },
  {
    re: new RegExp(`<text_tag\\s+color=${quoted}\\s*>([\\s\\S]*?)</text_tag>`, 'i'),
    html: (m, ctx) => `<span class="tag" style="color:${cssColour(m[1]) ?? COLOUR_FALLBACK}">${inline(m[2] ?? '', ctx)}</span>`,
  },
  { re: /\[([^\]\n]+)\]\(([^)\s]+)\)/, html: (m, ctx) => `<a href="${esc(safeHref(m[2] ?? ''))}" target="_blank" rel="noopener noreferrer">${inline(m[1] ?? '', ctx)}</a>` },
  { re: /`([^`\n]+)`/, html: (m) => `<code>${escMd(m[1] ?? '')}</code>` },
  { re: /\*\*([\s\S]+?)\*\*/, html: (m, ctx) => `<strong>${inline(m[1] ?? '', ctx)}</strong>` },
  { re: /~~([\s\S]+?)~~/, html: (m, ctx) => `<del>${inline(m[1] ?? '', ctx)}</del>` },
  { re: /\*([^*\n]+)\*/, html: (m, ctx) => `<em>${inline(m[1] ?? '', ctx)}</em>` },
];
const COLOUR_FALLBACK = '#646a73';

function mention(id: string, inner: string, ctx: RenderContext): string {
  const name = id === 'all' ? '所有人' : (ctx.nameOf(id) ?? (inner.trim() || id));
  return `<span class="at">@${esc(name)}</span>`;
}

/** One line (or a fragment) of inline markdown. The earliest match wins; text around it is escaped. */
export function inline(src: string, ctx: RenderContext): string {
  let out = '';
  let rest = src;
  for (;;) {
    let best: { m: RegExpExecArray; rule: Rule } | null = null;
    for (const rule of RULES) {
      const m = rule.re.exec(rest);
      if (m && (!best || m.index < best.m.index)) best = { m, rule };
    }
    if (!best) return out + escMd(rest);
    out += escMd(rest.slice(0, best.m.index)) + best.rule.html(best.m, ctx);
    rest = rest.slice(best.m.index + best.m[0].length);
  }
}

type Block = { kind: 'ul' | 'ol' | 'quote' | 'p'; lines: string[] } | { kind: 'h'; level: number; text: string } | { kind: 'hr' };

function blocksOf(src: string): Block[] {
  const out: Block[] = [];
  const push = (kind: 'ul' | 'ol' | 'quote' | 'p', line: string) => {
    const last = out.at(-1);
    if (last && last.kind === kind) last.lines.push(line);
    else out.push({ kind, lines: [line] });
  };
  for (const line of src.replace(/\r\n?/g, '\n').split('\n')) {
    let m: RegExpExecArray | null;
    if ((m = /^\s*[-*+]\s+(.*)$/.exec(line)) && !/^\s*\*\*/.test(line)) push('ul', m[1] ?? '');
    else if ((m = /^\s*\d+[.)]\s+(.*)$/.exec(line))) push('ol', m[1] ?? '');
    else if ((m = /^\s*>\s?(.*)$/.exec(line))) push('quote', m[1] ?? '');
    else if ((m = /^(#{1,6})\s+(.*)$/.exec(line))) out.push({ kind: 'h', level: m[1]!.length, text: m[2] ?? '' });
    else if (/^\s*(-{3,}|\*{3,})\s*$/.test(line)) out.push({ kind: 'hr' });
    else push('p', line);
  }
  return out;
}

/** A whole markdown text → HTML. */
export function renderMarkdown(src: string, ctx: RenderContext): string {
  return blocksOf(String(src ?? ''))
    .map((b) => {
      if (b.kind === 'hr') return '<hr>';
      if (b.kind === 'h') return `<div class="md-h md-h${b.level}">${inline(b.text, ctx)}</div>`;
      if (b.kind === 'ul' || b.kind === 'ol') return `<${b.kind}>${b.lines.map((l) => `<li>${inline(l, ctx)}</li>`).join('')}</${b.kind}>`;
      const body = b.lines.map((l) => inline(l, ctx)).join('<br>');
      return b.kind === 'quote' ? `<blockquote>${body}</blockquote>` : `<p>${body}</p>`;
    })
    .join('');
}
