// `pnpm dev`: build the UI, migrate and seed the local D1, then run the api and
// scheduler workers in one wrangler session on http://127.0.0.1:8787.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bin, mustRun, persistTo, root, run } from './lib.mjs';

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
const version = `${pkg.version}+${sha}`;

// The api worker's JWT signing key: a Worker secret in production
// (docs/operations.md). Locally it lives in .dev.vars (git-ignored), made
// here once with a fresh ES256 key so no key is ever committed.
const devVars = resolve(root, '.dev.vars');
const existing = existsSync(devVars) ? readFileSync(devVars, 'utf8') : '';
if (!/^JWT_SIGNING_KEYS=/m.test(existing)) {
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

await mustRun(process.execPath, [resolve(root, 'packages/ui/build.mjs')]);
await mustRun(bin('wrangler'), [
  'd1',
  'migrations',
  'apply',
  'kaoping',
  '--local',
  '--persist-to',
  persistTo,
]);
await mustRun(process.execPath, [resolve(root, 'scripts/seed.mjs')]);

console.log(`\n考评 Kaoping ${version} → http://127.0.0.1:8787  (API /v1, docs /docs)\n`);
const code = await run(bin('wrangler'), [
  'dev',
  '-c',
  'wrangler.toml',
  '-c',
  'workers/scheduler/wrangler.toml',
  '--ip',
  '127.0.0.1',
  '--port',
  process.env.PORT ?? '8787',
  '--persist-to',
  persistTo,
  '--test-scheduled',
  '--var',
  `BUILD_VERSION:${version}`,
  ...process.argv.slice(2),
]);
process.exit(code);
