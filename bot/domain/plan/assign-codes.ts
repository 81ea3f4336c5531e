/** Task codes: the plan's own number when unique, else a path such as '2.3'. Pure. */

export interface Numbered {
  /** Numbers along the path: section index (1-based), sub-section index, task number. */
  path: number[];
  number: number;
}

/** Returns one code per item, in order; the shortest form that is unique across the plan. */
export function assignCodes(items: Numbered[]): string[] {
  const plain = items.map((i) => String(i.number));
  if (new Set(plain).size === plain.length) return plain;
  // A loop, not Math.max(...items): spreading tens of thousands of arguments overflows the stack.
  const maxDepth = items.reduce((a, i) => Math.max(a, i.path.length), 0);
  for (let depth = 1; ; depth++) {
    const codes = items.map((i) => [...i.path.slice(0, depth), i.number].join('.'));
    if (new Set(codes).size === codes.length || depth >= maxDepth) {
      // Still clashing at full depth (a plan that repeats a number): suffix the repeats.
      const seen = new Map<string, number>();
      return codes.map((c) => {
        const n = (seen.get(c) ?? 0) + 1;
        seen.set(c, n);
        return n === 1 ? c : `${c}-${n}`;
      });
    }
  }
}
