// A real `wrangler dev` for the load tests: the api and the scheduler in one session (the
// api's queue producer feeds the scheduler's consumer), on a free loopback port, over a D1
// in a temporary directory migrated and seeded with the demo tenants exactly as `pnpm dev`
// does (scripts/wrangler-session.mjs). Stopped and deleted afterwards.
import { startWranglerSession } from '../../../scripts/wrangler-session.mjs';

export interface RunningServer {
  origin: string;
  stop(): Promise<void>;
}

/** Prepares a fresh D1 and starts api + scheduler; resolves once /healthz answers. */
export async function startServer(): Promise<RunningServer> {
  const session = await startWranglerSession({
    label: 'load',
    buildUi: 'if-missing',
    extraArgs: ['--log-level', 'warn'],
  });
  return { origin: session.origin, stop: session.stop };
}
