import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { ResilienceReporter } from '../../scripts/resilience/reporter.mjs';

/**
 * A fresh ES256 key for each test run, passed as the JWT_SIGNING_KEYS secret:
 * no key is committed, and the tests sign and verify exactly as production does.
 */
function testSigningKeys(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  return JSON.stringify([{ ...jwk, kid: `test-${randomBytes(4).toString('hex')}`, alg: 'ES256' }]);
}

// Tests run inside workerd with the real wrangler.toml bindings and the real
// migrations applied to the test D1 (test/setup.ts).
export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: '../../wrangler.toml' },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations('../../migrations'),
          ENVIRONMENT: 'test',
          BUILD_VERSION: 'test',
          JWT_SIGNING_KEYS: testSigningKeys(),
        },
        // wrangler.toml binds the scheduler for `pnpm dev` (routes/dev). It is not built here:
        // this stand-in says what reached it, through a real service binding (whose answers,
        // like fetch()'s, have immutable headers).
        serviceBindings: {
          SCHEDULER: (request: Request) =>
            Response.json({ stand_in: true, method: request.method, url: request.url }),
        },
      },
    })),
  ],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    // At least two files at once (vitest's default is one fewer than the cores: one, on two):
    // a file spends much of its time waiting on workerd and D1, so two share two cores well —
    // measured on two cores, 493 s one at a time, 269 s two at a time. Storage is per file.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The worker logs one JSON line per request (lib/request-log.ts); thousands of test requests
    // would drown the report. test/secrets-in-logs.security.test.ts captures them itself.
    onConsoleLog: (log) => !/^\{"level":"\w+","msg":"request"/.test(log),
    // What the resilience suites measured, for `pnpm test:resilience` (scripts/resilience/).
    reporters: ['default', new ResilienceReporter('api')],
  },
});
