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
import { ruleSchema } from './rule.ts';
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

// 合计: parts added up, "加至该项指标满分为止" — capped at `cap` (and floored at `floor` if
// the source sets one). Every part must be known before the sum is.

export const sumRuleSchema = z.strictObject({
  kind: z.literal('sum'),
  label: textSchema.optional(),
  get parts() {
    return z.array(ruleSchema).min(1);
  },
  cap: z.number().optional(),
  floor: z.number().optional(),
});
export type SumRule = z.infer<typeof sumRuleSchema>;

export function evaluate(rule: SumRule, ctx: RuleContext): RuleOutcome {
  const outcomes = rule.parts.map((part) => ctx.evaluate(part));
  const unscored = unscoredOf(outcomes);
  if (unscored) return unscored;
  const explained: Text[] = [];
  let total = q.ZERO;
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.status !== 'scored') continue;
    total = q.add(total, outcome.points);
    explained.push(labelledExplanation(rule.parts[index], outcome.explanation));
  }
  let points = total;
  let limit: Text | null = null;
  if (rule.cap !== undefined && q.gt(points, rule.cap)) {
    points = q.fromNumber(rule.cap);
    limit = {
      zh: `，加至${formatPoints(points)}分为止`,
      en: `, capped at ${formatPoints(points)}`,
    };
  }
  if (rule.floor !== undefined && q.lt(points, rule.floor)) {
    points = q.fromNumber(rule.floor);
    limit = {
      zh: `，扣至${formatPoints(points)}分为止`,
      en: `, floored at ${formatPoints(points)}`,
    };
  }
  const summary = {
    zh: `合计${formatPoints(total)}分${limit?.zh ?? ''}`,
    en: `total ${formatPoints(total)}${limit?.en ?? ''}`,
  };
  if (outcomes.length === 1 && !limit) return scored(points, explained[0] as Text);
  return scored(points, {
    zh: [...explained.map((e) => e.zh), summary.zh].join('；'),
    en: [...explained.map((e) => e.en), summary.en].join('; '),
  });
}

/** `evaluate`, compiled: parts compiled, cap and floor texts prepared once. */
export function compile(rule: SumRule, cx: RuleCompileContext): CompiledRule {
  const parts = rule.parts.map((part) => cx.rule(part));
  const prefixes = rule.parts.map(partPrefix);
  const cap = rule.cap === undefined ? null : x.fromNumber(rule.cap);
  const floor = rule.floor === undefined ? null : x.fromNumber(rule.floor);
  const capText = cap && {
    zh: `，加至${x.formatPoints(cap)}分为止`,
    en: `, capped at ${x.formatPoints(cap)}`,
  };
  const floorText = floor && {
    zh: `，扣至${x.formatPoints(floor)}分为止`,
    en: `, floored at ${x.formatPoints(floor)}`,
  };
  return (f) => {
    const outcomes: CompiledOutcome[] = parts.map((part) => part(f));
    const unscored = unscoredCompiled(outcomes);
    if (unscored) return unscored;
    let zh = '';
    let en = '';
    let total: x.Exact = x.ZERO;
    let single: Text | null = null;
    for (let i = 0; i < outcomes.length; i++) {
      const outcome = outcomes[i] as CompiledOutcome;
      if (outcome.status !== 'scored') continue;
      total = x.add(total, outcome.points);
      const explained = prefixed(prefixes[i] as Text | null, outcome.explanation);
      single ??= explained;
      zh += `${explained.zh}；`;
      en += `${explained.en}; `;
    }
    let points = total;
    let limit: Text | null = null;
    if (cap !== null && x.gt(points, cap)) {
      points = cap;
      limit = capText;
    }
    if (floor !== null && x.lt(points, floor)) {
      points = floor;
      limit = floorText;
    }
    if (outcomes.length === 1 && !limit) return scoredOutcome(points, single as Text);
    const shown = x.formatPoints(total);
    return scoredOutcome(points, {
      zh: `${zh}合计${shown}分${limit?.zh ?? ''}`,
      en: `${en}total ${shown}${limit?.en ?? ''}`,
    });
  };
}

export function bounds(rule: SumRule, ctx: BoundsContext): Bounds {
  let min = q.ZERO;
  let max = q.ZERO;
  for (const part of rule.parts) {
    const b = ctx.bounds(part);
    min = q.add(min, b.min);
    max = q.add(max, b.max);
  }
  if (rule.cap !== undefined) {
    min = q.min(min, rule.cap);
    max = q.min(max, rule.cap);
  }
  if (rule.floor !== undefined) {
    min = q.max(min, rule.floor);
    max = q.max(max, rule.floor);
  }
  return { min, max };
}

export function describe(rule: SumRule, ctx: DescribeContext): Text {
  const parts = rule.parts.map((part) => labelledExplanation(part, ctx.describe(part)));
  const cap =
    rule.cap === undefined
      ? { zh: '', en: '' }
      : {
          zh: `，加至${formatPoints(q.fromNumber(rule.cap))}分为止`,
          en: `, capped at ${formatPoints(q.fromNumber(rule.cap))}`,
        };
  return {
    zh: `以下各项相加${cap.zh}：${parts.map((p) => p.zh).join('；')}`,
    en: `The sum of the following${cap.en}: ${parts.map((p) => p.en).join('; ')}`,
  };
}
