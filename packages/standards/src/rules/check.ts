import { z } from 'zod';
import { booleanOf, WANT_FACTS } from '../compiled/result.ts';
import * as x from '../exact.ts';
import { expressionSchema } from '../expression.ts';
import * as q from '../rational.ts';
import { type Text, textSchema } from '../text.ts';
import {
  type CompiledRule,
  conditionSentencer,
  type RuleCompileContext,
  scored as scoredOutcome,
  unresolvedOutcome as unresolvedCompiled,
} from './compiled-rule.ts';
import {
  type Bounds,
  type BoundsContext,
  bounds as boundsOf,
  conditionSentence,
  type DescribeContext,
  formatPoints,
  pointsText,
  type RuleContext,
  type RuleOutcome,
  requireBooleanValue,
  scored,
  unresolvedOutcome,
} from './rule-context.ts';

// 条件: "有固定办公台位或服务窗口，得2分" — a condition that holds awards `points`,
// otherwise `otherwise` (0 unless the source says more).

export const checkRuleSchema = z.strictObject({
  kind: z.literal('check'),
  label: textSchema.optional(),
  when: expressionSchema,
  points: z.number(),
  otherwise: z.number().default(0),
});
export type CheckRule = z.infer<typeof checkRuleSchema>;

export function evaluate(rule: CheckRule, ctx: RuleContext): RuleOutcome {
  const result = ctx.value(rule.when);
  if (result.status !== 'value') return unresolvedOutcome(result, bounds(rule).max);
  const holds = requireBooleanValue(result, 'check');
  const points = q.fromNumber(holds ? rule.points : rule.otherwise);
  const sentence = conditionSentence(rule.when, result, rule.label, ctx.labels);
  const awarded = pointsText(points);
  return scored(points, {
    zh: `${sentence.zh}，${awarded.zh}`,
    en: `${sentence.en}, ${awarded.en}`,
  });
}

/** `evaluate`, compiled: the sentence's frame and both points texts prepared once. */
export function compile(rule: CheckRule, cx: RuleCompileContext): CompiledRule {
  const when = cx.expression(rule.when, WANT_FACTS);
  const sentence = conditionSentencer(rule.when, rule.label, cx);
  const max = x.fromRational(bounds(rule).max);
  const yes = x.fromNumber(rule.points);
  const no = x.fromNumber(rule.otherwise);
  const yesAwarded = x.pointsText(yes);
  const noAwarded = x.pointsText(no);
  return (f) => {
    const result = when.evaluate(f);
    if (result.status !== 'value') return unresolvedCompiled(result, max);
    const holds = booleanOf(result, 'check');
    const said = sentence(result);
    const awarded = holds ? yesAwarded : noAwarded;
    return scoredOutcome(holds ? yes : no, {
      zh: `${said.zh}，${awarded.zh}`,
      en: `${said.en}, ${awarded.en}`,
    });
  };
}

export function bounds(rule: CheckRule, _ctx?: BoundsContext): Bounds {
  return boundsOf(Math.min(rule.points, rule.otherwise), Math.max(rule.points, rule.otherwise));
}

export function describe(rule: CheckRule, ctx: DescribeContext): Text {
  const when = rule.label ?? ctx.expression(rule.when);
  const points = formatPoints(q.fromNumber(rule.points));
  const otherwise = formatPoints(q.fromNumber(rule.otherwise));
  return {
    zh: `${when.zh}得${points}分，否则得${otherwise}分`,
    en: `${when.en}: ${points}; otherwise ${otherwise}`,
  };
}
