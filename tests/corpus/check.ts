/** `npx tsx tests/corpus/check.ts [dir]`: validates every annotation file against the schema (runs no parser). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPlan, corpusReplies } from './schema.js';

const here = process.argv[2] ?? new URL('.', import.meta.url).pathname;
let bad = 0;
let plans = 0;
let replies = 0;
for (const f of readdirSync(join(here, 'plans')).filter((n) => n.endsWith('.json'))) {
  const r = corpusPlan.safeParse(JSON.parse(readFileSync(join(here, 'plans', f), 'utf8')));
  if (!r.success) { bad++; console.log(`plans/${f}: ${r.error.message}`); continue; }
  if (!existsSync(join(here, 'plans', r.data.file))) { bad++; console.log(`plans/${f}: no file ${r.data.file}`); }
  plans++;
}
for (const f of readdirSync(join(here, 'replies')).filter((n) => n.endsWith('.json'))) {
  const r = corpusReplies.safeParse(JSON.parse(readFileSync(join(here, 'replies', f), 'utf8')));
  if (!r.success) { bad++; console.log(`replies/${f}: ${r.error.message}`); continue; }
  for (const [i, it] of r.data.items.entries()) {
    for (const v of it.expected.values) if (v.target >= it.targets.length) { bad++; console.log(`replies/${f} item ${i}: value.target ${v.target} out of range`); }
  }
  replies += r.data.items.length;
}
console.log(`${plans} plans, ${replies} statements, ${bad} problems`);
process.exit(bad ? 1 : 0);
