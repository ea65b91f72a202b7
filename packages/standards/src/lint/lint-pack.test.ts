import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPackInput } from '../../test/lint-fixtures.ts';
import { type Expression, walkExpression } from '../expression.ts';
import { input } from '../expression-builders.ts';
import type { Pack } from '../pack-schema.ts';
import { packExpressionSites, ruleSites } from '../pack-sites.ts';
import * as q from '../rational.ts';
import { builtInPacks, packRef } from '../registry.ts';
import type { Rule } from '../rules/rule.ts';
import { ruleBounds } from '../rules/rule.ts';
import { lintPack, lintPackSource } from './lint-pack.ts';

// The linter accepts every built-in pack, and rejects each kind of mutation a transcription
// error produces: points over the item's max, a band moved onto another, an unknown input.

/** Settable award figures in a rule tree, leaving out those a cap above them absorbs. */
function awardLeaves(rule: Rule): { set: (x: number) => void }[] {
  switch (rule.kind) {
    case 'band':
      return [
        ...rule.bands.map((b) => ({ set: (x: number) => (b.points = x) })),
        { set: (x: number) => (rule.otherwise = x) },
      ];
    case 'ladder':
      return rule.steps.map((s) => ({ set: (x: number) => (s.points = x) }));
    case 'check':
      return [{ set: (x: number) => (rule.points = x) }];
    case 'sum':
      return rule.cap === undefined ? rule.parts.flatMap(awardLeaves) : [];
    case 'best':
      return rule.parts.flatMap(awardLeaves);
    case 'deduct':
      return typeof rule.base === 'number'
        ? [{ set: (x: number) => (rule.base = x) }]
        : awardLeaves(rule.base);
    case 'each':
      return [{ set: (x: number) => (rule.max = x) }];
    case 'proportional':
      return [{ set: (x: number) => (rule.points = x) }];
    case 'gate':
      return [...awardLeaves(rule.rule), { set: (x: number) => (rule.otherwise = x) }];
    case 'assessed':
      return [{ set: (x: number) => (rule.points = x) }];
    case 'rank':
      return rule.award.by === 'ratio-to-best'
        ? [{ set: (x: number) => ((rule.award as { points: number }).points = x) }]
        : [];
  }
}

const packs = builtInPacks;
const withItems = packs.filter((p) => p.items.length > 0);
const withBands = packs.filter((p) =>
  p.items.some((i) =>
    ruleSites(i.rule, '').some((s) => s.rule.kind === 'band' && s.rule.bands.length >= 2),
  ),
);

describe('lintPack over the built-in packs', () => {
  for (const pack of packs) {
    it(`accepts ${packRef(pack)} (no errors)`, () => {
      expect(lintPack(pack).errors).toEqual([]);
    });
  }

  it('rejects any item whose points were raised over its max', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...withItems),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 20 }),
        (pack, itemPick, leafPick, excess) => {
          const copy = structuredClone(pack);
          const candidates = copy.items.filter((i) => awardLeaves(i.rule).length > 0);
          const item = candidates[itemPick % candidates.length];
          if (!item) return;
          const leaves = awardLeaves(item.rule);
          leaves[leafPick % leaves.length]?.set(item.max + excess);
          expect(q.toNumber(ruleBounds(item.rule).max)).toBeGreaterThan(item.max);
          const { errors } = lintPack(copy);
          expect(
            errors.some((f) => f.check === 'item-bounds' && f.path === `items[${item.id}].rule`),
          ).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects a band moved onto the band before it, or turned round to overlap it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...withBands), fc.nat(), fc.boolean(), (pack, pick, flip) => {
        const copy = structuredClone(pack);
        const rules = copy.items.flatMap((i) =>
          ruleSites(i.rule, `items[${i.id}].rule`).filter(
            (s) => s.rule.kind === 'band' && s.rule.bands.length >= 2,
          ),
        );
        const site = rules[pick % rules.length];
        if (site?.rule.kind !== 'band') return;
        const bands = site.rule.bands;
        const later = 1 + (pick % (bands.length - 1));
        const earlier = bands[later - 1] as (typeof bands)[number];
        const inclusive = earlier.operator === '>=' || earlier.operator === '<=';
        if (flip && inclusive) {
          // "≥ t" then "≤ t": both hold at t.
          bands[later] = {
            operator: earlier.operator === '>=' ? '<=' : '>=',
            threshold: structuredClone(earlier.threshold),
            points: (bands[later] as (typeof bands)[number]).points,
          };
        } else {
          bands[later] = {
            ...structuredClone(earlier),
            points: (bands[later] as { points: number }).points,
          };
        }
        const { errors } = lintPack(copy);
        expect(
          errors.some((f) => f.check === 'bands' && f.path.startsWith(`${site.path}.bands`)),
        ).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects a reference to an input the pack does not declare', () => {
    fc.assert(
      fc.property(fc.constantFrom(...packs), fc.nat(), (pack, pick) => {
        const copy = structuredClone(pack);
        const nodes = packExpressionSites(copy).flatMap((s) =>
          walkExpression(s.expr).filter(
            (n): n is Extract<Expression, { op: 'input' }> => n.op === 'input',
          ),
        );
        const node = nodes[pick % nodes.length];
        if (node) node.id = `undeclared${node.id}`;
        else {
          const item = copy.items[pick % copy.items.length] as Pack['items'][number];
          item.rule = { kind: 'gate', when: input('undeclared'), rule: item.rule, otherwise: 0 };
        }
        const { errors } = lintPack(copy);
        expect(
          errors.some((f) => f.check === 'references' && f.message.en.startsWith('unknown input')),
        ).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('lintPackSource', () => {
  it('reports schema errors with their paths before anything else', () => {
    const source = cleanPackInput();
    const broken = { ...source, total: 'ten' };
    const result = lintPackSource(broken);
    expect(result.pack).toBeNull();
    expect(result.errors.map((f) => [f.check, f.path])).toEqual([['schema', 'total']]);
  });

  it('lints a valid source like lintPack', () => {
    const result = lintPackSource(cleanPackInput());
    expect(result.errors).toEqual([]);
    expect(result.pack?.key).toBe('test.lint');
  });
});
