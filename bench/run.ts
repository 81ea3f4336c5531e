/**
 * `npm run bench [-- name…]`: runs the benchmarks (all, or those named) and
 * prints the machine line and one markdown table, ready to paste into the
 * README's performance section. Never run by CI.
 */
import { benchDigest } from './digest.js';
import { benchFanout } from './fanout.js';
import { benchIngest } from './ingest.js';
import { machineLine } from './machine.js';
import { benchParse } from './parse.js';
import { benchSweep } from './sweep.js';
import { formatTable, type Row } from './table.js';

const BENCHMARKS: Record<string, () => Promise<Row[]>> = {
  fanout: benchFanout,
  ingest: benchIngest,
  sweep: benchSweep,
  digest: benchDigest,
  parse: benchParse,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(a in BENCHMARKS));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
const rows: Row[] = [];
for (const [name, run] of Object.entries(BENCHMARKS)) {
  if (asked.length && !asked.includes(name)) continue;
  const t = performance.now();
  rows.push(...(await run()));
  console.error(`${name}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
console.log(`${await machineLine()}\n`);
console.log(formatTable(rows));
