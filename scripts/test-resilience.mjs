// `pnpm test:resilience`: runs the resilience suites (bad input, faults, load) and prints
// ONE table of what they tried and what went wrong — 5xx answers, state changed where none
// was allowed, answers carrying another tenant's ids, records lost or duplicated — from the
// records the suites wrote (scripts/resilience/), never typed by hand. Exits non-zero when
// a suite failed or any of those columns is not zero.
//
// `--reuse` (how `pnpm test` calls it): the api and scheduler suites have just run whole in
// this same `pnpm test` (KAOPING_TEST_RUN); their results are read instead of run again.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bin, childEnv, root, run } from './lib.mjs';
import { SUITES } from './resilience/families.mjs';
import { resultsFile } from './resilience/reporter.mjs';
import { renderTable } from './resilience/table.mjs';

const reuse = process.argv.includes('--reuse');
const runId = process.env.KAOPING_TEST_RUN ?? randomUUID();
const env = { ...childEnv, KAOPING_TEST_RUN: runId };

function readResults(name) {
  const file = resultsFile(name);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8'));
}

const started = performance.now();
const suites = [];
for (const suite of SUITES) {
  const fresh = readResults(suite.name);
  if (reuse && suite.name !== 'load' && fresh?.run === runId) {
    console.log(
      `\n▷ ${suite.name}: results of this \`pnpm test\` run (${fresh.seconds.toFixed(1)} s)`,
    );
    suites.push({
      name: suite.name,
      code: fresh.failed ? 1 : 0,
      seconds: fresh.seconds,
      reused: true,
    });
    continue;
  }
  console.log(`\n▶ resilience suite: ${suite.name}`);
  const t0 = performance.now();
  const args = ['run', ...(suite.config ? ['--config', suite.config] : []), ...suite.files];
  const code = await run(bin('vitest'), args, { cwd: resolve(root, suite.cwd), env });
  suites.push({ name: suite.name, code, seconds: (performance.now() - t0) / 1000, reused: false });
}

const records = [];
const problems = [];
for (const s of suites) {
  const results = readResults(s.name);
  if (!results || results.run !== runId) {
    problems.push(`${s.name}: wrote no results for this run`);
    continue;
  }
  if (s.code !== 0 || results.failed) problems.push(`${s.name}: a test failed (see above)`);
  records.push(...results.records);
}

const { lines, failures } = renderTable(records);
const fuzzed = records
  .filter((r) => r.file?.endsWith('openapi-fuzz.error.test.ts'))
  .reduce((n, r) => n + r.tried, 0);
if (fuzzed < 5_000) problems.push(`the OpenAPI fuzz sent ${fuzzed} requests (at least 5,000)`);

console.log(
  '\n考评 Kaoping — 韧性 resilience (RESILIENCE.md; docs/resilience.md maps each case)\n',
);
for (const line of lines) console.log(line);
console.log(
  '\n503+RA: 503 with Retry-After to an overload the test injected (the designed answer). ' +
    'changed: refused requests that changed the database. foreign: answers carrying another ' +
    "tenant's id. lost / dup: records missing from, or more than in, a clean run's outcome.",
);
console.log(`OpenAPI fuzz: ${fuzzed.toLocaleString('en')} requests, seeded (FUZZ_SEED).`);
for (const s of suites) {
  console.log(
    `suite ${s.name.padEnd(10)} ${s.code === 0 ? 'ok  ' : 'FAIL'} ${s.seconds.toFixed(1)} s${s.reused ? ' (in pnpm test)' : ''}`,
  );
}
console.log(`resilience step: ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const p of [...problems, ...failures]) console.error(`✗ ${p}`);
process.exit(problems.length + failures.length > 0 ? 1 : 0);
