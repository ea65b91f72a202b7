import type { CompiledExpression } from '../compiled/expressions.ts';
import type { Frame } from '../compiled/frame.ts';
import {
  factsSentence,
  type Known,
  NO,
  type Unresolved,
  type Want,
  YES,
} from '../compiled/result.ts';
import * as x from '../exact.ts';
import type { Expression } from '../expression.ts';
import type { LabelLookup } from '../expression-describe.ts';
import type { Text } from '../text.ts';
import type { Rule } from './rule.ts';
import type { PeerScope } from './rule-context.ts';

// The contract of a compiled rule (the compiled twin of rule-context.ts): each rule module's
// `compile(rule, cx)` returns a closure that scores one unit — the same points and the same
// explanation, byte for byte, as its `evaluate` — with everything that does not depend on the
// unit (thresholds under the plan's parameters, points texts, sentence frames) worked out once.

export type CompiledOutcome =
  | { readonly status: 'scored'; readonly points: x.Exact; readonly explanation: Text }
  | {
      readonly status: 'missing';
      readonly missing: readonly string[];
      readonly awaiting: readonly string[];
    }
  | { readonly status: 'awaiting-assessment'; readonly awaiting: readonly string[] }
  | { readonly status: 'not-applicable'; readonly reason: Text };

export type CompiledRule = (frame: Frame) => CompiledOutcome;

/** A value for this unit and for each of its peers (this unit included), sorted by unit id. */
export type CompiledPeerValues =
  | {
      readonly status: 'value';
      readonly self: Known;
      readonly peers: readonly { readonly unitId: string; readonly value: x.Exact }[];
    }
  | Unresolved;

export interface RuleCompileContext {
  /** The item being compiled (the default key for assessments, the field of issues). */
  readonly itemId: string;
  readonly labels: LabelLookup;
  expression(expr: Expression, want: Want): CompiledExpression;
  rule(rule: Rule): CompiledRule;
  /** The expression in words (describeExpression). */
  describe(expr: Expression): Text;
  /** This unit's value of `expr` and its peers' (the cycle's). */
  peers(expr: Expression, want: Want, scope: PeerScope): (frame: Frame) => CompiledPeerValues;
}

export function scored(points: x.Exact, explanation: Text): CompiledOutcome {
  return { status: 'scored', points, explanation };
}

/** As rule-context.ts's unresolvedOutcome: full-points awards `fullPoints` with the reason. */
export function unresolvedOutcome(result: Unresolved, fullPoints: x.Exact): CompiledOutcome {
  switch (result.status) {
    case 'missing':
      return { status: 'missing', missing: result.missing, awaiting: [] };
    case 'not-applicable':
      return { status: 'not-applicable', reason: result.reason };
    case 'full-points': {
      const awarded = x.pointsText(fullPoints);
      return scored(fullPoints, {
        zh: `${result.reason.zh}，${awarded.zh}`,
        en: `${result.reason.en}: ${awarded.en}`,
      });
    }
  }
}

function unique(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) if (!out.includes(name)) out.push(name);
  return out;
}

/** As rule-context.ts's unscoredOf: not-applicable, then missing, then awaiting; else null. */
export function unscoredOf(outcomes: readonly CompiledOutcome[]): CompiledOutcome | null {
  const missing: string[] = [];
  const awaiting: string[] = [];
  for (const o of outcomes) {
    if (o.status === 'not-applicable') return o;
    if (o.status === 'missing') {
      missing.push(...o.missing);
      awaiting.push(...o.awaiting);
    } else if (o.status === 'awaiting-assessment') {
      awaiting.push(...o.awaiting);
    }
  }
  if (missing.length > 0) {
    return { status: 'missing', missing: unique(missing), awaiting: unique(awaiting) };
  }
  if (awaiting.length > 0) return { status: 'awaiting-assessment', awaiting: unique(awaiting) };
  return null;
}

/**
 * The prefix rule-context.ts's labelledExplanation puts before a part's explanation
 * ("去向落实率(4分)："), or null for rules that state their label themselves.
 */
export function partPrefix(rule: Rule): Text | null {
  const label = rule.label;
  if (!label || rule.kind === 'check' || rule.kind === 'gate') return null;
  return { zh: `${label.zh}：`, en: `${label.en}: ` };
}

export function prefixed(prefix: Text | null, explanation: Text): Text {
  return prefix
    ? { zh: `${prefix.zh}${explanation.zh}`, en: `${prefix.en}${explanation.en}` }
    : explanation;
}

/**
 * rule-context.ts's conditionSentence with its frame prepared: "有固定办公台位或服务窗口 = 是",
 * "无失业一年以上人员：否（失业一年以上人员数 = 2）".
 */
export function conditionSentencer(
  when: Expression,
  label: Text | undefined,
  cx: RuleCompileContext,
): (result: Known) => Text {
  const plainRef = when.op === 'input' || when.op === 'provided' || when.op === 'param';
  let header: Text | null = label ?? null;
  let bare: [Text, Text] | null = null;
  return (result) => {
    const holds = result.value.type === 'boolean' && result.value.value;
    const facts = factsSentence(result.facts);
    if (!label && facts && plainRef) return facts;
    header ??= cx.describe(when);
    if (!facts) {
      bare ??= [
        { zh: `${header.zh}：${YES.zh}`, en: `${header.en}: ${YES.en}` },
        { zh: `${header.zh}：${NO.zh}`, en: `${header.en}: ${NO.en}` },
      ];
      return holds ? bare[0] : bare[1];
    }
    const answer = holds ? YES : NO;
    return {
      zh: `${header.zh}：${answer.zh}（${facts.zh}）`,
      en: `${header.en}: ${answer.en} (${facts.en})`,
    };
  };
}

/** "a，b，c" / "a, b, c": the usual way a rule joins its sentence's parts. */
export function clauses(a: Text, b: Text, c: Text): Text {
  return { zh: `${a.zh}，${b.zh}，${c.zh}`, en: `${a.en}, ${b.en}, ${c.en}` };
}
