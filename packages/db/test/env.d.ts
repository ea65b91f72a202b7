import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      /** A second database, for the tenant→shard table's tests. */
      DB_SHARD_1: D1Database;
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
