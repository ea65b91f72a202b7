import type { Expression } from '../expression.ts';
import type { LabelLookup } from '../expression-describe.ts';
import { describeExpression } from '../expression-describe.ts';
import {
  conditionFacts,
  type Evaluated,
  type EvaluatedValue,
  type Unresolved,
} from '../expression-eval.ts';
import * as q from '../rational.ts';
import type { Text } from '../text.ts';
import { displayDecimal } from '../value.ts';
import type { Rule } from './rule.ts';

// The contract every rule module implements:
//   evaluate(rule, ctx: RuleContext): RuleOutcome   — exact points and an explanation
//   bounds(rule, ctx: BoundsContext): Bounds         — the least and most it can award
//   describe(rule, ctx: DescribeContext): Text       — the rule in plain words

/** The least and the most points a rule can award, whatever the unit reports. */
export interface Bounds {
  readonly min: q.Rational;
  readonly max: q.Rational;
}

/**
 * What a rule gives for one unit: exact points and why; or what it still needs — inputs
 * (`missing`) or an assessor's judgement (`awaiting`); or that it does not apply.
 */
export type RuleOutcome =
  | { readonly status: 'scored'; readonly points: q.Rational; readonly explanation: Text }
  | {
      readonly status: 'missing';
      readonly missing: readonly string[];
      readonly awaiting: readonly string[];
    }
  | { readonly status: 'awaiting-assessment'; readonly awaiting: readonly string[] }
  | { readonly status: 'not-applicable'; readonly reason: Text };

/** An assessor's judgement for an `assessed` rule. */
export interface Assessment {
  readonly points: number;
  readonly reason: string;
  readonly by?: string;
  readonly at?: string;
  readonly stage?: string;
}

/** Which of the cycle's units a peer-relative rule compares with. */
export type PeerScope = 'all' | 'same-kind';

/** A value for this unit and for each of its peers (this unit included), sorted by unit id. */
export type PeerValues =
  | {
      readonly status: 'value';
      readonly self: EvaluatedValue;
      readonly peers: readonly { readonly unitId: string; readonly value: q.Rational }[];
    }
  | Unresolved;

export interface RuleContext {
  /** The item being scored (the default key for assessments). */
  readonly itemId: string;
  readonly labels: LabelLookup;
  value(expr: Expression): Evaluated;
  evaluate(rule: Rule): RuleOutcome;
  bounds(rule: Rule): Bounds;
  assessment(key: string): Assessment | undefined;
  /** The value of `expr` for every unit of the cycle in `scope`; `missing: ['peers']` alone. */
  peers(expr: Expression, scope: PeerScope): PeerValues;
  /** Records a problem with the unit's data that scoring worked around (e.g. a bad assessment). */
  issue(message: Text): void;
}

export interface BoundsContext {
  bounds(rule: Rule): Bounds;
}

export interface DescribeContext {
  readonly labels: LabelLookup;
  describe(rule: Rule): Text;
  expression(expr: Expression): Text;
}

export function bounds(min: q.RationalLike, max: q.RationalLike): Bounds {
  return { min: q.toRational(min), max: q.toRational(max) };
}

/** "4", "4.5", "−5": points as shown in explanations. */
export function formatPoints(points: q.Rational): string {
  if (points.den === 1n) return points.num < 0n ? `−${-points.num}` : points.num.toString();
  const key = `${points.num}/${points.den}`;
  const known = shownPoints.get(key);
  if (known !== undefined) return known;
  const shown = displayDecimal(points, 2).replace(/^-/, '−');
  if (shownPoints.size >= 4096) shownPoints.clear();
  shownPoints.set(key, shown);
  return shown;
}

const shownPoints = new Map<string, string>();

/** "得4分" / "4 points"; "不得分" / "0 points"; "倒扣5分" / "−5 points". */
export function pointsText(points: q.Rational): Text {
  const shown = formatPoints(points);
  const unit = q.eq(points, 1) ? 'point' : 'points';
  if (q.isZero(points)) return { zh: '不得分', en: '0 points' };
  if (q.lt(points, 0))
    return { zh: `倒扣${formatPoints(q.neg(points))}分`, en: `${shown} ${unit}` };
  return { zh: `得${shown}分`, en: `${shown} ${unit}` };
}

export function scored(points: q.Rational, explanation: Text): RuleOutcome {
  return { status: 'scored', points, explanation };
}

/**
 * Turns an unresolved value into an outcome. An empty denominator whose policy is
 * `full-points` makes the rule award `fullPoints` — its own maximum — with the reason.
 */
export function unresolvedOutcome(result: Unresolved, fullPoints: q.Rational): RuleOutcome {
  switch (result.status) {
    case 'missing':
      return { status: 'missing', missing: result.missing, awaiting: [] };
    case 'not-applicable':
      return { status: 'not-applicable', reason: result.reason };
    case 'full-points': {
      const awarded = pointsText(fullPoints);
      return scored(fullPoints, {
        zh: `${result.reason.zh}，${awarded.zh}`,
        en: `${result.reason.en}: ${awarded.en}`,
      });
    }
  }
}

/**
 * Combines the outcomes of a composite rule's parts when not all are scored:
 * not-applicable wins, then missing (with anything awaited), then awaiting; null if all scored.
 */
export function unscoredOf(outcomes: readonly RuleOutcome[]): RuleOutcome | null {
  const notApplicable = outcomes.find((o) => o.status === 'not-applicable');
  if (notApplicable) return notApplicable;
  const missing = outcomes.flatMap((o) => (o.status === 'missing' ? o.missing : []));
  const awaiting = outcomes.flatMap((o) =>
    o.status === 'missing' || o.status === 'awaiting-assessment' ? o.awaiting : [],
  );
  if (missing.length > 0) {
    return { status: 'missing', missing: [...new Set(missing)], awaiting: [...new Set(awaiting)] };
  }
  if (awaiting.length > 0)
    return { status: 'awaiting-assessment', awaiting: [...new Set(awaiting)] };
  return null;
}

/**
 * Prefixes a part's explanation with its label ("去向落实率(4分)：…"), except for rules whose
 * explanation already opens with their label (check and gate state it with the condition).
 */
export function labelledExplanation(rule: Rule | undefined, explanation: Text): Text {
  const label = rule?.label;
  if (!label || rule.kind === 'check' || rule.kind === 'gate') return explanation;
  return { zh: `${label.zh}：${explanation.zh}`, en: `${label.en}: ${explanation.en}` };
}

/**
 * A sentence for a condition and its outcome: "有固定办公台位或服务窗口 = 是",
 * "无失业一年以上人员：否（失业一年以上人员数 = 2）".
 */
export function conditionSentence(
  when: Expression,
  result: EvaluatedValue,
  label: Text | undefined,
  labels: LabelLookup,
): Text {
  const holds = result.value.type === 'boolean' && result.value.value;
  const answer = holds ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  const facts = conditionFacts(result);
  const plainRef = when.op === 'input' || when.op === 'provided' || when.op === 'param';
  if (!label && facts && plainRef) return facts;
  const header = label ?? describeExpression(when, labels);
  if (!facts) return { zh: `${header.zh}：${answer.zh}`, en: `${header.en}: ${answer.en}` };
  return {
    zh: `${header.zh}：${answer.zh}（${facts.zh}）`,
    en: `${header.en}: ${answer.en} (${facts.en})`,
  };
}

/** Reads a boolean condition, failing loudly on a pack whose condition is not boolean. */
export function requireBooleanValue(result: EvaluatedValue, where: string): boolean {
  if (result.value.type !== 'boolean') {
    throw new TypeError(`${where}: the condition is a ${result.value.type}, not a boolean`);
  }
  return result.value.value;
}

/** Reads a number (booleans count as 1 and 0, for "底数不清扣4分"-style incidents). */
export function requireNumberValue(result: EvaluatedValue, where: string): q.Rational {
  if (result.value.type === 'number') return result.value.value;
  if (result.value.type === 'boolean') return result.value.value ? q.ONE : q.ZERO;
  throw new TypeError(`${where}: expected a number, got text`);
}
