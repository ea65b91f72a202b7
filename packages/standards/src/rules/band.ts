import { z } from 'zod';
import {
  display,
  type Known,
  mergeUnresolved as mergeResults,
  type Result,
  statement,
  statementWant,
  type Unresolved,
  WANT_NOTHING,
} from '../compiled/result.ts';
import * as x from '../exact.ts';
import { expressionSchema } from '../expression.ts';
import { comparisonSymbol } from '../expression-describe.ts';
import { type EvaluatedValue, mergeUnresolved, valueStatement } from '../expression-eval.ts';
import * as q from '../rational.ts';
import { type Text, textSchema } from '../text.ts';
import { displayValue } from '../value.ts';
import {
  type CompiledRule,
  clauses,
  type RuleCompileContext,
  scored as scoredOutcome,
  unresolvedOutcome as unresolvedCompiled,
} from './compiled-rule.ts';
import {
  type Bounds,
  type BoundsContext,
  bounds as boundsOf,
  type DescribeContext,
  formatPoints,
  pointsText,
  type RuleContext,
  type RuleOutcome,
  scored,
  unresolvedOutcome,
} from './rule-context.ts';

// 分档: "达90%得8分，达85%得7分，…，低于65%不得分". Bands are tried in order; the first whose
// comparison holds awards its points; none → `otherwise`. Thresholds are expressions, so they
// may depend on parameters (宜春: city- vs county-level targets).

export const bandSchema = z.strictObject({
  /** `>=` for "达85%", `>` for "超过", `<=`/`<` for lower-is-better rates. */
  operator: z.enum(['>=', '>', '<=', '<']),
  threshold: expressionSchema,
  points: z.number(),
});
export type Band = z.infer<typeof bandSchema>;

export const bandRuleSchema = z.strictObject({
  kind: z.literal('band'),
  label: textSchema.optional(),
  value: expressionSchema,
  bands: z.array(bandSchema).min(1),
  otherwise: z.number().default(0),
});
export type BandRule = z.infer<typeof bandRuleSchema>;

const BAND_WORDS: Readonly<Record<Band['operator'], Text>> = {
  '>=': { zh: '达', en: '≥' },
  '>': { zh: '超过', en: '>' },
  '<=': { zh: '不超过', en: '≤' },
  '<': { zh: '低于', en: '<' },
};

function bandName(operator: Band['operator'], threshold: Text): Text {
  const word = BAND_WORDS[operator];
  return { zh: `${word.zh}${threshold.zh}档`, en: `band ${word.en}${threshold.en}` };
}

function holds(operator: Band['operator'], value: q.Rational, threshold: q.Rational): boolean {
  return holdsOrder(operator, q.compare(value, threshold));
}

function holdsOrder(operator: Band['operator'], order: number): boolean {
  return operator === '>='
    ? order >= 0
    : operator === '>'
      ? order > 0
      : operator === '<='
        ? order <= 0
        : order < 0;
}

function numberOf(result: EvaluatedValue, what: string): q.Rational {
  if (result.value.type !== 'number') throw new TypeError(`band: ${what} is not a number`);
  return result.value.value;
}

/** Why no band matched: "低于65%" when every band is a lower bound, else a general phrase. */
function belowAll(rule: BandRule, thresholds: readonly EvaluatedValue[]): Text {
  const last = thresholds[thresholds.length - 1];
  return belowAllShown(rule, last ? displayValue(last.value) : null);
}

function belowAllShown(rule: BandRule, shown: Text | null): Text {
  const lastBand = rule.bands[rule.bands.length - 1];
  if (!shown || !lastBand) return { zh: '未达任何一档', en: 'no band reached' };
  if (rule.bands.every((b) => b.operator === '>=' || b.operator === '>')) {
    return lastBand.operator === '>='
      ? { zh: `低于${shown.zh}`, en: `below ${shown.en}` }
      : { zh: `不超过${shown.zh}`, en: `not above ${shown.en}` };
  }
  if (rule.bands.every((b) => b.operator === '<=' || b.operator === '<')) {
    return lastBand.operator === '<='
      ? { zh: `高于${shown.zh}`, en: `above ${shown.en}` }
      : { zh: `不低于${shown.zh}`, en: `not below ${shown.en}` };
  }
  return { zh: '未达任何一档', en: 'no band reached' };
}

export function evaluate(rule: BandRule, ctx: RuleContext): RuleOutcome {
  const value = ctx.value(rule.value);
  const thresholds = rule.bands.map((band) => ctx.value(band.threshold));
  // A threshold that cannot be known (a parameter not set) makes the band unknowable too.
  const unknown = mergeUnresolved(thresholds);
  if (unknown) return unresolvedOutcome(mergeUnresolved([value, ...thresholds]) ?? unknown, q.ZERO);
  if (value.status !== 'value') return unresolvedOutcome(value, bounds(rule).max);
  const x = numberOf(value, 'the value');
  const statement = valueStatement(rule.value, value, ctx.labels);
  const resolved = thresholds as EvaluatedValue[];
  for (const [index, band] of rule.bands.entries()) {
    const threshold = resolved[index] as EvaluatedValue;
    if (holds(band.operator, x, numberOf(threshold, 'a threshold'))) {
      const points = q.fromNumber(band.points);
      const name = bandName(band.operator, displayValue(threshold.value));
      const awarded = pointsText(points);
      return scored(points, {
        zh: `${statement.zh}，${name.zh}，${awarded.zh}`,
        en: `${statement.en}, ${name.en}, ${awarded.en}`,
      });
    }
  }
  const points = q.fromNumber(rule.otherwise);
  const why = belowAll(rule, resolved);
  const awarded = pointsText(points);
  return scored(points, {
    zh: `${statement.zh}，${why.zh}，${awarded.zh}`,
    en: `${statement.en}, ${why.en}, ${awarded.en}`,
  });
}

/** The thresholds under one plan: unknown, or their numbers and band names. */
interface Thresholds {
  readonly results: readonly Result[];
  readonly unknown: Unresolved | null;
  /** Null for a threshold that is not a number (refused when the band is reached). */
  readonly numbers: readonly (x.Exact | null)[];
  readonly names: readonly Text[];
  readonly why: Text;
}

function thresholdsOf(rule: BandRule, results: readonly Result[]): Thresholds {
  const unknown = mergeResults(results);
  if (unknown) return { results, unknown, numbers: [], names: [], why: { zh: '', en: '' } };
  const values = results as Known[];
  return {
    results,
    unknown,
    numbers: values.map((t) => (t.value.type === 'number' ? t.value.value : null)),
    names: rule.bands.map((band, i) =>
      bandName(band.operator, display((values[i] as Known).value)),
    ),
    why: belowAllShown(rule, values.length > 0 ? display((values.at(-1) as Known).value) : null),
  };
}

/** `evaluate`, compiled: thresholds fixed by the plan's parameters are resolved once. */
export function compile(rule: BandRule, cx: RuleCompileContext): CompiledRule {
  const value = cx.expression(rule.value, statementWant(rule.value));
  const thresholds = rule.bands.map((band) => cx.expression(band.threshold, WANT_NOTHING));
  const fixed = thresholds.every((t) => t.fixed);
  const described = cx.describe(rule.value);
  const max = x.fromRational(bounds(rule).max);
  const points = rule.bands.map((band) => x.fromNumber(band.points));
  const awarded = points.map(x.pointsText);
  const otherwise = x.fromNumber(rule.otherwise);
  const otherwiseAwarded = x.pointsText(otherwise);
  let kept: Thresholds | null = null;
  return (f) => {
    const v = value.evaluate(f);
    const t =
      fixed && kept !== null
        ? kept
        : thresholdsOf(
            rule,
            thresholds.map((c) => c.evaluate(f)),
          );
    if (fixed) kept = t;
    if (t.unknown) return unresolvedCompiled(mergeResults([v, ...t.results]) ?? t.unknown, x.ZERO);
    if (v.status !== 'value') return unresolvedCompiled(v, max);
    if (v.value.type !== 'number') throw new TypeError('band: the value is not a number');
    const n = v.value.value;
    const said = statement(rule.value, v, described);
    for (let i = 0; i < rule.bands.length; i++) {
      const threshold = t.numbers[i];
      if (threshold === null || threshold === undefined) {
        throw new TypeError('band: a threshold is not a number');
      }
      if (holdsOrder((rule.bands[i] as Band).operator, x.compare(n, threshold))) {
        return scoredOutcome(
          points[i] as x.Exact,
          clauses(said, t.names[i] as Text, awarded[i] as Text),
        );
      }
    }
    return scoredOutcome(otherwise, clauses(said, t.why, otherwiseAwarded));
  };
}

export function bounds(rule: BandRule, _ctx?: BoundsContext): Bounds {
  const all = [rule.otherwise, ...rule.bands.map((b) => b.points)];
  return boundsOf(Math.min(...all), Math.max(...all));
}

export function describe(rule: BandRule, ctx: DescribeContext): Text {
  const value = ctx.expression(rule.value);
  const bands = rule.bands.map((band) => {
    const threshold = ctx.expression(band.threshold);
    const points = formatPoints(q.fromNumber(band.points));
    return {
      zh: `${comparisonSymbol(band.operator)}${threshold.zh}得${points}分`,
      en: `${comparisonSymbol(band.operator)}${threshold.en}: ${points}`,
    };
  });
  const otherwise = formatPoints(q.fromNumber(rule.otherwise));
  return {
    zh: `按${value.zh}分档：${bands.map((b) => b.zh).join('，')}，否则得${otherwise}分`,
    en: `Banded on ${value.en}: ${bands.map((b) => b.en).join('; ')}; otherwise ${otherwise}`,
  };
}
