/**
 * Word tables looked up with outside input (a word typed in a command, a value carried by a card,
 * a status read back from the store): built without a prototype, so 「constructor」「__proto__」
 * 「toString」「hasOwnProperty」 are unknown words, never Object.prototype's members. Pure.
 */
export function wordTable<V>(entries: Record<string, V>): Readonly<Record<string, V>> {
  const table = Object.create(null) as Record<string, V>;
  for (const [key, value] of Object.entries(entries)) table[key] = value;
  return Object.freeze(table);
}
