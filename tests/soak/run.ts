/**
 * `npm run soak -- [--seed N] [--from 2022-03-21] [--until 2022-12-31] [--faults all|none|<kind,kind>]
 *   [--rate 0.08] [--workers 2] [--plan <file> --owners <file>] [--verbose]`
 * Prints a summary; exits 1 on any violation, naming the seed to replay it with.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
// @ts-expect-error plain JavaScript shared with run-dist.js, without types
import { sourceHash } from '../../bot/cli/source-hash.js';
import { FAULT_KINDS, type FaultKind } from './faults.js';
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

if (values.postgres) fail('--postgres: the soak runs on SQLite only so far (issue #22 is open).');
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) fail(`--seed ${values.seed}: a whole number ≥ 0`);
const from = moment(values.from, '09:00', 'from');
const until = moment(values.until, '18:00', 'until');
if (until <= from) fail('--until must come after --from');
const faults: FaultKind[] = values.faults === 'all' ? [...FAULT_KINDS] : values.faults === 'none' ? [] : (values.faults.split(',') as FaultKind[]);
for (const f of faults) if (!FAULT_KINDS.includes(f)) fail(`--faults: unknown fault ${f}; known: ${FAULT_KINDS.join(', ')}`);
const rate = Number(values.rate);
if (!(rate >= 0 && rate <= 1)) fail(`--rate ${values.rate}: between 0 and 1`);

// The bot's processes run compiled, as in production: dist/ is built from these sources first, unless it already is.
const root = fileURLToPath(new URL('../../', import.meta.url));
const stamp = join(root, 'dist/source-hash');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== sourceHash(root)) {
  const built = spawnSync(process.execPath, [join(root, 'bot/cli/build-dist.js')], { stdio: ['ignore', process.stderr, 'inherit'] });
  if (built.status !== 0) process.exit(1);
}
const common = {
  seed, from, until, workers: Number(values.workers), redisPauseMs: Number(values['redis-pause-ms']), flow: Number(values.flow),
  ...(values.plan ? { plan: values.plan } : {}), ...(values.owners ? { owners: values.owners } : {}),
};
const log = values.verbose ? (line: string) => console.log(line) : (line: string) => (line.includes(' fault ') ? console.log(line) : undefined);
let t0 = Date.now();
// First the same stretch without faults: what it sends, the run with faults must send too.
const reference = faults.length && !values['no-reference'] ? await runSoak({ ...common, faults: [], log }) : null;
if (reference) {
  console.log(`reference run without faults: ${reference.record.checkins.length} check-ins, ${reference.record.digests.length} digests, ${Math.round((Date.now() - t0) / 1000)} s`);
  if (reference.violations.length) console.log(`  (it broke ${reference.violations.length} invariant(s) itself)`);
}
t0 = Date.now();
const r = reference?.violations.length ? reference : await runSoak({ ...common, faults, rate, log, ...(reference ? { reference: reference.record } : {}) });
const s = r.summary;
console.log(`soak seed ${r.seed}: ${r.simulatedDays} simulated days (${from.toISOString()} – ${r.stoppedAt.toISOString()}), ${r.moments} moments of work, ${Math.round((Date.now() - t0) / 1000)} s`);
console.log(`  events delivered ${r.events}; bot messages ${r.messages}; nudges sent ${s.nudgesSent} (failed ${s.nudgesFailed}); reports ${s.reports}; digests ${s.digestsPosted}`);
console.log(`  faults: ${Object.entries(r.faults).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}; process restarts ${r.restarts}`);
console.log(`  invariant checks: ${r.checks} (sent-once, due-sent, sent-recorded, sent-when, reply-once, reply-recorded, click-once, digest-once, digest-sent, audited, no-crash, work-finishes${reference ? ', as-without-faults' : ''})`);
if (r.violations.length) {
  console.log(`FAILED: ${r.violations.length} violation(s); first: [${r.violations[0]!.invariant}] ${r.violations[0]!.detail}`);
  for (const v of r.violations.slice(1, 10)) console.log(`  [${v.invariant}] ${v.detail}`);
  console.log(`replay: npm run soak -- --seed ${r.seed} --from ${values.from} --until ${values.until} --faults ${values.faults} --rate ${values.rate}`);
  process.exit(1);
}
console.log('OK: no violation');
process.exit(0);
