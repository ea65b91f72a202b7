// What a resilience test measured, attached to the test's task meta so the reporter
// (scripts/resilience/reporter.mjs) can collect it on the Node side — the numbers in the
// `pnpm test:resilience` table come from here, never typed by hand. Works in workerd and
// in Node alike: task meta is serialised back to vitest's main process with the result.

/**
 * The families of RESILIENCE.md, each under one of the table's groups
 * (scripts/resilience/table.mjs says which).
 */
export type ResilienceFamily =
  | 'tokens'
  | 'secrets'
  | 'authz'
  | 'domain'
  | 'shapes'
  | 'concurrency'
  | 'limits'
  | 'evidence'
  | 'imports'
  | 'd1-write'
  | 'd1-transient'
  | 'scheduler'
  | 'queue'
  | 'clock-skew'
  | 'soak'
  | 'pull-50'
  | 'pull-200'
  | 'reads-idle'
  | 'reads-during-run'
  | 'deadline-burst';

export interface ResilienceRecord {
  family: ResilienceFamily;
  /** Requests sent, inputs tried or faults injected. */
  tried: number;
  /** 5xx answers nobody asked for (500s, or a 503 without Retry-After). */
  fiveXX?: number;
  /** 503 + Retry-After answers to an overload the test injected: the designed answer. */
  designed503?: number;
  /** Requests that were refused (or had to change nothing) yet changed the database. */
  stateChanges?: number;
  /** Answers that carried another tenant's id (cross-tenant reads). */
  foreignIds?: number;
  /** Records a clean run has that this run lacks. */
  lost?: number;
  /** Records this run has more of than a clean run. */
  duplicated?: number;
  /** Latencies in milliseconds, where the test timed requests. */
  p50?: number;
  p99?: number;
  /** Requests per second, where the test timed a window. */
  rps?: number;
}

interface MetaTask {
  meta: object;
}

/** Adds a record to the test's meta; several records per test are summed by family. */
export function record(task: MetaTask, entry: ResilienceRecord): void {
  const meta = task.meta as { resilience?: ResilienceRecord[] };
  meta.resilience ??= [];
  meta.resilience.push(entry);
}

/** The value at quantile q (0–1) of `values` (nearest rank), 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round(sorted[rank]! * 10) / 10;
}
