import { defineConfig } from 'vitest/config';

// End-to-end tests: the built app (dist/) in Debian's Chromium via playwright-core. The files run one after
// another in ONE process (no isolation between files), so that they share the harness's server and browser
// (tests/e2e/harness.ts); every test still gets its own browser context.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120000,
    hookTimeout: 120000,
    fileParallelism: false,
    isolate: false,
    pool: 'forks',
  },
});
