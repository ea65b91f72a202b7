import { buildScorecardDictionary } from '@kaoping/db/scorecard-codec';
import { canonicalJson, findBuiltInPack, type Pack, sha256Hex } from '@kaoping/standards';
import { describe, expect, it } from 'vitest';
import type { CycleContext } from './cycle-context.ts';
import { inputHash, type StageRow } from './score-rows.ts';

// The snapshot key: a score is identified by everything that produced it. Anything that can
// change a scorecard changes the input hash; nothing else does.

const gz = findBuiltInPack('gz.full-employment@2024.1') as Pack;

function context(patch: Partial<CycleContext> = {}): CycleContext {
  return {
    tenantId: 'tn_1',
    cycleId: 'cyc_1',
    pin: { packKey: gz.key, packVersion: gz.version, packHash: 'a'.repeat(64), epoch: 1 },
    pack: gz,
    parameters: { passMark: 80 },
    references: { countyRate: 91.5, byUnit: { org_1: 88, org_2: 70 } },
    finalStage: 'district',
    peerRelative: false,
    dictionary: buildScorecardDictionary(gz, { passMark: 80 }),
    ...patch,
  };
}

const row: StageRow = {
  submissionId: 'sub_1',
  stage: 'self',
  orgUnitId: 'org_1',
  rowVersion: 3,
  inputs: { staffCount: 2, hasFixedDesk: true },
  assessments: { '三.10': { points: 2, reason: '无风险事件' } },
  unitKind: 'village',
};

describe('inputHash', () => {
  it('is SHA-256 of the canonical JSON of what produced the score', async () => {
    expect(await inputHash(context(), row, 'village')).toBe(
      sha256Hex(
        canonicalJson({
          assessments: row.assessments,
          inputs: row.inputs,
          kind: 'village',
          parameters: { passMark: 80 },
          references: { byUnit: 88, countyRate: 91.5 },
          unit: 'org_1',
          v: 1,
        }),
      ),
    );
  });

  it('changes with inputs, assessments, parameters, references, kind and unit — not row_version', async () => {
    const base = await inputHash(context(), row, 'village');
    const variants = [
      inputHash(context(), { ...row, inputs: { ...row.inputs, staffCount: 3 } }, 'village'),
      inputHash(context(), { ...row, assessments: {} }, 'village'),
      inputHash(context({ parameters: { passMark: 70 } }), row, 'village'),
      inputHash(context({ references: { countyRate: 90 } }), row, 'village'),
      inputHash(context(), row, 'community'),
      inputHash(context(), { ...row, orgUnitId: 'org_2' }, 'village'),
    ];
    for (const variant of await Promise.all(variants)) expect(variant).not.toBe(base);
    expect(await inputHash(context(), { ...row, rowVersion: 9 }, 'village')).toBe(base);
    // Another unit's own reference value does not touch this unit's key.
    expect(
      await inputHash(
        context({ references: { countyRate: 91.5, byUnit: { org_1: 88, org_2: 10 } } }),
        row,
        'village',
      ),
    ).toBe(base);
    // Key order in the stored JSON does not matter.
    expect(
      await inputHash(
        context(),
        { ...row, inputs: { hasFixedDesk: true, staffCount: 2 } },
        'village',
      ),
    ).toBe(base);
  });
});
