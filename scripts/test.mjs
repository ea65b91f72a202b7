// `pnpm test`: strict typecheck, lint/format check, then every test suite in
// the workspace. Stops at the first failing step and exits non-zero.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { bin, childEnv, root, run } from './lib.mjs';

const tsconfigs = [
  'packages/standards/tsconfig.json',
  'packages/standards/tsconfig.test.json',
  'packages/db/tsconfig.json',
  'packages/ui/tsconfig.json',
  'packages/ui/tsconfig.test.json',
  'workers/api/tsconfig.json',
  'workers/scheduler/tsconfig.json',
  'workers/api/load/tsconfig.json',
  'bench/tsconfig.json',
];
const suites = [
  'packages/standards',
  'packages/db',
  'workers/api',
  'workers/scheduler',
  'packages/ui',
];

const steps = [
  ...tsconfigs.map((p) => ({ name: `typecheck ${p}`, cmd: bin('tsc'), args: ['-p', p] })),
  { name: 'lint + format (biome)', cmd: bin('biome'), args: ['check', '.'] },
  { name: 'build ui', cmd: process.execPath, args: ['packages/ui/build.mjs'] },
  ...['wrangler.toml', 'workers/scheduler/wrangler.toml'].map((config) => ({
    name: `deploy dry-run ${config}`,
    cmd: bin('wrangler'),
    args: ['deploy', '--dry-run', '-c', config, '--outdir', '.wrangler/dry-run'],
  })),
  ...suites.map((dir) => ({
    name: `tests ${dir}`,
    cmd: bin('vitest'),
    args: ['run'],
    cwd: resolve(root, dir),
  })),
  // The resilience table: the api and scheduler suites above wrote their figures; this
  // adds the load tests (a real `wrangler dev`) and fails on any 5xx, loss or duplicate.
  {
    name: 'resilience (pnpm test:resilience)',
    cmd: process.execPath,
    args: ['scripts/test-resilience.mjs', '--reuse'],
  },
  // Browser tests: chromium against one real `wrangler dev` on its own port and D1.
  {
    name: 'e2e packages/ui (chromium + wrangler dev)',
    cmd: bin('vitest'),
    args: ['run', '--config', 'packages/ui/e2e/vitest.config.ts'],
  },
];

// One id for every step of this run, so the resilience step knows fresh results from stale.
const env = { ...childEnv, KAOPING_TEST_RUN: randomUUID() };
const only = process.argv.slice(2);
const results = [];
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.includes(o))) continue;
  console.log(`\n▶ ${step.name}`);
  const started = performance.now();
  const code = await run(step.cmd, step.args, step.cwd ? { cwd: step.cwd, env } : { env });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  results.push({ step: step.name, ok: code === 0, seconds });
  if (code !== 0) break;
}
console.log('\nstep'.padEnd(52), 'result', 'seconds');
for (const r of results) console.log(r.step.padEnd(50), r.ok ? ' ok   ' : ' FAIL ', r.seconds);
const failed = results.some((r) => !r.ok) || results.length === 0;
process.exit(failed ? 1 : 0);
