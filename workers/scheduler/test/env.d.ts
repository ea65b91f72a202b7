import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** The real scoring queue (its consumer is the worker under test). */
      LIVE_SCORING_QUEUE: Queue;
    }
  }
}
