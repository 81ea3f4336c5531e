/** Tables and leading paragraphs out of mammoth's simple, well-formed HTML. */
import { LIMITS } from '../domain/plan/limits.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/p>\s*<p[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]!)
    .trim();
}

export function tablesFromHtml(html: string): { tables: string[][][]; paragraphsBefore: string[] } {
  const first = html.indexOf('<table');
  const before = first < 0 ? '' : html.slice(0, first);
  const paragraphsBefore = [...before.matchAll(/<(p|h\d)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => textOf(m[2]!)).filter(Boolean);
  const tables = [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<t[dh]([^>]*)>([\s\S]*?)<\/t[dh]>/g)].flatMap((c) => {
        // A colspan copied from a crafted file could ask for billions of cells: no table is wider than the limit.
        const span = Math.min(Number(c[1]!.match(/colspan="(\d{1,6})"/)?.[1] ?? 1), LIMITS.columns + 1);
        return [textOf(c[2]!), ...Array<string>(Math.max(0, span - 1)).fill('')];
      }),
    ),
  );
  return { tables, paragraphsBefore };
}
