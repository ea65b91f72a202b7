import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Two kinds of tests: *.node.test.ts run in Node (they shell out to
// drizzle-kit); the rest run in workerd against a real D1 with the migrations.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'db-node', include: ['test/**/*.node.test.ts'] },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            miniflare: {
              compatibilityDate: '2026-11-01',
              compatibilityFlags: ['nodejs_compat'],
              d1Databases: ['DB', 'DB_SHARD_1'],
              bindings: { TEST_MIGRATIONS: await readD1Migrations('../../migrations') },
            },
          })),
        ],
        test: {
          name: 'db-workerd',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/**/*.node.test.ts'],
          setupFiles: ['./test/setup.ts'],
        },
      },
    ],
  },
});
