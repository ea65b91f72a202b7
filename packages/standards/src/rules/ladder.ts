import { z } from 'zod';
import { expressionSchema } from '../expression.ts';
import { type EvaluatedValue, mergeUnresolved, valueStatement } from '../expression-eval.ts';
import * as q from '../rational.ts';
import { type Text, textSchema } from '../text.ts';
import { displayValue } from '../value.ts';
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
