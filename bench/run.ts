/**
 * `npm run bench [-- name…] [-- --postgres] [-- --write-readme]`: runs the benchmarks (all, or
 * those named) and prints the machine line and one markdown table. With
 * --write-readme (a full run only) the performance table of docs/performance.md (linked from the
 * README) is replaced by them, between its bench:begin and bench:end markers. With --postgres the
 * sweep, digest and fan-out run against PostgreSQL (127.0.0.1:5432, a fresh database each:
 * bench/bench-db.ts) and --write-readme writes the second table, between bench-pg:begin and
 * bench-pg:end; the other benchmarks are SQLite-only and are not run. Never run by CI.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { benchDigest } from './digest.js';
import { benchFanout } from './fanout.js';
import { benchImport } from './import.js';
import { benchIngest } from './ingest.js';
import { machineLine } from './machine.js';
import { benchParse } from './parse.js';
import { benchSweep } from './sweep.js';
import type { StoreKind } from './bench-db.js';
import { formatTable, type Row } from './table.js';

const BENCHMARKS: Record<string, (store: StoreKind) => Promise<Row[]>> = {
  fanout: benchFanout,
  ingest: benchIngest,
  sweep: benchSweep,
  digest: benchDigest,
  parse: benchParse,
  import: benchImport,
};
/** What runs with --postgres; the others measure SQLite only. */
const ON_POSTGRES = ['fanout', 'sweep', 'digest'];
const TABLE_PAGE = new URL('../docs/performance.md', import.meta.url);

const args = process.argv.slice(2);
const writeReadme = args.includes('--write-readme');
const store: StoreKind = args.includes('--postgres') ? 'postgres' : 'sqlite';
const asked = args.filter((a) => a !== '--write-readme' && a !== '--postgres');
const unknown = asked.filter((a) => !(a in BENCHMARKS));
if (unknown.length || (writeReadme && asked.length)) {
  console.error(unknown.length ? `unknown benchmark: ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}` : '--write-readme needs a full run');
  process.exit(2);
}
const sqliteOnly = (asked.length ? asked : Object.keys(BENCHMARKS)).filter((a) => !ON_POSTGRES.includes(a));
if (store === 'postgres' && sqliteOnly.length) {
  console.error(`${sqliteOnly.join(', ')}: SQLite only, not run with --postgres (${ON_POSTGRES.join(', ')} run on PostgreSQL)`);
  if (asked.length && sqliteOnly.length === asked.length) process.exit(2);
}
// The bot's processes run compiled, as in production: build dist/ from these sources first.
const built = spawnSync(process.execPath, [new URL('../bot/cli/build-dist.js', import.meta.url).pathname], { stdio: ['ignore', process.stderr, 'inherit'] });
if (built.status !== 0) process.exit(1);
const rows: Row[] = [];
for (const [name, run] of Object.entries(BENCHMARKS)) {
  if (asked.length && !asked.includes(name)) continue;
  if (store === 'postgres' && !ON_POSTGRES.includes(name)) continue;
  const t = performance.now();
  const done = await run(store);
  rows.push(...done);
  // Each benchmark's rows as it ends, so a run stopped later still shows them.
  console.error(`${name}: ${((performance.now() - t) / 1000).toFixed(0)} s\n${formatTable(done)}`);
}
const block = `${await machineLine(store)}\n\n${formatTable(rows)}`;
console.log(block);
if (writeReadme) {
  const marker = store === 'postgres' ? 'bench-pg' : 'bench';
  const text = readFileSync(TABLE_PAGE, 'utf8');
  const markers = new RegExp(`(<!-- ${marker}:begin -->\\n)[\\s\\S]*?(<!-- ${marker}:end -->)`);
  const next = text.replace(markers, (_all, begin: string, end: string) => begin + block + end);
  if (next === text) throw new Error(`docs/performance.md has no ${marker}:begin / ${marker}:end markers`);
  writeFileSync(TABLE_PAGE, next);
  console.error(`docs/performance.md: ${store === 'postgres' ? 'PostgreSQL ' : ''}performance table updated`);
}
