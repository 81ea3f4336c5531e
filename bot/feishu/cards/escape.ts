/**
 * The neutralisers behind bot/feishu/safe-text.ts (callers use the `botText` and `md` tags and the
 * card builders, never these by hand):
 * - escapeMd, for card markdown: every ASCII character that is not a letter, digit or space becomes
 *   an HTML entity, so `<at id=all>`, links, emphasis and entities stay literal (contract §6);
 * - neutralise, for text messages and plain_text fields, where no escape exists and entities would
 *   show as typed: Feishu's syntax characters become full-width look-alikes (＜＞［］＊…), so
 *   `<at user_id="all">`, `[t](url)`, `**bold**` and `<i>` read literally and do nothing.
 * Both drop control and bidirectional-override characters and bound the length.
 */

/** C0/C1 controls but tab and newline, and the invisible marks that reorder or hide text. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The longest figure shown. */
const PART = 1000;

const LOOK_ALIKE: Record<string, string> = {
  '<': '＜', '>': '＞', '[': '［', ']': '］', '*': '＊', '~': '～', '`': '｀', '&': '＆', '\\': '＼',
};
const TEXT_SYNTAX = /[<>[\]*~`&\\]/g;

export function escapeMd(text: string, max = 500): string {
  return fit(text, max, (t) => t.replace(INVISIBLE, '')).replace(/[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A figure the bot formatted (「33.73」「45%」「10:00」): digits, `. % , + - /`, a colon between digits, spaces and non-ASCII as they are, the rest escaped. */
export function escapeFigure(text: string): string {
  return escapeMd(text, PART)
    .replace(/&#(4[3-7]|37);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/(\d)&#58;(?=\d)/g, '$1:');
}

/** One line of outside text for a text message or a plain_text field: harmless look-alikes, whitespace folded. */
export function neutralise(text: string, max = 500): string {
  const line = fit(text, max, (t) => t.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim());
  // `://` would still be linked by the client: a full-width colon keeps the words and drops the link.
  return line.replace(TEXT_SYNTAX, (c) => LOOK_ALIKE[c] ?? c).replace(/:\/\//g, '：//');
}

/** At most `max` characters (by code point), with 「…」 when cut. */
export function trim(text: string, max: number): string {
  return fit(text, max, (t) => t);
}

/**
 * `clean(text)` cut to `max` code points with 「…」; CRLF read as LF. A very long text is cut to a
 * bounded head before anything else, so the cost does not grow with the input.
 */
function fit(text: string, max: number, clean: (t: string) => string): string {
  const units = 4 * max + 16;
  const long = text.length > units;
  const cleaned = clean((long ? text.slice(0, units) : text).replace(/\r\n?/g, '\n'));
  if (!long && cleaned.length <= max) return cleaned;
  const chars = [...cleaned];
  return !long && chars.length <= max ? cleaned : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
