import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  D1_BACKOFF_BASE_MS,
  D1_BACKOFF_CAP_MS,
  D1_WRITE_ATTEMPTS,
  d1Trouble,
  mayRetry,
  OVERLOAD_COOL_DOWN_MS,
  resetD1CoolDown,
} from './d1-retry.ts';

const wrapped = (message: string) =>
  new Error('Failed query: insert into "org_units" …', { cause: new Error(message) });

describe('D1 trouble', () => {
  it('recognises D1’s transient and overload messages, also wrapped by drizzle', () => {
    for (const m of [
      'D1_ERROR: Network connection lost.',
      'D1_ERROR: Internal error while starting up D1 DB storage caused object to be reset.',
      'D1_ERROR: D1 DB reset because its code was updated.',
      'D1_ERROR: D1 DB storage operation exceeded timeout which caused object to be reset.',
      'D1_ERROR: Cannot resolve D1 DB due to transient issue on remote node.',
    ]) {
      expect(d1Trouble(new Error(m)), m).toBe('transient');
      expect(d1Trouble(wrapped(m)), m).toBe('transient');
    }
    for (const m of [
      'D1_ERROR: D1 DB is overloaded. Requests queued for too long.',
      'D1_ERROR: D1 DB is overloaded. Too many requests queued.',
    ]) {
      expect(d1Trouble(wrapped(m)), m).toBe('overloaded');
    }
  });

  it('leaves the errors that are the request’s own alone', () => {
    for (const m of [
      'D1_ERROR: UNIQUE constraint failed: org_units.tenant_id, org_units.code: SQLITE_CONSTRAINT',
      'D1_ERROR: kaoping_guard:stale_version',
      'D1_TYPE_ERROR: Type undefined is not supported',
      'D1_ERROR: too many SQL variables',
    ]) {
      expect(d1Trouble(wrapped(m)), m).toBeNull();
    }
    expect(d1Trouble(undefined)).toBeNull();
  });
});

describe('backoff', () => {
  it('is full jitter under an exponential ceiling, capped', () => {
    for (let retry = 1; retry <= 8; retry++) {
      const ceiling = Math.min(D1_BACKOFF_CAP_MS, D1_BACKOFF_BASE_MS * 2 ** (retry - 1));
      expect(backoffMs(retry, () => 0)).toBe(0);
      expect(backoffMs(retry, () => 0.999_999)).toBe(ceiling - 1);
    }
    expect(backoffMs(20, () => 0.5)).toBe(D1_BACKOFF_CAP_MS / 2);
  });

  it('retries transient trouble a bounded number of times, overload never', () => {
    resetD1CoolDown();
    const transient = new Error('D1_ERROR: Network connection lost.');
    for (let attempt = 1; attempt < D1_WRITE_ATTEMPTS; attempt++) {
      expect(mayRetry(transient, attempt)).toBe(true);
    }
    expect(mayRetry(transient, D1_WRITE_ATTEMPTS)).toBe(false);
    expect(mayRetry(new Error('D1_ERROR: UNIQUE constraint failed: x'), 1)).toBe(false);
  });

  it('after an overload, the isolate retries nothing until the cool-down passes', () => {
    resetD1CoolDown();
    const now = 1_000_000;
    const transient = new Error('D1_ERROR: Network connection lost.');
    expect(
      mayRetry(new Error('D1_ERROR: D1 DB is overloaded. Too many requests queued.'), 1, now),
    ).toBe(false);
    expect(mayRetry(transient, 1, now + 1)).toBe(false);
    expect(mayRetry(transient, 1, now + OVERLOAD_COOL_DOWN_MS - 1)).toBe(false);
    expect(mayRetry(transient, 1, now + OVERLOAD_COOL_DOWN_MS)).toBe(true);
    resetD1CoolDown();
  });
});
