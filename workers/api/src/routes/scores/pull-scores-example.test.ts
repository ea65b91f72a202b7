import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { pullChanges, type ScoreChange } from '../../../../../docs/examples/pull-scores.mjs';
import { freshCycle, saveInputs, submissionOf } from '../../../test/campaign.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { runScheduler } from '../../../test/scoring.ts';
import { gzFullEmploymentInputs } from '../../seed/invented-inputs.ts';

/**
 * docs/api.md's example, run: docs/examples/pull-scores.mjs against the real worker (its
 * fetch), with a scores:read client's id and secret, as an integrator would run it. If the
 * guide's flow breaks — the token request, the feed, the cursor — this fails.
 */

let t: TestTenant;
let cycleId: string;

const worker = (input: string, init?: RequestInit) =>
  exports.default.fetch(input, {
    ...init,
    headers: { ...(init?.headers as Record<string, string>), 'cf-connecting-ip': '10.77.0.1' },
  });

async function pull(cursor: string | null) {
  const seen: ScoreChange[] = [];
  const result = await pullChanges({
    baseUrl: 'http://kaoping.test',
    clientId: t.clients.readerClient.id,
    clientSecret: t.clients.readerClient.secret,
    cursor,
    onChange: (change) => {
      seen.push(change);
    },
    fetch: worker,
  });
  return { ...result, seen };
}

beforeAll(async () => {
  t = await createTestTenant();
  cycleId = (
    await freshCycle(t, {
      units: [t.units.village, t.units.siblingVillage, t.units.community].map((u) => ({
        org_unit_id: u.id,
      })),
    })
  ).id;
  await runScheduler();
});

describe('docs/examples/pull-scores.mjs', () => {
  it('pulls everything, then only what changed, then nothing', async () => {
    const first = await pull(null);
    expect(first.pulled).toBe(3);
    expect(first.seen.every((c) => c.scorecard !== undefined)).toBe(true);

    const village = await submissionOf(t, cycleId, t.units.village.id);
    await saveInputs(village.id, t.tokens.reporter, gzFullEmploymentInputs('甲村', 'village', 0.9));
    await runScheduler();

    const second = await pull(first.cursor);
    expect(second.seen.map((c) => c.org_unit.id)).toEqual([t.units.village.id]);
    expect(second.seen[0]!.change_seq).toBeGreaterThan(
      Math.max(...first.seen.map((c) => c.change_seq)),
    );

    const third = await pull(second.cursor);
    expect(third.pulled).toBe(0);
    expect(third.cursor).toBe(second.cursor);
  });
});
