// @ts-check
/**
 * `npm run mutation`: Stryker (9.x: 10 needs Node 22) with its vitest runner over the pure domain code,
 * judged by the unit suite (tests/mutation/vitest.config.ts). Incremental: the committed
 * tests/mutation/incremental.json lets a run after a change test only the mutants whose code or tests changed.
 * tests/mutation/floors.ts then reads the report and fails when a folder falls below its floor.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'tests/mutation/vitest.config.ts' },
  mutate: ['bot/domain/**/*.ts'],
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level table or pattern) needs the whole unit suite per mutant (35–75 s each here);
  // they are left out (counted as ignored, not in the score) unless MUTATION_STATIC=1 asks for the long run.
  ignoreStatic: process.env.MUTATION_STATIC !== '1',
  incremental: true,
  incrementalFile: 'tests/mutation/incremental.json',
  reporters: ['progress', 'clear-text', 'json'],
  jsonReporter: { fileName: 'artifacts/mutation/report.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  ignorePatterns: ['dist', 'artifacts', 'bench', 'docs', '.ci', 'data', 'tests/integration', 'tests/browser', 'tests/soak', 'tests/corpus/texts'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 85, break: null },
};
