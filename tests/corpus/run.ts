/**
 * `npm run corpus [-- --misses] [--kind <fact>] [--json] [--update-floor] [--dir <another corpus>]`: the parser's and the reply reader's accuracy
 * on real published documents, per kind of fact, and what they missed.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Tally } from './facts.js';
import { scoreCorpus, type CorpusScore } from './score.js';

// Piped into `head`: stop quietly when the reader goes away.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

const FLOOR = fileURLToPath(new URL('floor.json', import.meta.url));

function table(title: string, t: Tally): string {
  const lines = [title];
  for (const [k, c] of [...t.counts].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${k.padEnd(14)} ${String(c.right).padStart(5)} / ${String(c.total).padEnd(5)} ${((100 * c.right) / c.total).toFixed(1).padStart(5)}%`);
  }
  const { right, total } = t.total();
  lines.push(`  ${'all'.padEnd(14)} ${String(right).padStart(5)} / ${String(total).padEnd(5)} ${((100 * right) / Math.max(1, total)).toFixed(1).padStart(5)}%`);
  return lines.join('\n');
}

/** The floor a test keeps: today's scores rounded down to a tenth of a percent. */
function floorOf(s: CorpusScore) {
  const down = (x: number) => Math.floor(x * 10) / 10;
  const of = (m: CorpusScore['plans']) => ({ total: down(m.total), byKind: Object.fromEntries(Object.entries(m.byKind).map(([k, v]) => [k, down(v)])) });
  return { plans: of(s.plans), replies: of(s.replies) };
}

const { values } = parseArgs({
  options: { dir: { type: 'string' }, misses: { type: 'boolean' }, kind: { type: 'string' }, json: { type: 'boolean' }, 'update-floor': { type: 'boolean' } },
});
const dir = values.dir ?? fileURLToPath(new URL('.', import.meta.url));
const s = await scoreCorpus(dir);
if (values.json) {
  process.stdout.write(JSON.stringify({ plans: s.plans, replies: s.replies }, null, 2) + '\n');
} else {
  const docs = readdirSync(`${dir}/plans`).filter((f) => f.endsWith('.json')).length;
  const files = readdirSync(`${dir}/replies`).filter((f) => f.endsWith('.json')).length;
  console.log(`Corpus: ${docs} plans, ${s.counts.replies.counts.get('status')?.total ?? 0} statements from ${files} pages\n`);
  console.log(table('Plan facts', s.counts.plans));
  console.log();
  console.log(table('Reply facts', s.counts.replies));
  if (values.misses || values.kind) {
    for (const m of [...s.misses.plans, ...s.misses.replies].filter((m) => !values.kind || m.kind === values.kind)) {
      console.log(`- [${m.kind}] ${m.doc} · ${m.where}\n    expected ${JSON.stringify(m.expected)}\n    got      ${JSON.stringify(m.got)}`);
    }
  } else {
    console.log('\n(--misses lists what was missed; --kind <fact> only that kind)');
  }
}
if (values['update-floor'] && !values.dir) {
  writeFileSync(FLOOR, JSON.stringify(floorOf(s), null, 2) + '\n');
  console.log(`floor written to ${FLOOR}`);
}
