/** Fact counting shared by the plan and reply scorers: a tally per kind of fact, with the misses. */

export interface Miss {
  doc: string;
  kind: string;
  where: string;
  expected: unknown;
  got: unknown;
}

export class Tally {
  readonly counts = new Map<string, { right: number; total: number }>();
  readonly misses: Miss[] = [];

  /** One fact: right when `ok`. */
  fact(kind: string, ok: boolean, miss: Omit<Miss, 'kind'>): void {
    const c = this.counts.get(kind) ?? { right: 0, total: 0 };
    c.total++;
    if (ok) c.right++;
    else this.misses.push({ kind, ...miss });
    this.counts.set(kind, c);
  }

  /** A list of facts: each expected item found is right; each expected item missing and each extra is a miss. */
  list<T>(kind: string, expected: T[], got: T[], same: (a: T, b: T) => boolean, where: Omit<Miss, 'kind' | 'expected' | 'got'>): void {
    const left = [...got];
    for (const e of expected) {
      const i = left.findIndex((g) => same(e, g));
      if (i >= 0) left.splice(i, 1);
      this.fact(kind, i >= 0, { ...where, expected: e, got: i >= 0 ? e : 'missing' });
    }
    for (const g of left) this.fact(kind, false, { ...where, expected: 'nothing', got: g });
  }

  total(): { right: number; total: number } {
    let right = 0;
    let total = 0;
    for (const c of this.counts.values()) {
      right += c.right;
      total += c.total;
    }
    return { right, total };
  }
}

/** Text compared without spaces and without punctuation at the ends; ASCII punctuation as full-width. */
export function norm(s: string | null | undefined): string {
  if (s == null) return '';
  return s
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
}

export function anyOf<T>(accepted: T | T[]): T[] {
  return Array.isArray(accepted) ? accepted : [accepted];
}

export function pct(right: number, total: number): number {
  return total ? Math.round((1000 * right) / total) / 10 : 100;
}
