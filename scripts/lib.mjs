// Small helpers shared by the dev, seed and test scripts.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const bin = (name) => resolve(root, 'node_modules/.bin', name);
/** Where `pnpm dev` keeps the local D1 (and R2, queues) state. */
export const persistTo = resolve(root, '.wrangler/state');

export const childEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  // Put the workspace's Node 22 first even when a script is started with another node.
  PATH: `${resolve(root, 'node_modules/.bin')}:${process.env.PATH}`,
};

/** Run a command, streaming its output; resolves with its exit code. */
export function run(cmd, args, options = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: childEnv, ...options });
    child.on('exit', (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
  });
}

export async function mustRun(cmd, args, options) {
  const code = await run(cmd, args, options);
  if (code !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} exited with ${code}`);
    process.exit(code);
  }
}
