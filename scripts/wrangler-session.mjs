// A real `wrangler dev` of the api worker (with the scheduler in the same session, as `pnpm
// dev` runs them) for the browser and load tests: its own free loopback port, its own D1 in a
// temporary directory, migrated and seeded exactly as `pnpm dev` does, in its own process
// group so stopping it stops workerd too, and deleted afterwards.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
} from './lib.mjs';

/** A port nothing listens on now, on loopback. */
export function freePort() {
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

/** Like lib.mjs's mustRun, but throws (a test's setup must fail, not exit the runner). */
async function mustRun(cmd, args, what) {
  const code = await run(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (code !== 0) throw new Error(`${what} failed (exit ${code}): ${cmd} ${args.join(' ')}`);
}

async function waitForHealth(origin, child, log) {
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

/** SIGTERM to the child's process group; SIGKILL after 5 s. */
function stopGroup(child) {
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

/**
 * Starts the session and resolves once /healthz answers.
 * @param {{ label: string, buildUi: 'always' | 'if-missing', extraArgs?: string[], logFile?: string }} options
 *   `label`: the temporary directory's prefix and the version /healthz reports.
 *   `logFile`: where all of wrangler's output is also written (a failed test's first clue).
 * @returns {Promise<{ origin: string, persistDir: string, stop(): Promise<void> }>}
 */
export async function startWranglerSession({ label, buildUi, extraArgs = [], logFile }) {
  // The api serves the UI's files as static assets: the directory must exist.
  if (buildUi === 'always' || !existsSync(join(root, 'packages/ui/dist/index.html'))) {
    await mustRun(process.execPath, [join(root, 'packages/ui/build.mjs')], 'building the UI');
  }
  ensureDevSigningKey();
  const persistDir = mkdtempSync(join(tmpdir(), `kaoping-${label}-`));
  for (const [cmd, args] of prepareLocalDbCommands(persistDir)) {
    await mustRun(cmd, args, 'preparing the local D1');
  }
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(
    bin('wrangler'),
    [
      ...wranglerDevArgs({ port, persistDir, version: label }),
      '--inspector-port',
      String(inspectorPort),
      '--show-interactive-dev-session=false',
      ...extraArgs,
    ],
    { cwd: root, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  if (logFile) writeFileSync(logFile, '');
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (logFile) appendFileSync(logFile, chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    await stopGroup(child);
    rmSync(persistDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(origin, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, persistDir, stop };
}
