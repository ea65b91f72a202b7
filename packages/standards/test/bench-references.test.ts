import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { gzUnits } from '../../../bench/fixtures/engine-units.ts';
import { scoreGzByHand } from '../../../bench/reference/gz-full-employment.ts';
import {
  gzRulesEngine,
  type RulesEngineClass,
} from '../../../bench/reference/gz-full-employment-rules-engine.ts';
import { gzFullEmployment2024 as gz } from '../packs/gz-full-employment-2024.ts';
import { score } from '../src/engine.ts';

// The benchmark compares the engine with the same rubric written by hand and in
// json-rules-engine (bench/reference). The comparison means something only if all three score
// the benchmark's fixture alike: item by item, total by total, designation by designation.

const PASS_MARK = 80;
const units = gzUnits(400);
const cards = units.map((u) =>
  score(gz, { passMark: PASS_MARK }, u.inputs, { unitKind: u.unitKind, unitId: u.id }),
);

describe('bench references for gz.full-employment@2024.1', () => {
  it('uses a fixture the pack scores completely, without issues, across both unit kinds', () => {
    expect(cards.every((c) => c.complete && c.issues.length === 0)).toBe(true);
    expect(new Set(units.map((u) => u.unitKind))).toEqual(new Set(['community', 'village']));
    const totals = new Set(cards.map((c) => c.total));
    expect(totals.size).toBeGreaterThan(20);
  });

  it('gives the same points, totals and designations by hand as the pack', () => {
    for (const [i, unit] of units.entries()) {
      const card = cards[i];
      const hand = scoreGzByHand(unit.inputs, unit.unitKind as 'community' | 'village', PASS_MARK);
      expect(Object.fromEntries(hand.items.map((x) => [x.id, x.points]))).toEqual(
        Object.fromEntries(card?.items.map((x) => [x.id, x.points]) ?? []),
      );
      expect(hand.categories.map((c) => c.points)).toEqual(card?.categories.map((c) => c.points));
      expect(hand.total).toBe(card?.total);
      expect(hand.designation.met).toBe(card?.designation?.met);
    }
  });

  it('gives the same points and totals in json-rules-engine as the pack', async () => {
    const rulesScore = gzRulesEngine(Engine as unknown as RulesEngineClass);
    for (const [i, unit] of units.entries()) {
      const result = await rulesScore(unit.inputs, unit.unitKind as string);
      const card = cards[i];
      expect(result.items).toEqual(
        Object.fromEntries(card?.items.map((x) => [x.id, x.points]) ?? []),
      );
      expect(result.total).toBe(card?.total);
    }
  });
});
