/**
 * Doubts (ReplyDoubt): the readings the reader chose between and could not settle, each with
 * the reply's own words, so the owner settles it in one click. At most MAX_DOUBTS. Pure.
 */
import type { Clauses } from './clauses.js';
import type { Unsettled } from './pick-target.js';
import type { ReplyDoubt, ReplyTarget, ReplyValue } from './types.js';

export const MAX_DOUBTS = 3;
export const MAX_DOUBT_WORDS = 40;

/** The clause around [start, end), at most MAX_DOUBT_WORDS characters, centred on it. */
export function wordsAround(c: Clauses, start: number, end: number): string {
  let from = c.start('comma', start);
  let to = c.end('comma', Math.max(start, end - 1));
  if (to - from > MAX_DOUBT_WORDS) {
    const first = from;
    const mid = Math.floor((start + end) / 2);
    from = Math.max(first, Math.min(start, mid - MAX_DOUBT_WORDS / 2));
    to = Math.min(to, from + MAX_DOUBT_WORDS);
    from = Math.max(first, to - MAX_DOUBT_WORDS);
  }
  const out = c.text.slice(from, to).trim().replace(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/g, '');
  return [...out].slice(0, MAX_DOUBT_WORDS).join('');
}

/**
 * A number as likely one target's as another's, or a total or past figure that may be the report,
 * becomes a doubt when a target it could belong to got no value: otherwise the reply settled it.
 * `index` maps the reader's target indices to the caller's.
 */
export function valueDoubts(c: Clauses, unsettled: Unsettled[], values: ReplyValue[], targets: ReplyTarget[], index: (i: number) => number): ReplyDoubt[] {
  const out: ReplyDoubt[] = [];
  const held = new Set(values.map((v) => v.target));
  for (const u of unsettled) {
    const open = u.targets.map((t, k) => ({ t: index(t), value: u.values[k]! })).filter((x) => !held.has(x.t));
    if (!open.length) continue;
    const unit = targets[open[0]!.t]!.unit;
    const same = open.filter((x) => targets[x.t]!.unit === unit);
    const value = same[0]!.value;
    if (!Number.isFinite(value)) continue;
    const words = wordsAround(c, u.mention.start, u.mention.end);
    if (out.some((d) => d.kind === 'value' && d.value === value && d.words === words)) continue;
    out.push({ kind: 'value', value, unit, chosen: null, others: same.map((x) => x.t), words });
    if (out.length >= MAX_DOUBTS) break;
  }
  return out;
}
