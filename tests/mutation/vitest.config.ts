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
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
