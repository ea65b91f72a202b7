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
    hookTimeout: 180_000,
    // One story: after the first failure the rest only wait for what never came.
    bail: 1,
  },
});
