import { describe, expect, it } from 'vitest';
import { explanationOf, harness, label, pointsOf } from '../../test/rule-harness.ts';
import type { RuleInput } from './rule.ts';

const h = harness();

// 宜春: 根据实际配置情况酌情评分 (3分)
const judged: RuleInput = {
  kind: 'assessed',
  points: 3,
  step: 0.5,
  stages: ['town', 'district'],
  guidance: label('根据实际配置情况酌情评分', 'Judged on the actual set-up'),
};

describe('assessed', () => {
  it('is awaiting assessment — not 0 — until entered', () => {
    expect(h.evaluate(judged).outcome).toEqual({
      status: 'awaiting-assessment',
      awaiting: ['T.1'],
    });
  });

  it("takes the assessor's points with the reason", () => {
    const { outcome } = h.evaluate(judged, {
      assessments: {
        'T.1': { points: 2.5, reason: '专窗1个，标识齐全', by: '镇评估组', stage: 'town' },
      },
    });
    expect(pointsOf(outcome)).toBe(2.5);
    expect(explanationOf(outcome).zh).toBe(
      '酌情评分，得2.5分（理由：专窗1个，标识齐全，评估人：镇评估组）',
    );
  });

  it('sets aside an unusable assessment and says why', () => {
    for (const bad of [
      { points: 4, reason: 'too many' },
      { points: 1.25, reason: 'off step' },
      { points: 1, reason: ' ' },
      { points: Number.NaN, reason: 'nan' },
      { points: 1, reason: 'wrong stage', stage: 'village' },
    ]) {
      const { outcome, issues } = h.evaluate(judged, { assessments: { 'T.1': bad } });
      expect(outcome.status).toBe('awaiting-assessment');
      expect(issues).toHaveLength(1);
    }
  });

  it('uses its key when it has one', () => {
    const keyed = { ...judged, key: 'T.1/window' } as RuleInput;
    expect(
      pointsOf(
        h.evaluate(keyed, { assessments: { 'T.1/window': { points: 1, reason: 'ok' } } }).outcome,
      ),
    ).toBe(1);
  });

  it('bounds and describes', () => {
    expect(h.bounds(judged)).toEqual({ min: 0, max: 3 });
    expect(h.describe(judged).zh).toBe(
      '评估人依据“根据实际配置情况酌情评分”酌情评分（0至3分，须说明理由）',
    );
  });
});
