// Small helpers shared by the dev, seed and test scripts.
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

/** `0.1.0+<short sha>`: the version /healthz reports for a local build. */
export function localVersion() {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  let sha = 'local';
  try {
    sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
  } catch {
    // not a git checkout: keep "local"
  }
  return `${pkg.version}+${sha}`;
}

/**
 * The api worker's JWT signing key: a Worker secret in production
 * (docs/operations.md). Locally it lives in .dev.vars (git-ignored), made
 * here once with a fresh ES256 key so no key is ever committed.
 */
export function ensureDevSigningKey() {
  const devVars = resolve(root, '.dev.vars');
  const existing = existsSync(devVars) ? readFileSync(devVars, 'utf8') : '';
  if (/^JWT_SIGNING_KEYS=/m.test(existing)) return;
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: `dev-${randomBytes(4).toString('hex')}`,
    alg: 'ES256',
  };
  const line = `JWT_SIGNING_KEYS='${JSON.stringify([jwk])}'`;
  writeFileSync(devVars, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${line}\n`);
  console.log(`✓ wrote a local JWT signing key (kid ${jwk.kid}) to .dev.vars`);
}

/**
 * The commands that make a local D1 ready: migrations, then the idempotent demo seed.
 * @returns {[string, string[]][]}
 */
export function prepareLocalDbCommands(persistDir = persistTo) {
  return [
    [
      bin('wrangler'),
      ['d1', 'migrations', 'apply', 'kaoping', '--local', '--persist-to', persistDir],
    ],
    [process.execPath, [resolve(root, 'scripts/seed.mjs'), '--persist-to', persistDir]],
  ];
}

/** `wrangler dev` arguments for the api worker (and, by default, the scheduler) on a local D1. */
export function wranglerDevArgs({
  port,
  persistDir = persistTo,
  version = localVersion(),
  configs = ['wrangler.toml', 'workers/scheduler/wrangler.toml'],
}) {
  return [
    'dev',
    ...configs.flatMap((config) => ['-c', config]),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    persistDir,
    '--var',
    `BUILD_VERSION:${version}`,
  ];
}
