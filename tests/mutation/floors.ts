/**
 * Reads Stryker's JSON report (artifacts/mutation/report.json; with `--parts`, the reports of the runs of one
 * folder each, artifacts/mutation/parts/*.json, made with MUTATION_PART) and prints the mutation score per folder
 * of bot/domain; exits 1 when a folder scores below its floor in tests/mutation/floors.json. Folders no report
 * covers keep their floors. A part measured a chunk at a time (MUTATION_FILES) writes `<folder>.partial.json`:
 * its folder is shown as partial and gets no floor from `--write`.
 * `--write` records the current scores as the new floors (after tests were added, never to lower one silently:
 * a lower score is refused unless `--lower` is given too).
 * Score = (killed + timed out) ÷ (killed + timed out + survived + no coverage), as Stryker counts it;
 * ignored mutants (marked equivalent in the code with the reason) and compile errors do not count.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    // After `MUTATION_PART=<folder> npm run mutation`, that part's report.
    report: {
      type: 'string',
      default: process.env.MUTATION_PART ? `artifacts/mutation/parts/${process.env.MUTATION_PART}${process.env.MUTATION_FILES ? '.partial' : ''}.json` : 'artifacts/mutation/report.json',
    },
    floors: { type: 'string', default: 'tests/mutation/floors.json' },
    parts: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    lower: { type: 'boolean', default: false },
  },
});

interface Report { files: Record<string, { mutants: { status: string }[] }> }

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

export function folderOf(file: string): string {
  const parts = file.replace(/\\/g, '/').split('/');
  const i = parts.indexOf('domain');
  // A file directly under bot/domain is its own "folder" group: bot/domain (top).
  return i >= 0 && parts.length > i + 2 ? parts.slice(0, i + 2).join('/') : parts.slice(0, -1).join('/');
}

export function scores(report: Report): Map<string, { detected: number; undetected: number; score: number }> {
  const by = new Map<string, { detected: number; undetected: number; score: number }>();
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const f = by.get(folderOf(file)) ?? { detected: 0, undetected: 0, score: 0 };
    for (const m of mutants) {
      if (DETECTED.has(m.status)) f.detected++;
      else if (UNDETECTED.has(m.status)) f.undetected++;
    }
    by.set(folderOf(file), f);
  }
  for (const f of by.values()) f.score = f.detected + f.undetected === 0 ? 100 : Math.floor((1000 * f.detected) / (f.detected + f.undetected)) / 10;
  return new Map([...by].sort(([a], [b]) => a.localeCompare(b)));
}

const PARTS = 'artifacts/mutation/parts';
const reportFiles = values.parts ? (existsSync(PARTS) ? readdirSync(PARTS).filter((f) => f.endsWith('.json')).sort().map((f) => join(PARTS, f)) : []) : [values.report];
if (!reportFiles.length) {
  console.error(`no report in ${PARTS}: run MUTATION_PART=<folder> npm run mutation first`);
  process.exit(1);
}
const reports = reportFiles.map((f) => ({ file: f, report: JSON.parse(readFileSync(f, 'utf8')) as Report }));
const report: Report = { files: Object.assign({}, ...reports.map((r) => r.report.files)) };
const floors = JSON.parse(readFileSync(values.floors, 'utf8')) as Record<string, number>;
const now = scores(report);
// Folders a chunk's report covers: measured in part only.
const partial = new Set(reports.filter((r) => r.file.endsWith('.partial.json')).flatMap((r) => Object.keys(r.report.files).map(folderOf)));
let failed = 0;
console.log('folder                          mutants  score  floor');
for (const [folder, s] of now) {
  const floor = floors[folder];
  const below = floor !== undefined && s.score < floor;
  if (below) failed++;
  console.log(`${folder.padEnd(32)}${String(s.detected + s.undetected).padStart(7)}  ${s.score.toFixed(1).padStart(5)}  ${floor === undefined ? '    -' : floor.toFixed(1).padStart(5)}${below ? '  ← below its floor' : ''}${partial.has(folder) ? '  (partial: MUTATION_FILES)' : ''}`);
}
if (values.write) {
  const next: Record<string, number> = { ...floors };
  for (const [folder, s] of now) {
    if (partial.has(folder)) continue; // a floor is for a whole folder
    const old = floors[folder];
    if (old !== undefined && s.score < old && !values.lower) {
      console.error(`${folder}: ${s.score} is below the recorded floor ${old}; pass --lower to record it anyway`);
      process.exit(1);
    }
    next[folder] = s.score;
  }
  writeFileSync(values.floors, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`floors written to ${values.floors}`);
} else if (failed > 0) {
  console.error(`${failed} folder(s) below their floor: add tests that pin the rules down (README, "Mutation testing")`);
  process.exit(1);
}
