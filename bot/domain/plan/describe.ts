/** Short Chinese renderings of plan data, shared by the CLI and the bot's messages. Pure. */

const COMPARATOR_WORDS: Record<string, string> = { at_least: '≥', at_most: '≤', exactly: '=' };

export function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

/** 「有效期高企 ≥140家」 */
export function describeTarget(t: { label: string; value: number; unit: string; comparator?: string }): string {
  const cmp = t.comparator ? COMPARATOR_WORDS[t.comparator] ?? '' : '';
  return `${t.label} ${cmp}${formatValue(t.value)}${t.unit}`;
}
