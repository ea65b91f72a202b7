import * as x from '../exact.ts';
import type { Expression } from '../expression.ts';
import type { Text } from '../text.ts';
import type { NumberFormat } from '../value.ts';

// What a compiled expression returns for one unit: the interpreter's `Evaluated` (see
// expression-eval.ts), with exact numbers for rationals and two economies. The inline formula
// is built only where a consumer shows it (elsewhere it is EMPTY), and facts are not copied
// from child to parent: they are a tree, flattened and deduplicated only when a sentence is
// written — which gives the interpreter's list, since its per-node deduplication keeps first
// occurrences in order.

export type CompiledValue =
  | { readonly type: 'number'; readonly value: x.Exact; readonly format: NumberFormat }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'text'; readonly value: string };

/** Facts as a tree: none, one statement, or the concatenation of subtrees. */
export type Facts = null | Text | readonly Facts[];

export interface Known {
  readonly status: 'value';
  readonly value: CompiledValue;
  readonly inline: Text;
  readonly facts: Facts;
  readonly precedence: number;
}

export type Unresolved =
  | { readonly status: 'missing'; readonly missing: readonly string[] }
  | { readonly status: 'not-applicable'; readonly reason: Text }
  | { readonly status: 'full-points'; readonly reason: Text };

export type Result = Known | Unresolved;

/** What a consumer reads of a value besides the value itself (decided when compiling). */
export interface Want {
  readonly inline: boolean;
  readonly facts: boolean;
}
export const WANT_NOTHING: Want = { inline: false, facts: false };
export const WANT_INLINE: Want = { inline: true, facts: false };
export const WANT_FACTS: Want = { inline: false, facts: true };
export const WANT_ALL: Want = { inline: true, facts: true };

export const ATOM = 3;
export const EMPTY: Text = { zh: '', en: '' };
export const TRUE: CompiledValue = { type: 'boolean', value: true };
export const FALSE: CompiledValue = { type: 'boolean', value: false };
export const YES: Text = { zh: '是', en: 'yes' };
export const NO: Text = { zh: '否', en: 'no' };

export function known(
  value: CompiledValue,
  inline: Text,
  facts: Facts,
  precedence: number = ATOM,
): Known {
  return { status: 'value', value, inline, facts, precedence };
}

export function numberValue(value: x.Exact, format: NumberFormat): CompiledValue {
  return { type: 'number', value, format };
}

export function same(text: string): Text {
  return { zh: text, en: text };
}

/** A value as shown (value.ts's displayValue). */
export function display(value: CompiledValue, digits?: number): Text {
  switch (value.type) {
    case 'number': {
      const shown = x.displayNumber(value.value, value.format, digits);
      return { zh: shown, en: shown };
    }
    case 'boolean':
      return value.value ? YES : NO;
    case 'text':
      return { zh: value.value, en: value.value };
  }
}

/** Plain JSON for a value, percentages as percent numbers (value.ts's valueToJson). */
export function valueJson(value: CompiledValue): number | boolean | string {
  return value.type === 'number' ? x.numberToJson(value.value, value.format) : value.value;
}

export function labelled(label: Text, shown: Text): Text {
  return { zh: `${label.zh} = ${shown.zh}`, en: `${label.en} = ${shown.en}` };
}

/** "label = inline = value", or "label = value" when they agree (expression-eval.ts). */
export function metricStatement(label: Text, inline: Text, shown: Text): Text {
  if (inline.zh === shown.zh && inline.en === shown.en) return labelled(label, shown);
  return {
    zh: `${label.zh} = ${inline.zh} = ${shown.zh}`,
    en: `${label.en} = ${inline.en} = ${shown.en}`,
  };
}

export function wrap(result: Known, minimum: number): Text {
  return result.precedence < minimum
    ? { zh: `(${result.inline.zh})`, en: `(${result.inline.en})` }
    : result.inline;
}

function collect(facts: Facts, out: Text[]): void {
  if (facts === null) return;
  if (!Array.isArray(facts)) {
    const fact = facts as Text;
    for (const seen of out) {
      if (seen === fact || (seen.zh === fact.zh && seen.en === fact.en)) return;
    }
    out.push(fact);
    return;
  }
  for (const part of facts as readonly Facts[]) collect(part, out);
}

/** The facts in order, each once. */
export function factList(facts: Facts): Text[] {
  const out: Text[] = [];
  collect(facts, out);
  return out;
}

/** The facts joined ("…，…" / "…, …"), or null when there are none (conditionFacts). */
export function factsSentence(facts: Facts): Text | null {
  if (facts === null) return null;
  if (!Array.isArray(facts)) return facts as Text;
  const list = factList(facts);
  if (list.length === 0) return null;
  if (list.length === 1) return list[0] as Text;
  let zh = (list[0] as Text).zh;
  let en = (list[0] as Text).en;
  for (let i = 1; i < list.length; i++) {
    zh += `，${(list[i] as Text).zh}`;
    en += `, ${(list[i] as Text).en}`;
  }
  return { zh, en };
}

/** Merges results that are not values: missing first, then not-applicable, then full-points. */
export function mergeUnresolved(results: readonly Result[]): Unresolved | null {
  let missing: string[] | null = null;
  let notApplicable: Unresolved | null = null;
  let fullPoints: Unresolved | null = null;
  for (const r of results) {
    if (r.status === 'value') continue;
    if (r.status === 'missing') {
      if (missing === null) missing = [];
      for (const name of r.missing) if (!missing.includes(name)) missing.push(name);
    } else if (r.status === 'not-applicable') {
      notApplicable ??= r;
    } else {
      fullPoints ??= r;
    }
  }
  if (missing !== null && missing.length > 0) return { status: 'missing', missing };
  return notApplicable ?? fullPoints;
}

const NAMED = new Set(['input', 'metric', 'reference', 'param', 'provided']);

/** What a consumer of a value statement reads of it (see {@link statement}). */
export function statementWant(expr: Expression): Want {
  if (NAMED.has(expr.op)) return WANT_FACTS;
  if (expr.op === 'number' || expr.op === 'percent') return WANT_NOTHING;
  return WANT_INLINE;
}

/**
 * A sentence for the value a rule reads (expression-eval.ts's valueStatement): the facts behind
 * a named value, the display of a literal, or "description = inline = value". `described` is
 * the expression in words, worked out when compiling.
 */
export function statement(expr: Expression, result: Known, described: Text): Text {
  if (NAMED.has(expr.op)) {
    const facts = factsSentence(result.facts);
    if (facts !== null) return facts;
  }
  const shown = display(result.value);
  if (expr.op === 'number' || expr.op === 'percent') return shown;
  return metricStatement(described, result.inline, shown);
}

/** Reads a number (booleans count as 1 and 0), as rule-context.ts's requireNumberValue. */
export function numberOf(result: Known, where: string): x.Exact {
  const value = result.value;
  if (value.type === 'number') return value.value;
  if (value.type === 'boolean') return value.value ? x.ONE : x.ZERO;
  throw new TypeError(`${where}: expected a number, got text`);
}

/** Reads a boolean condition, as rule-context.ts's requireBooleanValue. */
export function booleanOf(result: Known, where: string): boolean {
  if (result.value.type !== 'boolean') {
    throw new TypeError(`${where}: the condition is a ${result.value.type}, not a boolean`);
  }
  return result.value.value;
}
