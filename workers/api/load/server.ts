// A real `wrangler dev` for the load tests: the api and the scheduler in one session (the
// api's queue producer feeds the scheduler's consumer), on a free loopback port, over a D1
// in a temporary directory migrated and seeded with the demo tenants exactly as `pnpm dev`
// does (scripts/lib.mjs). Stopped and deleted afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bin,
  childEnv,
  ensureDevSigningKey,
  prepareLocalDbCommands,
  root,
  run,
  wranglerDevArgs,
} from '../../../scripts/lib.mjs';

export interface RunningServer {
  origin: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function mustRun(cmd: string, args: string[], what: string): Promise<void> {
  const code = await run(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (code !== 0) throw new Error(`${what} failed (exit ${code}): ${cmd} ${args.join(' ')}`);
}

async function waitForHealth(origin: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${log()}`);
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not become healthy in 120 s:\n${log()}`);
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || !child.pid) return resolve();
    const pid = child.pid;
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** Prepares a fresh D1 and starts api + scheduler; resolves once /healthz answers. */
export async function startServer(): Promise<RunningServer> {
  // The api serves the UI's files as static assets: the directory must exist.
  if (!existsSync(join(root, 'packages/ui/dist/index.html'))) {
    await mustRun(process.execPath, [join(root, 'packages/ui/build.mjs')], 'building the UI');
  }
  ensureDevSigningKey();
  const persistDir = mkdtempSync(join(tmpdir(), 'kaoping-load-'));
  for (const [cmd, args] of prepareLocalDbCommands(persistDir)) {
    await mustRun(cmd, args, 'preparing the local D1');
  }
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${port}`;
  // Its own process group, so stopping it also stops workerd.
  const child = spawn(
    bin('wrangler'),
    [
      ...wranglerDevArgs({ port, persistDir, version: 'load' }),
      '--inspector-port',
      String(inspectorPort),
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ],
    { cwd: root, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitForHealth(origin, child, () => output);
  } catch (error) {
    await stopGroup(child);
    rmSync(persistDir, { recursive: true, force: true });
    throw error;
  }
  return {
    origin,
    async stop() {
      await stopGroup(child);
      rmSync(persistDir, { recursive: true, force: true });
    },
  };
}
