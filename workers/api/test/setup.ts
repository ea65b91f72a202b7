import { applyD1Migrations, env } from 'cloudflare:test';
import { afterEach, beforeEach } from 'vitest';
import { sentRequests } from './http.ts';

// Idempotent: applyD1Migrations skips migrations already recorded.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

// Each test's requests, for the `pnpm test:resilience` table (counted per test, fixtures made
// in beforeAll left out; the reporter maps the file to a family).
beforeEach(() => {
  sentRequests.count = 0;
  sentRequests.fiveXX = 0;
});
afterEach(({ task }) => {
  if (sentRequests.count > 0) {
    (task.meta as { requests?: typeof sentRequests }).requests = { ...sentRequests };
  }
});
