/** Task codes: the plan's own number when unique, else a path such as '2.3'. Pure. */

export interface Numbered {
  /** Numbers along the path: section index (1-based), sub-section index, task number. */
  path: number[];
  number: number;
  /** How much of the path the code keeps however unique the number is: 1 for 「（一）」 tasks of a section. */
  least?: number;
}

/** Returns one code per item, in order; the shortest form that is unique across the plan. */
export function assignCodes(items: Numbered[]): string[] {
  // A loop, not Math.max(...items): spreading tens of thousands of arguments overflows the stack.
  const maxDepth = items.reduce((a, i) => Math.max(a, i.path.length), 0);
  for (let depth = 0; ; depth++) {
    // Unique at this depth by the numbers as written; a code then keeps at least `least` of its path.
    const bare = items.map((i) => [...i.path.slice(0, depth), i.number].join('.'));
    const codes = items.map((i) => [...i.path.slice(0, Math.max(depth, i.least ?? 0)), i.number].join('.'));
    if (new Set(bare).size === bare.length || depth >= maxDepth) {
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
