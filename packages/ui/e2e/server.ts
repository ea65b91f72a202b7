// A real `wrangler dev` for the browser tests: its own free port and its own
// D1 in a temporary directory, migrated and seeded the way `pnpm dev` does
// (scripts/lib.mjs), stopped and deleted afterwards. Like `pnpm dev`, the api
// session also hosts the scheduler (it consumes the scoring queue) and a second
// scheduler on its own port is ticked (scripts/dev-scheduler.mjs), so what the
// browser submits gets scored.
import { startSchedulerTicker } from '../../../scripts/dev-scheduler.mjs';
import { freePort, startWranglerSession } from '../../../scripts/wrangler-session.mjs';

/** How often the browser tests' scheduler runs a scoring tick. */
const SCHEDULER_TICK_SECONDS = 2;

export interface RunningServer {
  origin: string;
  stop(): Promise<void>;
}

/** Build the UI, prepare a fresh D1, start the api worker; resolves once /healthz answers. */
export async function startServer(): Promise<RunningServer> {
  const started = performance.now();
  const session = await startWranglerSession({ label: 'e2e', buildUi: 'always' });
  const { origin, persistDir } = session;
  console.log(
    `wrangler dev for the browser tests on ${origin} (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  // Ticked often: a story waits for its scores, and an idle tick is one query.
  const ticker = startSchedulerTicker({
    port: await freePort(),
    waitFor: `${origin}/healthz`,
    persistDir,
    seconds: SCHEDULER_TICK_SECONDS,
    detached: true,
  });
  return {
    origin,
    async stop() {
      ticker.stop();
      await session.stop();
    },
  };
}
