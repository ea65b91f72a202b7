import { z } from 'zod';
import { booleanOf, WANT_FACTS } from '../compiled/result.ts';
import * as x from '../exact.ts';
import { expressionSchema } from '../expression.ts';
import * as q from '../rational.ts';
import { type Text, textSchema } from '../text.ts';
import {
  type CompiledOutcome,
  type CompiledRule,
  conditionSentencer,
  type RuleCompileContext,
  scored as scoredOutcome,
  unresolvedOutcome as unresolvedCompiled,
  unscoredOf as unscoredCompiled,
} from './compiled-rule.ts';
import { ruleSchema } from './rule.ts';
import {
  type Bounds,
  type BoundsContext,
  conditionSentence,
  type DescribeContext,
  formatPoints,
  pointsText,
  type RuleContext,
  type RuleOutcome,
  requireBooleanValue,
  scored,
  unresolvedOutcome,
  unscoredOf,
} from './rule-context.ts';

// 否决: a condition wrapped around a rule — "不达标不得分", "低于所在县平均就业率的该指标不
// 得分". When the condition holds, the inner rule scores; when it fails, `otherwise` (0, or
// e.g. −5 for "不得分并倒扣5分"), and the inner rule's inputs are not needed. A condition with
// an empty denominator under `full-points` counts as met.

export const gateRuleSchema = z.strictObject({
  kind: z.literal('gate'),
  label: textSchema.optional(),
  when: expressionSchema,
  get rule() {
    return ruleSchema;
  },
  otherwise: z.number().default(0),
  /** The source's words for a failed condition: { zh: '不达标不得分', … }. */
  failNote: textSchema.optional(),
});
export type GateRule = z.infer<typeof gateRuleSchema>;

export function evaluate(rule: GateRule, ctx: RuleContext): RuleOutcome {
  const result = ctx.value(rule.when);
  if (result.status === 'not-applicable') return unresolvedOutcome(result, q.ZERO);
  if (result.status === 'missing') {
    // Until the condition is known the inner rule may be needed: ask for both at once.
    const inner = ctx.evaluate(rule.rule);
    return (
      unscoredOf([unresolvedOutcome(result, q.ZERO), inner]) ?? unresolvedOutcome(result, q.ZERO)
    );
  }
  const holds = result.status === 'full-points' || requireBooleanValue(result, 'gate');
  const sentence =
    result.status === 'full-points'
      ? result.reason
      : conditionSentence(rule.when, result, rule.label, ctx.labels);
  if (holds) {
    const inner = ctx.evaluate(rule.rule);
    if (inner.status !== 'scored') return inner;
    return scored(inner.points, {
      zh: `${sentence.zh}；${inner.explanation.zh}`,
      en: `${sentence.en}; ${inner.explanation.en}`,
    });
  }
  const points = q.fromNumber(rule.otherwise);
  const awarded = pointsText(points);
  const note = rule.failNote ? { zh: `${rule.failNote.zh}，`, en: `${rule.failNote.en}, ` } : null;
  return scored(points, {
    zh: `${sentence.zh}，${note?.zh ?? ''}${awarded.zh}`,
    en: `${sentence.en}, ${note?.en ?? ''}${awarded.en}`,
  });
}

/** `evaluate`, compiled. */
export function compile(rule: GateRule, cx: RuleCompileContext): CompiledRule {
  const when = cx.expression(rule.when, WANT_FACTS);
  const inner = cx.rule(rule.rule);
  const sentence = conditionSentencer(rule.when, rule.label, cx);
  const otherwise = x.fromNumber(rule.otherwise);
  const awarded = x.pointsText(otherwise);
  const note = rule.failNote
    ? { zh: `${rule.failNote.zh}，`, en: `${rule.failNote.en}, ` }
    : { zh: '', en: '' };
  return (f) => {
    const result = when.evaluate(f);
    if (result.status === 'not-applicable') return unresolvedCompiled(result, x.ZERO);
    if (result.status === 'missing') {
      // Until the condition is known the inner rule may be needed: ask for both at once.
      const missing: CompiledOutcome = unresolvedCompiled(result, x.ZERO);
      return unscoredCompiled([missing, inner(f)]) ?? missing;
    }
    const holds = result.status === 'full-points' || booleanOf(result, 'gate');
    const said = result.status === 'full-points' ? result.reason : sentence(result);
    if (holds) {
      const outcome = inner(f);
      if (outcome.status !== 'scored') return outcome;
      return scoredOutcome(outcome.points, {
        zh: `${said.zh}；${outcome.explanation.zh}`,
        en: `${said.en}; ${outcome.explanation.en}`,
      });
    }
    return scoredOutcome(otherwise, {
      zh: `${said.zh}，${note.zh}${awarded.zh}`,
      en: `${said.en}, ${note.en}${awarded.en}`,
    });
  };
}

export function bounds(rule: GateRule, ctx: BoundsContext): Bounds {
  const inner = ctx.bounds(rule.rule);
  return {
    min: q.min(inner.min, rule.otherwise),
    max: q.max(inner.max, rule.otherwise),
  };
}

export function describe(rule: GateRule, ctx: DescribeContext): Text {
  const when = rule.label ?? ctx.expression(rule.when);
  const inner = ctx.describe(rule.rule);
  const otherwise = formatPoints(q.fromNumber(rule.otherwise));
  return {
    zh: `须${when.zh}，否则得${otherwise}分；满足时：${inner.zh}`,
    en: `Requires ${when.en}, else ${otherwise}; when met: ${inner.en}`,
  };
}
