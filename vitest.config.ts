import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The slow fault cases (outages, crash loops) run in `npm run test:faults` (vitest.faults.config.ts).
    exclude: ['tests/faults/slow/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
