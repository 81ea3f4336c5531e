/**
 * Showing text we did not write inside card markdown: every ASCII character
 * that is not a letter, digit or space becomes an HTML entity, so `<at id=all>`,
 * links, emphasis and entities stay literal; long text is trimmed with a mark.
 */
export function escapeMd(text: string, max = 500): string {
  const trimmed = trim(text, max);
  return trimmed.replace(/[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '\n');
}

/** At most `max` characters (by code point), with 「…」 when cut. */
export function trim(text: string, max: number): string {
  const chars = [...text.replace(/\r\n?/g, '\n')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
