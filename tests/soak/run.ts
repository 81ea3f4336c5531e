/**
 * `npm run soak -- [--seed N] [--from 2022-03-21] [--until 2022-12-31] [--faults all|none|<kind,kind>]
 *   [--rate 0.08] [--workers 2] [--plan <file> --owners <file>] [--postgres] [--verbose]`
 * --postgres: the store is a fresh PostgreSQL database on TEST_POSTGRES_URL's server (default
 * postgresql://postgres@127.0.0.1:5432/postgres), and `all` faults include dropped connections.
 * Prints a summary; exits 1 on any violation, naming the seed to replay it with.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { builtFromSources, sourceHash } from '../../bot/cli/source-hash.js';
import { FAULT_KINDS, POSTGRES_ONLY, type FaultKind } from './faults.js';
import type { SoakRecord } from './reference.js';
import { runSoak } from './soak.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    from: { type: 'string', default: '2022-03-21' },
    until: { type: 'string', default: '2022-12-31' },
    faults: { type: 'string', default: 'all' },
    rate: { type: 'string', default: '0.08' },
    workers: { type: 'string', default: '2' },
    plan: { type: 'string' },
    owners: { type: 'string' },
    'redis-pause-ms': { type: 'string', default: '20000' },
    flow: { type: 'string', default: '10' },
    verbose: { type: 'boolean', default: false },
    'no-reference': { type: 'boolean', default: false },
    postgres: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** A date (Beijing time; 09:00 for --from, 18:00 for --until) or a full time. */
function moment(text: string, hhmm: string, name: string): Date {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T${hhmm}:00+08:00` : text);
  if (Number.isNaN(d.getTime())) fail(`--${name} ${text}: not a date (YYYY-MM-DD)`);
  return d;
}

const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) fail(`--seed ${values.seed}: a whole number ≥ 0`);
const from = moment(values.from, '09:00', 'from');
const until = moment(values.until, '18:00', 'until');
if (until <= from) fail('--until must come after --from');
const applicable = FAULT_KINDS.filter((k) => values.postgres || !POSTGRES_ONLY.includes(k));
const faults: FaultKind[] = values.faults === 'all' ? applicable : values.faults === 'none' ? [] : (values.faults.split(',') as FaultKind[]);
for (const f of faults) if (!FAULT_KINDS.includes(f)) fail(`--faults: unknown fault ${f}; known: ${FAULT_KINDS.join(', ')}`);
for (const f of faults) if (!applicable.includes(f)) fail(`--faults: ${f} needs --postgres`);
const rate = Number(values.rate);
if (!(rate >= 0 && rate <= 1)) fail(`--rate ${values.rate}: between 0 and 1`);

// The bot's processes run compiled, as in production: dist/ is built from these sources first, unless it already is.
const root = fileURLToPath(new URL('../../', import.meta.url));
if (!builtFromSources(root)) {
  const built = spawnSync(process.execPath, [join(root, 'bot/cli/build-dist.js')], { stdio: ['ignore', process.stderr, 'inherit'] });
  if (built.status !== 0) process.exit(1);
}
const common = {
  seed, from, until, workers: Number(values.workers), postgres: values.postgres, redisPauseMs: Number(values['redis-pause-ms']), flow: Number(values.flow),
  ...(values.plan ? { plan: values.plan } : {}), ...(values.owners ? { owners: values.owners } : {}),
};
const log = values.verbose ? (line: string) => console.log(line) : (line: string) => (line.includes(' fault ') ? console.log(line) : undefined);
let t0 = Date.now();
// First the same stretch without faults: what it sends, the run with faults must send too. Without faults the
// cast does the same whatever the seed, so its record is kept (by the sources, plan, owners, stretch and store)
// and later seeds of the same stretch reuse it.
const cacheFile = join(tmpdir(), 'workplan-soak-reference', `${referenceKey()}.json`);
let reference: { record: SoakRecord; violations: unknown[] } | null = null;
if (faults.length && !values['no-reference']) {
  if (existsSync(cacheFile)) {
    reference = { record: JSON.parse(readFileSync(cacheFile, 'utf8')) as SoakRecord, violations: [] };
    console.log(`reference run without faults (kept from an earlier run, ${cacheFile}): ${reference.record.checkins.length} check-ins, ${reference.record.digests.length} digests`);
  } else {
    const run = await runSoak({ ...common, faults: [], log });
    reference = run;
    console.log(`reference run without faults: ${run.record.checkins.length} check-ins, ${run.record.digests.length} digests, ${Math.round((Date.now() - t0) / 1000)} s`);
    if (run.violations.length) console.log(`  (it broke ${run.violations.length} invariant(s) itself)`);
    else {
      mkdirSync(join(tmpdir(), 'workplan-soak-reference'), { recursive: true });
      writeFileSync(cacheFile, JSON.stringify(run.record));
    }
  }
}
t0 = Date.now();
const r = reference?.violations.length ? (reference as Awaited<ReturnType<typeof runSoak>>) : await runSoak({ ...common, faults, rate, log, ...(reference ? { reference: reference.record } : {}) });
const s = r.summary;
console.log(`soak seed ${r.seed}${values.postgres ? " (PostgreSQL)" : ""}: ${r.simulatedDays} simulated days (${from.toISOString()} – ${r.stoppedAt.toISOString()}), ${r.moments} moments of work, ${Math.round((Date.now() - t0) / 1000)} s`);
console.log(`  events delivered ${r.events}; bot messages ${r.messages}; nudges sent ${s.nudgesSent} (failed ${s.nudgesFailed}); reports ${s.reports}; digests ${s.digestsPosted}`);
console.log(`  faults: ${Object.entries(r.faults).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}; process restarts ${r.restarts}`);
console.log(`  invariant checks: ${r.checks} (sent-once, due-sent, sent-recorded, sent-when, reply-once, reply-recorded, click-once, digest-once, digest-sent, audited, state-shown, no-crash, work-finishes${reference ? ', as-without-faults' : ''})`);
if (r.violations.length) {
  console.log(`FAILED: ${r.violations.length} violation(s); first: [${r.violations[0]!.invariant}] ${r.violations[0]!.detail}`);
  for (const v of r.violations.slice(1, 10)) console.log(`  [${v.invariant}] ${v.detail}`);
  console.log(`replay: npm run soak -- --seed ${r.seed} --from ${values.from} --until ${values.until} --faults ${values.faults} --rate ${values.rate}${values.postgres ? ' --postgres' : ''}`);
  process.exit(1);
}
console.log('OK: no violation');

/** What a fault-free run's record depends on. */
function referenceKey(): string {
  const hash = createHash('sha256').update(String(sourceHash(root)));
  const soakDir = join(root, 'tests/soak');
  for (const f of readdirSync(soakDir).sort()) hash.update(f).update(readFileSync(join(soakDir, f)));
  for (const f of [values.plan ?? join(root, 'plans/qijiang-2022-work-plan.txt'), values.owners ?? join(root, 'plans/qijiang-2022-owners.csv')]) hash.update(readFileSync(f));
  hash.update(JSON.stringify([from.toISOString(), until.toISOString(), values.workers, values.postgres]));
  return hash.digest('hex').slice(0, 24);
}
process.exit(0);
