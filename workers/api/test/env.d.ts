import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** Generated per run by vitest.config.ts. */
      JWT_SIGNING_KEYS: string;
      BUILD_VERSION: string;
    }
  }
}
