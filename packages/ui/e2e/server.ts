// A real `wrangler dev` for the browser tests: its own free port and its own
// D1 in a temporary directory, migrated and seeded the way `pnpm dev` does
// (scripts/lib.mjs), stopped and deleted afterwards. Like `pnpm dev`, the api
// session also hosts the scheduler, ticked through the api's /__dev/tick
// (scripts/dev-scheduler.mjs), so what the browser submits gets scored.
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSchedulerTicker } from '../../../scripts/dev-scheduler.mjs';
import { startWranglerSession } from '../../../scripts/wrangler-session.mjs';

/** Where a failed step's screenshots and the session's whole log (api.log) are kept. */
export const FAILURES_DIR = join(tmpdir(), 'kaoping-e2e-failures');

/** How often the browser tests' scheduler runs a scoring tick. */
const SCHEDULER_TICK_SECONDS = 2;

export interface RunningServer {
  origin: string;
  /** The api's request log lines that answered 5xx (the scheduler ticks included). */
  serverErrors(): string[];
  stop(): Promise<void>;
}

const FIVE_XX = /"msg":"request".*"status":5\d\d/;

/** Build the UI, prepare a fresh D1, start the api worker; resolves once /healthz answers. */
export async function startServer(): Promise<RunningServer> {
  const started = performance.now();
  mkdirSync(FAILURES_DIR, { recursive: true });
  const logFile = join(FAILURES_DIR, 'api.log');
  const session = await startWranglerSession({ label: 'e2e', buildUi: 'always', logFile });
  const { origin } = session;
  console.log(
    `wrangler dev for the browser tests on ${origin} (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  // Ticked often: a story waits for its scores, and an idle tick is one query.
  const ticker = startSchedulerTicker({ origin, seconds: SCHEDULER_TICK_SECONDS });
  return {
    origin,
    serverErrors: () =>
      readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((l) => FIVE_XX.test(l)),
    async stop() {
      ticker.stop();
      await session.stop();
    },
  };
}
