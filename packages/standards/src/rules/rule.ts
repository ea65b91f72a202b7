import { z } from 'zod';
import type { Expression } from '../expression.ts';
import { describeExpression, type LabelLookup } from '../expression-describe.ts';
import type { Text } from '../text.ts';
import * as assessed from './assessed.ts';
import * as band from './band.ts';
import * as best from './best.ts';
import * as check from './check.ts';
import type { CompiledRule, RuleCompileContext } from './compiled-rule.ts';
import * as deduct from './deduct.ts';
import * as each from './each.ts';
import * as gate from './gate.ts';
import * as ladder from './ladder.ts';
import * as proportional from './proportional.ts';
import * as rank from './rank.ts';
import type {
  Bounds,
  BoundsContext,
  DescribeContext,
  RuleContext,
  RuleOutcome,
} from './rule-context.ts';
import * as sum from './sum.ts';

// The rule language: a tagged union of small rule kinds, one module each. Composite kinds
// (sum, best, deduct, gate) hold other rules, so the union is recursive.

function buildRuleSchema() {
  return z.discriminatedUnion('kind', [
    band.bandRuleSchema,
    ladder.ladderRuleSchema,
    check.checkRuleSchema,
    sum.sumRuleSchema,
    best.bestRuleSchema,
    deduct.deductRuleSchema,
    each.eachRuleSchema,
    proportional.proportionalRuleSchema,
    rank.rankRuleSchema,
    gate.gateRuleSchema,
    assessed.assessedRuleSchema,
  ]);
}

/**
 * Any rule. Lazy at runtime because the composite rule modules import this one: whichever
 * module loads first, no schema is read before it exists. Typed as the union it builds.
 */
export const ruleSchema = z.lazy(buildRuleSchema) as unknown as ReturnType<typeof buildRuleSchema>;
export type Rule = z.infer<typeof ruleSchema>;
/** A rule as authored, before defaults are applied. */
export type RuleInput = z.input<typeof ruleSchema>;
export type RuleKind = Rule['kind'];
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;

export const ruleKinds: readonly RuleKind[] = [
  'band',
  'ladder',
  'check',
  'sum',
  'best',
  'deduct',
  'each',
  'proportional',
  'rank',
  'gate',
  'assessed',
];

/** Scores a rule for one unit (the engine supplies the context). */
export function evaluateRule(rule: Rule, ctx: RuleContext): RuleOutcome {
  switch (rule.kind) {
    case 'band':
      return band.evaluate(rule, ctx);
    case 'ladder':
      return ladder.evaluate(rule, ctx);
    case 'check':
      return check.evaluate(rule, ctx);
    case 'sum':
      return sum.evaluate(rule, ctx);
    case 'best':
      return best.evaluate(rule, ctx);
    case 'deduct':
      return deduct.evaluate(rule, ctx);
    case 'each':
      return each.evaluate(rule, ctx);
    case 'proportional':
      return proportional.evaluate(rule, ctx);
    case 'rank':
      return rank.evaluate(rule, ctx);
    case 'gate':
      return gate.evaluate(rule, ctx);
    case 'assessed':
      return assessed.evaluate(rule, ctx);
  }
}

/** Compiles a rule for one plan (see compiled-rule.ts): `evaluateRule`, as a closure. */
export function compileRule(rule: Rule, cx: RuleCompileContext): CompiledRule {
  switch (rule.kind) {
    case 'band':
      return band.compile(rule, cx);
    case 'ladder':
      return ladder.compile(rule, cx);
    case 'check':
      return check.compile(rule, cx);
    case 'sum':
      return sum.compile(rule, cx);
    case 'best':
      return best.compile(rule, cx);
    case 'deduct':
      return deduct.compile(rule, cx);
    case 'each':
      return each.compile(rule, cx);
    case 'proportional':
      return proportional.compile(rule, cx);
    case 'rank':
      return rank.compile(rule, cx);
    case 'gate':
      return gate.compile(rule, cx);
    case 'assessed':
      return assessed.compile(rule, cx);
  }
}

const boundsContext: BoundsContext = { bounds: ruleBounds };

/** The least and the most points a rule can award, whatever a unit reports. */
export function ruleBounds(rule: Rule): Bounds {
  switch (rule.kind) {
    case 'band':
      return band.bounds(rule, boundsContext);
    case 'ladder':
      return ladder.bounds(rule, boundsContext);
    case 'check':
      return check.bounds(rule, boundsContext);
    case 'sum':
      return sum.bounds(rule, boundsContext);
    case 'best':
      return best.bounds(rule, boundsContext);
    case 'deduct':
      return deduct.bounds(rule, boundsContext);
    case 'each':
      return each.bounds(rule, boundsContext);
    case 'proportional':
      return proportional.bounds(rule, boundsContext);
    case 'rank':
      return rank.bounds(rule, boundsContext);
    case 'gate':
      return gate.bounds(rule, boundsContext);
    case 'assessed':
      return assessed.bounds(rule, boundsContext);
  }
}

/** The rule in plain words, zh and en, with the pack's labels for its inputs and metrics. */
export function describeRule(rule: Rule, labels: LabelLookup): Text {
  const ctx: DescribeContext = {
    labels,
    describe: (child) => describeRule(child, labels),
    expression: (expr) => describeExpression(expr, labels),
  };
  switch (rule.kind) {
    case 'band':
      return band.describe(rule, ctx);
    case 'ladder':
      return ladder.describe(rule, ctx);
    case 'check':
      return check.describe(rule, ctx);
    case 'sum':
      return sum.describe(rule, ctx);
    case 'best':
      return best.describe(rule, ctx);
    case 'deduct':
      return deduct.describe(rule, ctx);
    case 'each':
      return each.describe(rule, ctx);
    case 'proportional':
      return proportional.describe(rule, ctx);
    case 'rank':
      return rank.describe(rule, ctx);
    case 'gate':
      return gate.describe(rule, ctx);
    case 'assessed':
      return assessed.describe(rule, ctx);
  }
}

/** The rules directly inside a composite rule. */
export function childRules(rule: Rule): Rule[] {
  switch (rule.kind) {
    case 'sum':
    case 'best':
      return [...rule.parts];
    case 'deduct':
      return typeof rule.base === 'number' ? [] : [rule.base];
    case 'gate':
      return [rule.rule];
    default:
      return [];
  }
}

/** The expressions a rule reads itself (not those of its child rules). */
export function ruleExpressions(rule: Rule): Expression[] {
  switch (rule.kind) {
    case 'band':
      return [rule.value, ...rule.bands.map((b) => b.threshold)];
    case 'ladder':
      return [rule.value, ...rule.steps.map((s) => s.atLeast)];
    case 'check':
      return [rule.when];
    case 'deduct':
      return rule.deductions.flatMap((d) => (d.step ? [d.amount, d.step] : [d.amount]));
    case 'each':
      return [rule.count];
    case 'proportional':
      return [rule.value, rule.target];
    case 'rank':
      return [rule.value];
    case 'gate':
      return [rule.when];
    default:
      return [];
  }
}

/** A rule and every rule inside it, depth first. */
export function walkRules(rule: Rule): Rule[] {
  return [rule, ...childRules(rule).flatMap(walkRules)];
}
