import { z } from 'zod';
import { numberOf, statement, statementWant } from '../compiled/result.ts';
import * as x from '../exact.ts';
import { expressionSchema } from '../expression.ts';
import { valueStatement } from '../expression-eval.ts';
import * as q from '../rational.ts';
import { type Text, textSchema } from '../text.ts';
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

// 按次计分: "获得市级以上荣誉，每次加3分" — points for each occurrence, up to `max`
// (required, so every rule has a finite maximum for the linter).

export const eachRuleSchema = z.strictObject({
  kind: z.literal('each'),
  label: textSchema.optional(),
  count: expressionSchema,
  points: z.number().positive(),
  max: z.number().positive(),
});
export type EachRule = z.infer<typeof eachRuleSchema>;

export function evaluate(rule: EachRule, ctx: RuleContext): RuleOutcome {
  const result = ctx.value(rule.count);
  if (result.status !== 'value') return unresolvedOutcome(result, bounds(rule).max);
  const count = q.max(0, requireNumberValue(result, 'each'));
  const raw = q.mul(count, rule.points);
  const points = q.min(raw, rule.max);
  const statement = valueStatement(rule.count, result, ctx.labels);
  const per = formatPoints(q.fromNumber(rule.points));
  const capped = q.gt(raw, points)
    ? { zh: `，至多${formatPoints(points)}分`, en: `, at most ${formatPoints(points)}` }
    : { zh: '', en: '' };
  const awarded = pointsText(points);
  return scored(points, {
    zh: `${statement.zh}，每次${per}分${capped.zh}，${awarded.zh}`,
    en: `${statement.en}, ${per} each${capped.en}, ${awarded.en}`,
  });
}

/** `evaluate`, compiled. */
export function compile(rule: EachRule, cx: RuleCompileContext): CompiledRule {
  const count = cx.expression(rule.count, statementWant(rule.count));
  const described = cx.describe(rule.count);
  const each = x.fromNumber(rule.points);
  const max = x.fromNumber(rule.max);
  const per = x.formatPoints(each);
  return (f) => {
    const result = count.evaluate(f);
    if (result.status !== 'value') return unresolvedCompiled(result, max);
    const n = numberOf(result, 'each');
    const raw = x.mul(x.gt(n, x.ZERO) ? n : x.ZERO, each);
    const points = x.min(raw, max);
    const said = statement(rule.count, result, described);
    const capped = x.gt(raw, points);
    const shown = capped ? x.formatPoints(points) : '';
    const awarded = x.pointsText(points);
    return scoredOutcome(points, {
      zh: `${said.zh}，每次${per}分${capped ? `，至多${shown}分` : ''}，${awarded.zh}`,
      en: `${said.en}, ${per} each${capped ? `, at most ${shown}` : ''}, ${awarded.en}`,
    });
  };
}

export function bounds(rule: EachRule, _ctx?: BoundsContext): Bounds {
  return boundsOf(0, rule.max);
}

export function describe(rule: EachRule, ctx: DescribeContext): Text {
  const count = ctx.expression(rule.count);
  const per = formatPoints(q.fromNumber(rule.points));
  const max = formatPoints(q.fromNumber(rule.max));
  return {
    zh: `${count.zh}每次${per}分，最高${max}分`,
    en: `${per} for each of ${count.en}, at most ${max}`,
  };
}
