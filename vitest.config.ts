import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Layout 2 of the charter PDF draws with fonts each runtime provides.
    setupFiles: ['test/support/charterFontsSetup.ts'],
  },
});
