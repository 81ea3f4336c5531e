import { defineConfig } from 'vitest/config';

/** Files that set process.env.TZ before importing what reads it: each gets a fresh module cache. */
const OWN_PROCESS = ['tests/unit/schedule/host-tz.test.ts', 'tests/unit/schedule/package-agreement.test.ts'];

/**
 * The pass on PostgreSQL (`npm run test:postgres`) runs what can meet a store: the unit tests and the corpus are
 * pure (no store, no Redis, no process: nothing there opens tests/helpers/temp-store.ts or bot-harness.ts), so
 * the SQLite pass has already run them against the very same code; so are the fake Feishu's own tests, the
 * command line's help and usage mistakes (answered before any store is opened), and the demo's command (its store
 * is always its own SQLite file, data/demo.db).
 */
const ON_POSTGRES = process.env.TEST_DATABASE === 'postgres';
const PURE = ['tests/unit/**', 'tests/corpus/**', 'tests/integration/sandbox/**', 'tests/integration/cli-help.test.ts', 'tests/integration/demo-cli.test.ts'];

export default defineConfig({
  test: {
    // Timeouts only detect a hang: no test asserts how fast anything runs (speed lives in bench/).
    // Generous so a loaded 2-core machine still passes: the slowest command-line cases take 40 s quiet, and a
    // CI run on a machine loaded by soaks (load 10–18) failed three SQLite cases with 120 s (which ones, its
    // log's kept tail does not say; the same commit passed whole on a quiet machine).
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Most files wait on Redis, HTTP and child processes rather than the CPU: four at a time keep a
    // 2-core machine busy (vitest's default there is one file at a time).
    maxWorkers: 4,
    // TEST_DATABASE=postgres: prepares the template database (tests/helpers/test-database.ts).
    globalSetup: ['tests/helpers/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/**/*.test.ts'],
          // The slow fault cases (outages, crash loops) run in `npm run test:faults` (vitest.faults.config.ts).
          exclude: ['tests/faults/slow/**', 'node_modules/**', ...OWN_PROCESS, ...(ON_POSTGRES ? PURE : [])],
          // Files share a worker's module cache (the SDK, Prisma and BullMQ load once per worker, not
          // once per file): the code keeps no module-level state and every test builds its own bot.
          isolate: false,
          // So a file that leaves process.env changed fails, and changes nothing for the files after it.
          setupFiles: ['tests/helpers/env-guard.ts'],
        },
      },
      ...(ON_POSTGRES ? [] : [{ extends: true as const, test: { name: 'isolated', include: OWN_PROCESS, isolate: true } }]),
    ],
  },
});
