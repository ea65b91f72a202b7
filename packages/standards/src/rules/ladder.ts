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
import { type EvaluatedValue, mergeUnresolved, valueStatement } from '../expression-eval.ts';
import * as q from '../rational.ts';
import { type Text, textSchema } from '../text.ts';
import { displayValue } from '../value.ts';
import {
  type CompiledRule,
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

// 阶梯: count thresholds as the source lists them, "带动10人次以上的，得1分；…50人次以上的，
// 得5分". "N以上" includes N. The highest step reached awards its points; none → `otherwise`.

export const ladderStepSchema = z.strictObject({
  atLeast: expressionSchema,
  points: z.number(),
});
export type LadderStep = z.infer<typeof ladderStepSchema>;

export const ladderRuleSchema = z.strictObject({
  kind: z.literal('ladder'),
  label: textSchema.optional(),
  value: expressionSchema,
  steps: z.array(ladderStepSchema).min(1),
  otherwise: z.number().default(0),
  /** The counted unit, for explanations: { zh: '人次', en: ' person-times' }. */
  unit: textSchema.optional(),
});
export type LadderRule = z.infer<typeof ladderRuleSchema>;

function numberOf(result: EvaluatedValue): q.Rational {
  if (result.value.type !== 'number') throw new TypeError('ladder: expected a number');
  return result.value.value;
}

function withUnit(shown: Text, unit: Text | undefined): Text {
  return unit ? { zh: `${shown.zh}${unit.zh}`, en: `${shown.en}${unit.en}` } : shown;
}

export function evaluate(rule: LadderRule, ctx: RuleContext): RuleOutcome {
  const value = ctx.value(rule.value);
  const thresholds = rule.steps.map((step) => ctx.value(step.atLeast));
  const unknown = mergeUnresolved(thresholds);
  if (unknown) return unresolvedOutcome(mergeUnresolved([value, ...thresholds]) ?? unknown, q.ZERO);
  if (value.status !== 'value') return unresolvedOutcome(value, bounds(rule).max);
  const x = numberOf(value);
  const statement = valueStatement(rule.value, value, ctx.labels);
  const resolved = thresholds as EvaluatedValue[];
  // The highest threshold reached wins, whatever order the steps are listed in.
  let reached: { index: number; threshold: q.Rational } | null = null;
  for (const [index, threshold] of resolved.entries()) {
    const t = numberOf(threshold);
    if (q.ge(x, t) && (reached === null || q.ge(t, reached.threshold))) {
      reached = { index, threshold: t };
    }
  }
  if (reached) {
    const step = rule.steps[reached.index] as LadderStep;
    const points = q.fromNumber(step.points);
    const shown = withUnit(
      displayValue((resolved[reached.index] as EvaluatedValue).value),
      rule.unit,
    );
    const awarded = pointsText(points);
    return scored(points, {
      zh: `${statement.zh}，达${shown.zh}档，${awarded.zh}`,
      en: `${statement.en}, step ≥${shown.en}, ${awarded.en}`,
    });
  }
  const lowest = resolved.reduce((a, b) => (q.le(numberOf(a), numberOf(b)) ? a : b));
  const shown = withUnit(displayValue(lowest.value), rule.unit);
  const points = q.fromNumber(rule.otherwise);
  const awarded = pointsText(points);
  return scored(points, {
    zh: `${statement.zh}，不足${shown.zh}，${awarded.zh}`,
    en: `${statement.en}, below ${shown.en}, ${awarded.en}`,
  });
}

/** The steps under one plan: unknown, or their numbers and how each is shown. */
interface Steps {
  readonly results: readonly Result[];
  readonly unknown: Unresolved | null;
  /** Null when a threshold is not a number (refused once the value is known). */
  readonly numbers: readonly x.Exact[] | null;
  readonly reached: readonly Text[];
  readonly below: Text;
}

function stepsOf(rule: LadderRule, results: readonly Result[]): Steps {
  const unknown = mergeResults(results);
  const none = { zh: '', en: '' };
  if (unknown) return { results, unknown, numbers: null, reached: [], below: none };
  const values = results as Known[];
  if (values.some((t) => t.value.type !== 'number')) {
    return { results, unknown, numbers: null, reached: [], below: none };
  }
  const numbers = values.map((t) => (t.value as { value: x.Exact }).value);
  let lowest = 0;
  for (let i = 1; i < numbers.length; i++) {
    if (!x.le(numbers[lowest] as x.Exact, numbers[i] as x.Exact)) lowest = i;
  }
  const shown = (i: number) => withUnit(display((values[i] as Known).value), rule.unit);
  const below = shown(lowest);
  return {
    results,
    unknown,
    numbers,
    reached: values.map((_, i) => shown(i)),
    below: { zh: `不足${below.zh}`, en: `below ${below.en}` },
  };
}

/** `evaluate`, compiled: steps fixed by the plan's parameters are resolved once. */
export function compile(rule: LadderRule, cx: RuleCompileContext): CompiledRule {
  const value = cx.expression(rule.value, statementWant(rule.value));
  const thresholds = rule.steps.map((step) => cx.expression(step.atLeast, WANT_NOTHING));
  const fixed = thresholds.every((t) => t.fixed);
  const described = cx.describe(rule.value);
  const max = x.fromRational(bounds(rule).max);
  const points = rule.steps.map((step) => x.fromNumber(step.points));
  const awarded = points.map(x.pointsText);
  const otherwise = x.fromNumber(rule.otherwise);
  const otherwiseAwarded = x.pointsText(otherwise);
  let kept: Steps | null = null;
  return (f) => {
    const v = value.evaluate(f);
    const s =
      fixed && kept !== null
        ? kept
        : stepsOf(
            rule,
            thresholds.map((c) => c.evaluate(f)),
          );
    if (fixed) kept = s;
    if (s.unknown) return unresolvedCompiled(mergeResults([v, ...s.results]) ?? s.unknown, x.ZERO);
    if (v.status !== 'value') return unresolvedCompiled(v, max);
    if (v.value.type !== 'number' || s.numbers === null) {
      throw new TypeError('ladder: expected a number');
    }
    const n = v.value.value;
    const said = statement(rule.value, v, described);
    // The highest threshold reached wins, whatever order the steps are listed in.
    let reached = -1;
    for (let i = 0; i < s.numbers.length; i++) {
      const t = s.numbers[i] as x.Exact;
      if (x.ge(n, t) && (reached < 0 || x.ge(t, s.numbers[reached] as x.Exact))) reached = i;
    }
    if (reached >= 0) {
      const shown = s.reached[reached] as Text;
      const given = awarded[reached] as Text;
      return scoredOutcome(points[reached] as x.Exact, {
        zh: `${said.zh}，达${shown.zh}档，${given.zh}`,
        en: `${said.en}, step ≥${shown.en}, ${given.en}`,
      });
    }
    return scoredOutcome(otherwise, {
      zh: `${said.zh}，${s.below.zh}，${otherwiseAwarded.zh}`,
      en: `${said.en}, ${s.below.en}, ${otherwiseAwarded.en}`,
    });
  };
}

export function bounds(rule: LadderRule, _ctx?: BoundsContext): Bounds {
  const all = [rule.otherwise, ...rule.steps.map((s) => s.points)];
  return boundsOf(Math.min(...all), Math.max(...all));
}

export function describe(rule: LadderRule, ctx: DescribeContext): Text {
  const value = ctx.expression(rule.value);
  const steps = rule.steps.map((step) => {
    const threshold = withUnit(ctx.expression(step.atLeast), rule.unit);
    const points = formatPoints(q.fromNumber(step.points));
    return { zh: `${threshold.zh}以上得${points}分`, en: `≥${threshold.en}: ${points}` };
  });
  const otherwise = formatPoints(q.fromNumber(rule.otherwise));
  return {
    zh: `按${value.zh}计：${steps.map((s) => s.zh).join('，')}，否则得${otherwise}分`,
    en: `Stepped on ${value.en}: ${steps.map((s) => s.en).join('; ')}; otherwise ${otherwise}`,
  };
}
