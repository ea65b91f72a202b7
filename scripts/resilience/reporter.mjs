// A vitest reporter that collects what the resilience suites measured. Tests attach
// records to their task meta (scripts/resilience/record.ts); this reporter, on the Node
// side, gathers them after the run and writes one JSON file per suite under
// test-results/resilience/, stamped with the run id `pnpm test` hands every step
// (KAOPING_TEST_RUN), so `pnpm test:resilience` can tell fresh results from stale ones.
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { root } from '../lib.mjs';
import { familyOfFile } from './families.mjs';

export const resultsDir = resolve(root, 'test-results/resilience');

/** The file a suite's results go to. */
export function resultsFile(suite) {
  return resolve(resultsDir, `${suite}.json`);
}

export class ResilienceReporter {
  /** @param {string} suite  e.g. "api", "scheduler", "load" */
  constructor(suite) {
    this.suite = suite;
    this.started = Date.now();
  }

  onTestRunStart() {
    this.started = Date.now();
  }

  /** @param {ReadonlyArray<import('vitest/node').TestModule>} testModules */
  onTestRunEnd(testModules, unhandledErrors) {
    const records = [];
    const tests = [];
    for (const module of testModules) {
      const file = relative(root, module.moduleId);
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        tests.push({ file, name: test.fullName, state });
        const meta = test.meta();
        const passed = state === 'passed';
        for (const record of meta.resilience ?? []) {
          records.push({ ...record, file, test: test.fullName, passed });
        }
        // Requests a test sent through test/http.ts, counted for its file's family.
        const family = familyOfFile(file);
        if (!meta.resilience && meta.requests && family) {
          const { count, fiveXX } = meta.requests;
          records.push({
            family,
            tried: count,
            fiveXX,
            file,
            test: test.fullName,
            passed,
            counted: true,
          });
        }
      }
    }
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(
      resultsFile(this.suite),
      `${JSON.stringify(
        {
          suite: this.suite,
          run: process.env.KAOPING_TEST_RUN ?? null,
          started: new Date(this.started).toISOString(),
          seconds: (Date.now() - this.started) / 1000,
          failed: unhandledErrors.length > 0 || tests.some((t) => t.state === 'failed'),
          tests: tests.length,
          records,
        },
        null,
        1,
      )}\n`,
    );
  }
}
