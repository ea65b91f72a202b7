import { defineConfig } from 'vitest/config';
import { ResilienceReporter } from '../../../scripts/resilience/reporter.mjs';

// Load tests: one real `wrangler dev` (api + scheduler) for the whole run (global-setup.ts),
// driven from Node over loopback, files one after another so their figures do not mix.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.load.test.ts'],
    globalSetup: ['./global-setup.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 300_000,
    reporters: ['default', new ResilienceReporter('load')],
  },
});
