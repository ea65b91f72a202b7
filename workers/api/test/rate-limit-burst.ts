import { expect } from 'vitest';
import { RATE_LIMIT_PERIOD_SECONDS } from '../src/lib/rate-limit.ts';

/**
 * The rate limiters count in fixed windows aligned to the wall clock (miniflare's binding, like
 * Cloudflare's "simple" limits: every key rolls over at the same instant). A burst can therefore
 * straddle a window edge and find a fresh count halfway, and a fixed-size burst may see no 429 at
 * all — which failed CI once. Across at most two windows, 2 × limit + 1 requests must overflow
 * one of them, so a burst that stops at the first refusal is certain to see one.
 *
 * The deployed binding is approximate and counts per Cloudflare location (../shared/RESILIENCE.md:
 * assert the share refused, not exact counts), so what is asserted of a burst is that a refusal
 * came, with Retry-After, and not before half the limit had passed.
 */

export interface Burst {
  /** Every status, in order; the last one is the refusal when there was one. */
  statuses: number[];
  /** Requests answered before the first refusal. */
  passed: number;
  /** The first 429, its body unread; undefined if none came within 2 × limit + 1. */
  refused: Response | undefined;
}

/**
 * Send `send(i)` from one caller until the limiter refuses, at most 2 × `limit` + 1 times. For a
 * key nothing else has counted, miniflare's exact counter lets between `limit` (the burst fitted
 * in one window) and 2 × `limit` (it straddled an edge) pass.
 */
export async function burstUntilRefused(
  limit: number,
  send: (i: number) => Promise<Response>,
): Promise<Burst> {
  const statuses: number[] = [];
  for (let i = 0; i < 2 * limit + 1; i++) {
    const res = await send(i);
    statuses.push(res.status);
    if (res.status === 429) return { statuses, passed: i, refused: res };
    await res.body?.cancel();
  }
  return { statuses, passed: statuses.length, refused: undefined };
}

/**
 * The burst was refused with 429 and `Retry-After`, and for a fresh key (`fresh`, the default)
 * not before half the limit had passed: the limiter is not much stricter than wrangler.toml says.
 */
export function expectRefused(burst: Burst, limit: number, fresh = true): void {
  expect(burst.refused?.status, burst.statuses.join(',')).toBe(429);
  expect(burst.refused?.headers.get('retry-after')).toBe(String(RATE_LIMIT_PERIOD_SECONDS));
  if (fresh) expect(burst.passed).toBeGreaterThanOrEqual(Math.ceil(limit / 2));
}

/**
 * Like burstUntilRefused, but the refusal lands at least `marginMs` before its window ends, so
 * the caller's next request still counts in the same, full window (a test that asserts "the next
 * one is refused too"). Waits for the next window when the first burst ended too close to the
 * edge: up to `marginMs`, so the test's timeout must allow for it.
 */
export async function refusedWithMargin(
  limit: number,
  send: (i: number) => Promise<Response>,
  marginMs = 5_000,
): Promise<Burst> {
  const burst = await burstUntilRefused(limit, send);
  const left = msLeftInWindow();
  if (burst.refused && left >= marginMs) return burst;
  await burst.refused?.body?.cancel();
  await new Promise((resolve) => setTimeout(resolve, left + 50));
  return burstUntilRefused(limit, send);
}

function msLeftInWindow(): number {
  const period = RATE_LIMIT_PERIOD_SECONDS * 1000;
  return period - (Date.now() % period);
}
