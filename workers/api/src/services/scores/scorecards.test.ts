import { definePack, findBuiltInPack, score } from '@kaoping/standards';
import { input } from '@kaoping/standards/expression-builders';
import { describe, expect, it } from 'vitest';
import { packSensitivity, redactScorecard, withheldFor } from './scorecards.ts';

/**
 * What a client does not see, on real scorecards: a pack with an evidence input (a reference
 * to a stored file) and an assessed item (the assessor's reason and name in its explanation).
 */

const pack = definePack({
  key: 'test.redaction',
  version: '1.0',
  title: { zh: '测试', en: 'Test' },
  issuer: { zh: '测试', en: 'Test' },
  source: { file: 'test.txt', title: 'test' },
  effectiveFrom: '2024-01-01',
  total: 5,
  unitKinds: ['village'],
  inputs: [
    { id: 'ledger', kind: 'evidence', label: { zh: '台账', en: 'Ledger' } },
    { id: 'staff', kind: 'count', label: { zh: '工作人员', en: 'Staff' } },
  ],
  categories: [{ id: '一', title: { zh: '指标', en: 'Items' }, max: 5 }],
  items: [
    {
      id: '一.1',
      category: '一',
      title: { zh: '有台账', en: 'Has a ledger' },
      max: 2,
      source: { file: 'test.txt', section: '1', quote: '有台账得2分' },
      rule: { kind: 'check', when: input('ledger'), points: 2 },
    },
    {
      id: '一.2',
      category: '一',
      title: { zh: '服务质量', en: 'Service quality' },
      max: 3,
      source: { file: 'test.txt', section: '2', quote: '酌情评分' },
      rule: {
        kind: 'assessed',
        points: 3,
        stages: ['self'],
        guidance: { zh: '酌情评分', en: 'judged' },
      },
    },
  ],
});

const card = score(
  pack,
  {},
  { ledger: ['evd_0123456789abcdef0123456789abcdef'], staff: 2 },
  {
    unitKind: 'village',
    assessments: { '一.2': { points: 2, reason: '窗口服务群众满意度高', by: '王评估' } },
  },
);
const json = JSON.stringify(card);

describe('redactScorecard', () => {
  it('finds the assessed items and evidence inputs of a pack', () => {
    const found = packSensitivity(pack);
    expect([...found.assessedItems]).toEqual(['一.2']);
    expect([...found.evidenceInputs]).toEqual(['ledger']);
    const gz = packSensitivity(findBuiltInPack('gz.full-employment@2024.1')!);
    expect(gz.assessedItems.size + gz.evidenceInputs.size).toBe(0);
    expect(
      packSensitivity(findBuiltInPack('province.employment-work@1.0')!).assessedItems.size,
    ).toBeGreaterThan(0);
  });

  it('a scores:read client: no reason, no assessor, no evidence reference; points kept', () => {
    expect(json).toContain('窗口服务群众满意度高');
    expect(json).toContain('evd_0123456789abcdef0123456789abcdef');
    const out = redactScorecard(
      json,
      packSensitivity(pack),
      withheldFor({ kind: 'client', tenantId: 't', clientId: 'c', scopes: ['scores:read'] }),
    );
    expect(out.redacted).toEqual(['assessment_reasons', 'evidence']);
    expect(out.json).not.toContain('窗口服务群众满意度高');
    expect(out.json).not.toContain('王评估');
    expect(out.json).not.toContain('evd_0123456789abcdef0123456789abcdef');
    const shown = JSON.parse(out.json) as typeof card;
    expect(shown.total).toBe(card.total);
    expect(shown.items.map((i) => i.points)).toEqual(card.items.map((i) => i.points));
    expect(shown.items[1]!.explanation.zh).toBe('酌情评分，得2分（评估理由仅向本租户人员提供）');
    expect(shown.items[0]!.inputs).toEqual({});
  });

  it('a client that also reports keeps the evidence, never the notes; people keep all', () => {
    const reporting = redactScorecard(
      json,
      packSensitivity(pack),
      withheldFor({
        kind: 'client',
        tenantId: 't',
        clientId: 'c',
        scopes: ['scores:read', 'submissions:write'],
      }),
    );
    expect(reporting.redacted).toEqual(['assessment_reasons']);
    expect(reporting.json).toContain('evd_0123456789abcdef0123456789abcdef');
    const person = redactScorecard(
      json,
      packSensitivity(pack),
      withheldFor({ kind: 'user', tenantId: 't', userId: 'u', email: 'e', grants: [] }),
    );
    expect(person).toEqual({ json, redacted: [] });
  });

  it('an unknown pack fails closed: every explanation and file-like input withheld', () => {
    const out = redactScorecard(
      json,
      { assessedItems: new Set(['*']), evidenceInputs: new Set(['*']) },
      withheldFor({ kind: 'client', tenantId: 't', clientId: 'c', scopes: ['scores:read'] }),
    );
    const shown = JSON.parse(out.json) as typeof card;
    expect(shown.items.every((i) => i.explanation.zh.includes('评估理由仅向本租户人员提供'))).toBe(
      true,
    );
    expect(out.json).not.toContain('evd_');
  });
});
