import { defineConfig } from 'vitest/config';

/**
 * The unit suite as `npm run mutation` runs it (Stryker's vitest runner).
 * The runner forces vitest's `threads` pool, where a test's `process.env.TZ` has no effect on the worker's
 * clock: the two files that change TZ (host-tz, package-agreement) stay out of this run and keep running in
 * their own process in `npm test`, so no mutant is "killed" or "survives" by a TZ test that did not test.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/faults/properties.test.ts'],
    exclude: ['tests/unit/schedule/host-tz.test.ts', 'tests/unit/schedule/package-agreement.test.ts', 'node_modules/**'],
    // A mutant is switched on at run time (a global the instrumented code reads on every call), so test files may
    // share one module cache: measured on reply/expected-on.ts (102 mutants), 3 min 29 s instead of 4 min 23 s,
    // the same 92 killed. A static mutant (a module-level table) is read once at import: MUTATION_STATIC=1 isolates.
    isolate: process.env.MUTATION_STATIC === '1',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
