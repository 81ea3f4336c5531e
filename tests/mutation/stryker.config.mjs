// @ts-check
/**
 * `npm run mutation`: Stryker (9.x: 10 needs Node 22) with its vitest runner over the pure domain code,
 * judged by the unit suite (tests/mutation/vitest.config.ts). Incremental: the committed
 * tests/mutation/incremental.json lets a run after a change test only the mutants whose code or tests changed.
 * tests/mutation/floors.ts then reads the report and fails when a folder falls below its floor.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import { rmSync } from 'node:fs';

// MUTATION_PART=<folder of bot/domain> runs one folder with its own incremental file and report (a full run
// takes hours on two cores; parts add up: tests/mutation/floors.ts reads several reports). MUTATION_PART=top runs
// the files directly under bot/domain (their floor is `bot/domain`'s).
const part = process.env.MUTATION_PART;
if (part !== undefined && !/^[a-z-]+$/.test(part)) throw new Error(`MUTATION_PART=${part}: a folder of bot/domain, such as schedule`);

/**
 * A part's files: the whole folder, or with MUTATION_FILES=<name>,<name>… only those files of it (without `.ts`),
 * so a large folder can be measured a chunk at a time. The part's incremental file keeps only what the last run
 * mutated, so each chunk's run names the files of every chunk before it too: their results are reused, and the
 * part grows to the whole folder.
 */
function partFiles(folder) {
  const files = process.env.MUTATION_FILES;
  const dir = folder === 'top' ? 'bot/domain' : `bot/domain/${folder}`;
  if (!files) return [folder === 'top' ? `${dir}/*.ts` : `${dir}/**/*.ts`];
  const names = files.split(',').map((n) => n.trim()).filter(Boolean);
  const bad = names.find((n) => !/^[a-z0-9-]+$/.test(n));
  if (bad !== undefined) throw new Error(`MUTATION_FILES: "${bad}" is not a file name of ${dir} (without .ts)`);
  return names.map((n) => `${dir}/${n}.ts`);
}

// A run of a whole part supersedes the chunks' report.
if (part !== undefined && !process.env.MUTATION_FILES) rmSync(`artifacts/mutation/parts/${part}.partial.json`, { force: true });

export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'tests/mutation/vitest.config.ts' },
  mutate: part ? partFiles(part) : ['bot/domain/**/*.ts'],
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level table or pattern) needs the whole unit suite per mutant (35–75 s each here);
  // they are left out (counted as ignored, not in the score) unless MUTATION_STATIC=1 asks for the long run.
  ignoreStatic: process.env.MUTATION_STATIC !== '1',
  incremental: true,
  incrementalFile: part ? `tests/mutation/parts/${part}.json` : 'tests/mutation/incremental.json',
  reporters: ['progress', 'clear-text', 'json'],
  // A chunk's report is `<part>.partial.json`: tests/mutation/floors.ts shows it as partial and floors no part of a folder.
  jsonReporter: { fileName: part ? `artifacts/mutation/parts/${part}${process.env.MUTATION_FILES ? '.partial' : ''}.json` : 'artifacts/mutation/report.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  ignorePatterns: ['.stryker-tmp*', 'dist', 'artifacts', 'bench', 'docs', '.ci', 'data', 'tests/integration', 'tests/browser', 'tests/soak', 'tests/corpus/texts'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 85, break: null },
};
