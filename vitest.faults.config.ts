import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: the #9 fault cases that take more than a few seconds each. */
export default defineConfig({
  test: {
    include: ['tests/faults/slow/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One file at a time: these spawn worker processes and stop Redis; in parallel on 2 cores they
    // starve each other (SQLite's synchronous lock waits pause whole processes).
    fileParallelism: false,
  },
});
