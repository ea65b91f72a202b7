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
  requireNumberValue,
  scored,
  unresolvedOutcome,
} from './rule-context.ts';

// 按比例: "完成给10分，未完成按比例得分" — points × value ÷ target, never above `points`
// (reaching the target) nor below 0. A target of 0 or less gives `onZeroTarget`.

export const proportionalRuleSchema = z.strictObject({
  kind: z.literal('proportional'),
  label: textSchema.optional(),
  value: expressionSchema,
  target: expressionSchema,
  points: z.number().positive(),
  onZeroTarget: z.enum(['full-points', 'zero']).default('full-points'),
});
export type ProportionalRule = z.infer<typeof proportionalRuleSchema>;

export function evaluate(rule: ProportionalRule, ctx: RuleContext): RuleOutcome {
  const value = ctx.value(rule.value);
  const target = ctx.value(rule.target);
  const full = q.fromNumber(rule.points);
  if (target.status !== 'value') {
    return unresolvedOutcome(mergeUnresolved([value, target]) ?? target, q.ZERO);
  }
  if (value.status !== 'value') return unresolvedOutcome(value, full);
  const x = requireNumberValue(value, 'proportional value');
  const goal = requireNumberValue(target, 'proportional target');
  const statement = valueStatement(rule.value, value, ctx.labels);
  const goalShown = displayValue(target.value);
  if (!q.gt(goal, 0)) {
    const points = rule.onZeroTarget === 'full-points' ? full : q.ZERO;
    const awarded = pointsText(points);
    return scored(points, {
      zh: `${statement.zh}，目标为${goalShown.zh}，${awarded.zh}`,
      en: `${statement.en}, target ${goalShown.en}, ${awarded.en}`,
    });
  }
  if (q.ge(x, goal)) {
    const awarded = pointsText(full);
    return scored(full, {
      zh: `${statement.zh}，完成目标${goalShown.zh}，${awarded.zh}`,
      en: `${statement.en}, target ${goalShown.en} reached, ${awarded.en}`,
    });
  }
  const points = q.max(0, q.mul(full, q.div(x, goal)));
  const shown = displayValue((value as EvaluatedValue).value);
  const formula = `${formatPoints(full)} × ${shown.zh} ÷ ${goalShown.zh} = ${formatPoints(q.round(points, 2))}`;
  return scored(points, {
    zh: `${statement.zh}，未完成目标${goalShown.zh}，按比例得${formula}分`,
    en: `${statement.en}, below target ${goalShown.en}, pro rata ${formula}`,
  });
}

export function bounds(rule: ProportionalRule, _ctx?: BoundsContext): Bounds {
  return boundsOf(0, rule.points);
}

export function describe(rule: ProportionalRule, ctx: DescribeContext): Text {
  const value = ctx.expression(rule.value);
  const target = ctx.expression(rule.target);
  const points = formatPoints(q.fromNumber(rule.points));
  return {
    zh: `${value.zh}达到${target.zh}得${points}分，未达到按比例得分`,
    en: `${value.en} reaching ${target.en}: ${points}; below it, pro rata`,
  };
}
