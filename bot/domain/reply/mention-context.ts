/**
 * The words around one number in a reply: what comes before it in its clause
 * (since the previous number), the noun after it, the clause's topic, and the
 * list item a 「A、B分别为x、y」 sentence pairs it with. Pure.
 */
import type { Clauses } from './clauses.js';
import type { Mention } from './mentions.js';
import { BREAKDOWN } from './value-markers.js';

export interface MentionContext {
  /** Soft-clause text before the number, since the previous number. */
  before: string;
  /** Text after the number up to the clause end or the next number (≤ 12 chars). */
  after: string;
  /** Comma-clause text before the number (forecast words scope over 、 lists). */
  scope: string;
  /** The previous soft clause when it holds no number: 「高企方面，目前118家」. */
  topic: string;
  /** Inside a 「其中…」 breakdown. */
  breakdown: boolean;
  /** The next number follows within this number's soft clause (so `after` ends where it starts). */
  nextClose: boolean;
  /** The words just before the number, or for a 「分别」 pair the words after 分别 (「分别增长」 → 「增长」). */
  lead: string;
}

/** Index of the first mention starting at or after `at` (mentions are sorted). */
function firstAtOrAfter(mentions: Mention[], at: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 「高企、科技型企业分别为118家、1650家」: the item paired with the number and the words after 分别, or null. */
function respectively(c: Clauses, mentions: Mention[], index: number): { item: string; lead: string } | null {
  const m = mentions[index]!;
  const text = c.text;
  const sentenceStart = c.start('hard', m.start);
  const f = text.lastIndexOf('分别', m.start);
  if (f < sentenceStart) return null;
  const listStart = c.start('comma', f);
  const items = text
    .slice(listStart, f)
    .split(/[、和及与]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const first = firstAtOrAfter(mentions, f);
  const item = items[index - first];
  if (item === undefined) return null;
  return { item, lead: text.slice(f + 2, mentions[first]!.start) };
}

export function contextOf(c: Clauses, mentions: Mention[], index: number): MentionContext {
  const m = mentions[index]!;
  const text = c.text;
  const prevEnd = index > 0 ? mentions[index - 1]!.end : 0;
  const nextStart = index + 1 < mentions.length ? mentions[index + 1]!.start : text.length;
  const softStart = c.start('soft', m.start);
  const commaStart = c.start('comma', m.start);
  const paired = respectively(c, mentions, index);
  const own = text.slice(Math.max(softStart, prevEnd), m.start);
  const before = paired?.item ?? own;
  const afterEnd = Math.min(c.end('soft', m.end), nextStart, m.end + 12);
  const after = m.end <= afterEnd ? text.slice(m.end, afterEnd) : '';
  let topic = '';
  if (softStart > 0) {
    const prevStart = c.start('soft', softStart - 1);
    const holdsNumber = firstAtOrAfter(mentions, prevStart) < firstAtOrAfter(mentions, softStart);
    if (!holdsNumber) topic = text.slice(prevStart, softStart - 1);
  }
  const scope = text.slice(commaStart, m.start);
  const breakdown = BREAKDOWN.test(scope) || BREAKDOWN.test(topic);
  const nextClose = nextStart === afterEnd && nextStart < c.end('soft', m.end);
  return { before, after, scope, topic, breakdown, lead: paired ? paired.lead : own, nextClose };
}
