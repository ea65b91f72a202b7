import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { ResilienceReporter } from '../../scripts/resilience/reporter.mjs';

// The scheduler's tests run in workerd against its own wrangler.toml, with the
// real migrations applied to the test D1 (test/setup.ts). The worker's queue
// consumers are real too; tests call queue() themselves with the messages the
// worker sent, so the producer the worker sees is pointed at a queue nothing
// consumes ("held"). LIVE_SCORING_QUEUE sends to the real consumer, for the
// end-to-end test that miniflare delivers, retries and dead-letters.
export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations('../../migrations'),
          ENVIRONMENT: 'test',
        },
        queueProducers: {
          SCORING_QUEUE: { queueName: 'kaoping-scoring-held' },
          LIVE_SCORING_QUEUE: { queueName: 'kaoping-scoring' },
        },
      },
    })),
  ],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    // Scoring runs are global (a cron tick scores every tenant's work): test files share
    // nothing, but tests within a file run one after another.
    testTimeout: 60_000,
    // What the resilience suites measured, for `pnpm test:resilience` (scripts/resilience/).
    reporters: ['default', new ResilienceReporter('scheduler')],
  },
});
