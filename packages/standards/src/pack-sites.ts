import type { Expression } from './expression.ts';
import type { Pack } from './pack-schema.ts';
import type { Rule } from './rules/rule.ts';

// Where things sit in a pack, with paths the linter and the diff report
// ("items[一.1].rule.base.bands[0].threshold"), in the pack's own order.

/** What an expression is for: the linter checks thresholds; the diff classifies changes. */
export type ExpressionRole =
  | 'value'
  | 'threshold'
  | 'step'
  | 'condition'
  | 'amount'
  | 'count'
  | 'target'
  | 'metric'
  | 'reference'
  | 'eligibility'
  | 'pass-mark'
  | 'requirement'
  | 'constraint';

export interface RuleSite {
  readonly rule: Rule;
  readonly path: string;
}

export interface ExpressionSite {
  readonly expr: Expression;
  readonly path: string;
  readonly role: ExpressionRole;
  /** The item whose rule holds it, if any. */
  readonly itemId?: string;
}

/** The rules directly inside a rule, with their paths. */
export function childRuleSites(rule: Rule, path: string): RuleSite[] {
  switch (rule.kind) {
    case 'sum':
    case 'best':
      return rule.parts.map((part, i) => ({ rule: part, path: `${path}.parts[${i}]` }));
    case 'deduct':
      return typeof rule.base === 'number' ? [] : [{ rule: rule.base, path: `${path}.base` }];
    case 'gate':
      return [{ rule: rule.rule, path: `${path}.rule` }];
    default:
      return [];
  }
}

/** A rule and every rule inside it, depth first, with paths. */
export function ruleSites(rule: Rule, path: string): RuleSite[] {
  return [
    { rule, path },
    ...childRuleSites(rule, path).flatMap((site) => ruleSites(site.rule, site.path)),
  ];
}

/** The expressions a rule reads itself (not its child rules'), with paths and roles. */
export function ownExpressionSites(rule: Rule, path: string, itemId?: string): ExpressionSite[] {
  const site = (expr: Expression, at: string, role: ExpressionRole): ExpressionSite => ({
    expr,
    path: `${path}${at}`,
    role,
    ...(itemId === undefined ? {} : { itemId }),
  });
  switch (rule.kind) {
    case 'band':
      return [
        site(rule.value, '.value', 'value'),
        ...rule.bands.map((b, i) => site(b.threshold, `.bands[${i}].threshold`, 'threshold')),
      ];
    case 'ladder':
      return [
        site(rule.value, '.value', 'value'),
        ...rule.steps.map((s, i) => site(s.atLeast, `.steps[${i}].atLeast`, 'threshold')),
      ];
    case 'check':
    case 'gate':
      return [site(rule.when, '.when', 'condition')];
    case 'deduct':
      return rule.deductions.flatMap((d, i) => [
        site(d.amount, `.deductions[${i}].amount`, 'amount'),
        ...(d.step ? [site(d.step, `.deductions[${i}].step`, 'step')] : []),
      ]);
    case 'each':
      return [site(rule.count, '.count', 'count')];
    case 'proportional':
      return [site(rule.value, '.value', 'value'), site(rule.target, '.target', 'target')];
    case 'rank':
      return [site(rule.value, '.value', 'value')];
    case 'sum':
    case 'best':
    case 'assessed':
      return [];
  }
}

/** Every expression of a rule tree, with paths. */
export function ruleExpressionSites(rule: Rule, path: string, itemId?: string): ExpressionSite[] {
  return ruleSites(rule, path).flatMap((s) => ownExpressionSites(s.rule, s.path, itemId));
}

/** Every expression in a pack: metrics, references, item rules, eligibility, designation. */
export function packExpressionSites(pack: Pack): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  for (const metric of pack.metrics) {
    sites.push({
      expr: metric.expression,
      path: `metrics[${metric.id}].expression`,
      role: 'metric',
    });
  }
  for (const reference of pack.references) {
    if (reference.source.from !== 'units') continue;
    sites.push({
      expr: reference.source.of,
      path: `references[${reference.id}].source.of`,
      role: 'reference',
    });
  }
  for (const item of pack.items) {
    sites.push(...ruleExpressionSites(item.rule, `items[${item.id}].rule`, item.id));
  }
  for (const gate of pack.eligibility) {
    sites.push({ expr: gate.when, path: `eligibility[${gate.id}].when`, role: 'eligibility' });
  }
  if (pack.designation) {
    sites.push({
      expr: pack.designation.passMark,
      path: 'designation.passMark',
      role: 'pass-mark',
    });
    for (const r of pack.designation.requirements) {
      sites.push({
        expr: r.when,
        path: `designation.requirements[${r.id}].when`,
        role: 'requirement',
      });
    }
  }
  for (const c of pack.constraints) {
    sites.push({ expr: c.when, path: `constraints[${c.id}].when`, role: 'constraint' });
  }
  return sites;
}
