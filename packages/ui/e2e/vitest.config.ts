import { defineConfig } from 'vitest/config';

// Browser tests: one `wrangler dev` for the whole run (global-setup.ts),
// Debian's chromium driven by playwright-core, files one after another.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['./global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    // A screen waits on the API and the page: on a busy 2-core machine a second is too little.
    expect: { poll: { timeout: 30_000, interval: 200 } },
    hookTimeout: 180_000,
    // One story: after the first failure the rest only wait for what never came.
    bail: 1,
  },
});
