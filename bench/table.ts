/** A row of the benchmark table: an absolute figure next to its anchor, and their ratio. */
export interface Row {
  benchmark: string;
  figure: string;
  anchor: string;
  ratio: string;
}

export function formatTable(rows: Row[]): string {
  const head: Row = { benchmark: 'benchmark', figure: 'figure', anchor: 'anchor', ratio: 'ratio' };
  const all = [head, ...rows];
  const keys = Object.keys(head) as (keyof Row)[];
  const line = (r: Row) => `| ${keys.map((k) => r[k]).join(' | ')} |`;
  return [line(head), `|${keys.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n') + (all.length ? '\n' : '');
}

/** A resident size in MiB, or n/a where it could not be read. */
export const mib = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(0)} MiB`);
