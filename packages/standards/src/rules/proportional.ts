import { z } from 'zod';
import {
  display,
  mergeUnresolved as mergeResults,
  numberOf,
  statement,
  statementWant,
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

/** `evaluate`, compiled. */
export function compile(rule: ProportionalRule, cx: RuleCompileContext): CompiledRule {
  const value = cx.expression(rule.value, statementWant(rule.value));
  const target = cx.expression(rule.target, WANT_NOTHING);
  const described = cx.describe(rule.value);
  const full = x.fromNumber(rule.points);
  const fullShown = x.formatPoints(full);
  const fullAwarded = x.pointsText(full);
  const onZero = rule.onZeroTarget === 'full-points' ? full : x.ZERO;
  const onZeroAwarded = x.pointsText(onZero);
  return (f) => {
    const v = value.evaluate(f);
    const t = target.evaluate(f);
    if (t.status !== 'value') {
      return unresolvedCompiled(mergeResults([v, t]) ?? t, x.ZERO);
    }
    if (v.status !== 'value') return unresolvedCompiled(v, full);
    const n = numberOf(v, 'proportional value');
    const goal = numberOf(t, 'proportional target');
    const said = statement(rule.value, v, described);
    const goalShown = display(t.value);
    if (!x.gt(goal, x.ZERO)) {
      return scoredOutcome(onZero, {
        zh: `${said.zh}，目标为${goalShown.zh}，${onZeroAwarded.zh}`,
        en: `${said.en}, target ${goalShown.en}, ${onZeroAwarded.en}`,
      });
    }
    if (x.ge(n, goal)) {
      return scoredOutcome(full, {
        zh: `${said.zh}，完成目标${goalShown.zh}，${fullAwarded.zh}`,
        en: `${said.en}, target ${goalShown.en} reached, ${fullAwarded.en}`,
      });
    }
    const share = x.mul(full, x.div(n, goal));
    const points = x.gt(share, x.ZERO) ? share : x.ZERO;
    const shown = display(v.value);
    const formula = `${fullShown} × ${shown.zh} ÷ ${goalShown.zh} = ${x.formatPoints(x.round(points, 2))}`;
    return scoredOutcome(points, {
      zh: `${said.zh}，未完成目标${goalShown.zh}，按比例得${formula}分`,
      en: `${said.en}, below target ${goalShown.en}, pro rata ${formula}`,
    });
  };
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
