import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { record } from '../../../../scripts/resilience/record.ts';
import { CLOCK_TOLERANCE_SECONDS } from '../../src/auth/keys.ts';
import { signAccessToken } from '../../src/auth/tokens.ts';
import { call } from '../http.ts';
import { lightTenant } from './fault-http.ts';
import { tenantFingerprint } from './tenant-state.ts';

/**
 * RESILIENCE.md: "Clock skew of ±2 minutes on tokens" (leases: workers/scheduler/test/
 * resilience/run-faults.test.ts). A token minted by a Worker whose clock runs `skew`
 * seconds off ours: behind, it is simply older and valid; ahead by no more than the
 * verifier's tolerance, valid; further ahead, refused with 401 (fail closed) — for a read
 * and for a write, which then changes nothing.
 */
describe('clock skew on access tokens', { timeout: 60_000 }, () => {
  it('from 3 min behind to 3 min ahead: valid within tolerance, else 401; never a 5xx', async ({
    task,
  }) => {
    const t = await lightTenant();
    const subject = { kind: 'user' as const, tenantId: t.id, userId: t.adminId };
    let tried = 0;
    let fiveXX = 0;
    let stateChanges = 0;
    const wrong: string[] = [];
    const skews = [-180, -150, -120, -90, -45, -15, 0, 15, 45, 55, 75, 90, 120, 150, 180];
    for (const skew of skews) {
      const { token } = await signAccessToken(env, subject, new Date(Date.now() + skew * 1000));
      const valid = skew <= CLOCK_TOLERANCE_SECONDS - 5;
      const before = await tenantFingerprint(t.id);
      const read = await call('/v1/me', { token });
      const write = await call('/v1/org-units', {
        token,
        body: { parent_id: t.root.id, kind: 'town', name: `时钟镇${skew + 1000}` },
      });
      tried += 2;
      for (const res of [read, write]) if (res.status >= 500) fiveXX += 1;
      const expected = valid ? [200, 201] : [401, 401];
      if (read.status !== expected[0] || write.status !== expected[1]) {
        wrong.push(`${skew} s: ${read.status}/${write.status}`);
      }
      if (!valid && (await tenantFingerprint(t.id)) !== before) stateChanges += 1;
    }
    record(task, { family: 'clock-skew', tried, fiveXX, stateChanges });
    expect(wrong).toEqual([]);
    expect(stateChanges).toBe(0);
  });
});
