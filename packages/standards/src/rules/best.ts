import { z } from 'zod';
import * as x from '../exact.ts';
import * as q from '../rational.ts';
import { type Text, textSchema } from '../text.ts';
import {
  type CompiledOutcome,
  type CompiledRule,
  partPrefix,
  prefixed,
  type RuleCompileContext,
  scored as scoredOutcome,
  unscoredOf as unscoredCompiled,
} from './compiled-rule.ts';
import { ruleBounds, ruleSchema } from './rule.ts';
import {
  type Bounds,
  type BoundsContext,
  type DescribeContext,
  formatPoints,
  labelledExplanation,
  type RuleContext,
  type RuleOutcome,
  scored,
  unscoredOf,
} from './rule-context.ts';

// 取高: the best of several ways to earn the item, e.g. "推荐3次培训得5分。推荐培训次数不足
// 3次，但均已实现就业创业的，得5分". A part that already reaches the highest possible points
// decides the item even if another part's inputs are missing.

export const bestRuleSchema = z.strictObject({
  kind: z.literal('best'),
  label: textSchema.optional(),
  get parts() {
    return z.array(ruleSchema).min(2);
  },
});
export type BestRule = z.infer<typeof bestRuleSchema>;

export function evaluate(rule: BestRule, ctx: RuleContext): RuleOutcome {
  const outcomes = rule.parts.map((part) => ctx.evaluate(part));
  const ceiling = bounds(rule, ctx).max;
  const decisive = outcomes.findIndex((o) => o.status === 'scored' && q.eq(o.points, ceiling));
  const usable = decisive >= 0 ? [decisive] : outcomes.map((_, index) => index);
  if (decisive < 0) {
    const unscored = unscoredOf(outcomes);
    if (unscored) return unscored;
  }
  let best: { points: q.Rational; index: number } | null = null;
  for (const index of usable) {
    const outcome = outcomes[index];
    if (outcome?.status !== 'scored') continue;
    if (best === null || q.gt(outcome.points, best.points))
      best = { points: outcome.points, index };
  }
  if (best === null) throw new Error('best: no part scored');
  const explained = usable.flatMap((index) => {
    const outcome = outcomes[index];
    return outcome?.status === 'scored'
      ? [labelledExplanation(rule.parts[index], outcome.explanation)]
      : [];
  });
  const shown = formatPoints(best.points);
  return scored(best.points, {
    zh: [...explained.map((e) => e.zh), `取较高者${shown}分`].join('；'),
    en: [...explained.map((e) => e.en), `the best applies: ${shown}`].join('; '),
  });
}

/** `evaluate`, compiled: the ceiling that decides alone is worked out once. */
export function compile(rule: BestRule, cx: RuleCompileContext): CompiledRule {
  const parts = rule.parts.map((part) => cx.rule(part));
  const prefixes = rule.parts.map(partPrefix);
  const ceiling = x.fromRational(bounds(rule, { bounds: ruleBounds }).max);
  return (f) => {
    const outcomes: CompiledOutcome[] = parts.map((part) => part(f));
    let decisive = -1;
    for (let i = 0; i < outcomes.length; i++) {
      const o = outcomes[i] as CompiledOutcome;
      if (o.status === 'scored' && x.eq(o.points, ceiling)) {
        decisive = i;
        break;
      }
    }
    if (decisive < 0) {
      const unscored = unscoredCompiled(outcomes);
      if (unscored) return unscored;
    }
    let best = -1;
    let zh = '';
    let en = '';
    for (let i = Math.max(decisive, 0); i < outcomes.length; i++) {
      const o = outcomes[i] as CompiledOutcome;
      if (o.status === 'scored') {
        const bestPoints = best >= 0 ? (outcomes[best] as { points: x.Exact }).points : null;
        if (bestPoints === null || x.gt(o.points, bestPoints)) best = i;
        const explained = prefixed(prefixes[i] as Text | null, o.explanation);
        zh += `${explained.zh}；`;
        en += `${explained.en}; `;
      }
      if (decisive >= 0) break;
    }
    if (best < 0) throw new Error('best: no part scored');
    const points = (outcomes[best] as { points: x.Exact }).points;
    const shown = x.formatPoints(points);
    return scoredOutcome(points, {
      zh: `${zh}取较高者${shown}分`,
      en: `${en}the best applies: ${shown}`,
    });
  };
}

export function bounds(rule: BestRule, ctx: BoundsContext): Bounds {
  const all = rule.parts.map((part) => ctx.bounds(part));
  const [first, ...rest] = all as [Bounds, ...Bounds[]];
  return {
    min: q.max(first.min, ...rest.map((b) => b.min)),
    max: q.max(first.max, ...rest.map((b) => b.max)),
  };
}

export function describe(rule: BestRule, ctx: DescribeContext): Text {
  const parts = rule.parts.map((part) => labelledExplanation(part, ctx.describe(part)));
  return {
    zh: `取以下各项中的较高者：${parts.map((p) => p.zh).join('；')}`,
    en: `The best of: ${parts.map((p) => p.en).join('; ')}`,
  };
}
