/**
 * Clause boundaries in a reply, precomputed once so every lookup is O(1).
 * hard: sentence (。；！？ newline); comma: also ，; soft: also 、 (list items). Pure.
 */

export type ClauseLevel = 'hard' | 'comma' | 'soft';

const BREAKS: Record<ClauseLevel, RegExp> = {
  hard: /[。；;！!？?\n]/,
  comma: /[。；;！!？?\n，,]/,
  soft: /[。；;！!？?\n，,、]/,
};

export interface Clauses {
  text: string;
  /** Index of the first character of the clause holding position i. */
  start(level: ClauseLevel, i: number): number;
  /** Index of the break that ends the clause holding position i (or text length). */
  end(level: ClauseLevel, i: number): number;
}

function bounds(text: string, re: RegExp): { start: Int32Array; end: Int32Array } {
  const n = text.length;
  const start = new Int32Array(n + 1);
  const end = new Int32Array(n + 1);
  let s = 0;
  for (let i = 0; i <= n; i++) {
    start[i] = s;
    if (i < n && re.test(text[i]!)) s = i + 1;
  }
  let e = n;
  for (let i = n; i >= 0; i--) {
    if (i < n && re.test(text[i]!)) e = i;
    end[i] = e;
  }
  return { start, end };
}

export function clausesOf(text: string): Clauses {
  const table = {
    hard: bounds(text, BREAKS.hard),
    comma: bounds(text, BREAKS.comma),
    soft: bounds(text, BREAKS.soft),
  };
  const at = (i: number) => Math.max(0, Math.min(text.length, i));
  return {
    text,
    start: (level, i) => table[level].start[at(i)]!,
    end: (level, i) => table[level].end[at(i)]!,
  };
}
