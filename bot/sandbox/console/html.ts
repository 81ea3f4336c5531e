/** HTML escaping for the console's renderers: everything we did not write ourselves goes through these. */

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text → HTML text: `&`, `<`, `>`, quotes become entities, so no user text can become markup. */
export function esc(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Reads the entities Feishu markdown accepts (`&#60;`, `&#x3c;`, `&lt;`) back into characters. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,5});/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITY[ref.toLowerCase()] ?? whole;
  });
}

/** Markdown source text (entities allowed) → safe HTML text. */
export const escMd = (text: string): string => esc(decodeEntities(text));

/** A value for a double-quoted attribute (JSON payloads included). */
export const attr = (value: unknown): string => esc(typeof value === 'string' ? value : JSON.stringify(value ?? null));

/** Only http(s) and Feishu applinks are followed; anything else (javascript:, data:) becomes '#'. */
export function safeHref(url: string): string {
  const u = decodeEntities(url).trim();
  return /^(https?:\/\/|lark:\/\/|mailto:)/i.test(u) ? u : '#';
}

/** Feishu's named colours (card templates and <font color>), mapped to CSS colours. */
export const COLOURS: Record<string, string> = {
  blue: '#245bdb', wathet: '#1f9bd1', turquoise: '#12a39a', green: '#2e8b3e', yellow: '#c79c00',
  orange: '#e56d1c', red: '#d83931', carmine: '#c42b67', violet: '#9a2fc7', purple: '#6f36d1',
  indigo: '#4954e6', grey: '#646a73', gray: '#646a73', default: '#1f2329', neutral: '#646a73',
};

/** A colour a card may name: one of Feishu's, `-` suffixed variants folded, or a #hex; otherwise null. */
export function cssColour(name: string | undefined): string | null {
  if (!name) return null;
  const n = name.trim().toLowerCase();
  if (/^#[0-9a-f]{3,8}$/.test(n)) return n;
  return COLOURS[n] ?? COLOURS[n.split('-')[0] ?? ''] ?? null;
}
