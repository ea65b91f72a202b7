import { AppError } from './problem.ts';

/**
 * What to do when D1 fails for reasons of its own (docs: D1 → Observability → error list).
 *
 * - `transient`: the database object was reset or the network dropped. Retry, with
 *   exponential backoff and full jitter, a bounded number of times.
 * - `overloaded`: D1 queued our request too long. Retrying now adds to the queue that is
 *   already too long, so this request does not retry: it answers 503 with Retry-After, and
 *   for a short cool-down no request of this isolate retries anything (no retry storm).
 *
 * D1 already retries read-only queries itself (up to two more attempts), so reads are not
 * retried here; a read that still fails answers 503 with Retry-After (create-app.ts). Writes
 * are retried only where they are safe to repeat: audited batches (lib/audit.ts), which can
 * tell whether an attempt whose answer was lost committed after all.
 */
export type D1Trouble = 'transient' | 'overloaded';

const OVERLOADED = /overloaded|too many requests queued|queued for too long/i;
const TRANSIENT =
  /network connection lost|caused object to be reset|reset because its code was updated|due to transient issue/i;

/** The D1 trouble an error reports (walking `cause`, as drizzle wraps D1's errors), or null. */
export function d1Trouble(err: unknown): D1Trouble | null {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e; depth++) {
    const message = e instanceof Error ? e.message : String(e);
    if (OVERLOADED.test(message)) return 'overloaded';
    if (TRANSIENT.test(message)) return 'transient';
    e = e instanceof Error ? e.cause : undefined;
  }
  return null;
}

/** Attempts per write, the first included. */
export const D1_WRITE_ATTEMPTS = 3;
/** Backoff before retry n (1-based) is uniform in [0, min(CAP, BASE · 2^(n-1))) ms. */
export const D1_BACKOFF_BASE_MS = 40;
export const D1_BACKOFF_CAP_MS = 400;
/** After D1 said "overloaded", how long this isolate makes no retries at all. */
export const OVERLOAD_COOL_DOWN_MS = 2_000;
/** What a 503 tells the client: try again after this many seconds. */
export const RETRY_AFTER_SECONDS = 2;

let coolDownUntil = 0;

/** Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"). */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(D1_BACKOFF_CAP_MS, D1_BACKOFF_BASE_MS * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Whether attempt `attempt` (1-based) of a write that failed with `err` may be tried again.
 * An overload answer starts the isolate's cool-down and is never retried.
 */
export function mayRetry(err: unknown, attempt: number, now = Date.now()): boolean {
  const trouble = d1Trouble(err);
  if (trouble === 'overloaded') {
    coolDownUntil = now + OVERLOAD_COOL_DOWN_MS;
    return false;
  }
  return trouble === 'transient' && attempt < D1_WRITE_ATTEMPTS && now >= coolDownUntil;
}

/** For tests: forget a cool-down an earlier test started. */
export function resetD1CoolDown(): void {
  coolDownUntil = 0;
}

const BUSY = {
  zh: `数据库暂时繁忙，请在 ${RETRY_AFTER_SECONDS} 秒后重试`,
  en: `The database is busy; retry after ${RETRY_AFTER_SECONDS} seconds`,
};
const RETRY_AFTER = { headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } };

/** 503 with Retry-After: D1 is overloaded or unreachable; nothing internal is said. */
export function d1Unavailable(): AppError {
  return new AppError('overloaded', BUSY, RETRY_AFTER);
}

/**
 * The same 503, for a write that may or may not have committed (its answer was lost and
 * D1 could not be asked): callers must not undo what lives outside D1 (an evidence file),
 * since a committed row may point at it.
 */
export class WriteOutcomeUnknown extends AppError {
  constructor() {
    super('overloaded', BUSY, RETRY_AFTER);
    this.name = 'WriteOutcomeUnknown';
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
