import { type Expression, type ExpressionOf, walkExpression } from './expression.ts';
import { comparisonSymbol, describeExpression, type LabelLookup } from './expression-describe.ts';
import * as q from './rational.ts';
import type { Text } from './text.ts';
import { displayValue, type NumberFormat, type Value } from './value.ts';

/** A value looked up by name: present, missing (with the names to supply), or not applicable. */
export type Lookup =
  | { readonly status: 'value'; readonly value: Value; readonly display?: Text }
  | { readonly status: 'missing'; readonly missing: readonly string[] }
  | { readonly status: 'not-applicable'; readonly reason: Text };

/**
 * The result of evaluating an expression for one unit.
 * - `value`: with `inline`, how the value appears substituted into a formula ("43 ÷ (50 − 2)"),
 *   and `facts`, the statements behind it ("就业困难人员就业率 = 43 ÷ (50 − 2) = 89.6%").
 * - `missing`: the names of the inputs (or `reference:…`, `parameter:…`, `unit-kind`, `peers`)
 *   needed first. Missing is never read as 0.
 * - `not-applicable` and `full-points`: an empty denominator's declared policy, passed up to
 *   the rule that reads the value.
 */
export type Evaluated =
  | {
      readonly status: 'value';
      readonly value: Value;
      readonly inline: Text;
      readonly facts: readonly Text[];
      readonly precedence: number;
    }
  | { readonly status: 'missing'; readonly missing: readonly string[] }
  | { readonly status: 'not-applicable'; readonly reason: Text }
  | { readonly status: 'full-points'; readonly reason: Text };

export type EvaluatedValue = Extract<Evaluated, { status: 'value' }>;
export type Unresolved = Exclude<Evaluated, { status: 'value' }>;

export interface MetricLookup {
  readonly result: Evaluated;
  readonly label: Text;
  readonly digits?: number;
}

/** What an expression can see: one unit's inputs, the cycle's parameters and references. */
export interface ExpressionScope {
  readonly labels: LabelLookup;
  input(id: string): Lookup;
  provided(id: string): boolean;
  param(id: string): Lookup;
  reference(id: string): Lookup;
  metric(id: string): MetricLookup;
  unitKind(): Lookup;
  /** Points already scored; only designation requirements may read them. */
  points(expr: ExpressionOf<'total' | 'item-points' | 'category-points'>): Lookup;
}

/** A pack whose expressions do not fit together (wrong types, unknown switch case). */
export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

const ATOM = 3;

function same(text: string): Text {
  return { zh: text, en: text };
}

function dedupe(facts: readonly Text[]): readonly Text[] {
  if (facts.length < 2) return facts;
  const seen = new Set<string>();
  const out: Text[] = [];
  for (const fact of facts) {
    const key = `${fact.zh}\u0000${fact.en}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(fact);
    }
  }
  return out;
}

function resolved(
  value: Value,
  inline: Text,
  facts: readonly Text[],
  precedence = ATOM,
): Evaluated {
  return { status: 'value', value, inline, facts: dedupe(facts), precedence };
}

/** Merges the results that are not values: missing first, then not-applicable, then full-points. */
export function mergeUnresolved(results: readonly Evaluated[]): Unresolved | null {
  const missing = results.flatMap((r) => (r.status === 'missing' ? r.missing : []));
  if (missing.length > 0) return { status: 'missing', missing: [...new Set(missing)] };
  const notApplicable = results.find((r) => r.status === 'not-applicable');
  if (notApplicable) return notApplicable as Unresolved;
  const fullPoints = results.find((r) => r.status === 'full-points');
  return fullPoints ? (fullPoints as Unresolved) : null;
}

function requireNumber(result: EvaluatedValue, expr: Expression): q.Rational {
  if (result.value.type !== 'number') {
    throw new ExpressionError(`expected a number in "${expr.op}", got a ${result.value.type}`);
  }
  return result.value.value;
}

function requireBoolean(result: EvaluatedValue, expr: Expression): boolean {
  if (result.value.type !== 'boolean') {
    throw new ExpressionError(`expected a boolean in "${expr.op}", got a ${result.value.type}`);
  }
  return result.value.value;
}

function combinedFormat(results: readonly EvaluatedValue[]): NumberFormat {
  const formats = results.map((r) => (r.value.type === 'number' ? r.value.format : 'number'));
  if (formats.includes('percent')) return 'percent';
  return formats.every((f) => f === 'count') ? 'count' : 'number';
}

function wrap(result: EvaluatedValue, minimum: number): Text {
  return result.precedence < minimum
    ? { zh: `(${result.inline.zh})`, en: `(${result.inline.en})` }
    : result.inline;
}

function joinInline(parts: readonly Text[], symbol: string): Text {
  return {
    zh: parts.map((p) => p.zh).join(` ${symbol} `),
    en: parts.map((p) => p.en).join(` ${symbol} `),
  };
}

function fromLookup(lookup: Lookup, fact: (display: Text) => Text | null): Evaluated {
  if (lookup.status !== 'value') return lookup;
  const display = lookup.display ?? displayValue(lookup.value);
  const stated = fact(display);
  return resolved(lookup.value, display, stated ? [stated] : []);
}

function labelled(label: Text, display: Text): Text {
  return { zh: `${label.zh} = ${display.zh}`, en: `${label.en} = ${display.en}` };
}

/** The statement of a metric: "label = inline = value", or "label = value" when they agree. */
export function metricStatement(label: Text, inline: Text, display: Text): Text {
  if (inline.zh === display.zh && inline.en === display.en) return labelled(label, display);
  return {
    zh: `${label.zh} = ${inline.zh} = ${display.zh}`,
    en: `${label.en} = ${inline.en} = ${display.en}`,
  };
}

function evaluateAll(exprs: readonly Expression[], scope: ExpressionScope): Evaluated[] {
  return exprs.map((e) => evaluateExpression(e, scope));
}

function arithmetic(
  expr: ExpressionOf<'add' | 'mul' | 'min' | 'max'>,
  scope: ExpressionScope,
): Evaluated {
  const results = evaluateAll(expr.args, scope);
  const unresolved = mergeUnresolved(results);
  if (unresolved) return unresolved;
  const values = results as EvaluatedValue[];
  const numbers = values.map((r, i) => requireNumber(r, expr.args[i] as Expression));
  const facts = values.flatMap((r) => r.facts);
  const format = combinedFormat(values);
  switch (expr.op) {
    case 'add':
      return resolved(
        { type: 'number', value: q.sum(numbers), format },
        joinInline(
          values.map((r) => wrap(r, 1)),
          '+',
        ),
        facts,
        1,
      );
    case 'mul':
      return resolved(
        {
          type: 'number',
          value: numbers.reduce((a, b) => q.mul(a, b), q.ONE),
          format: format === 'count' ? 'count' : 'number',
        },
        joinInline(
          values.map((r) => wrap(r, 2)),
          '×',
        ),
        facts,
        2,
      );
    case 'min':
    case 'max': {
      const [first, ...rest] = numbers as [q.Rational, ...q.Rational[]];
      const value = expr.op === 'min' ? q.min(first, ...rest) : q.max(first, ...rest);
      const inner = values.map((r) => r.inline.zh).join(', ');
      const innerEn = values.map((r) => r.inline.en).join(', ');
      return resolved(
        { type: 'number', value, format },
        { zh: `${expr.op}(${inner})`, en: `${expr.op}(${innerEn})` },
        facts,
      );
    }
  }
}

function division(expr: ExpressionOf<'div' | 'ratio'>, scope: ExpressionScope): Evaluated {
  const top = expr.op === 'ratio' ? expr.numerator : expr.left;
  const bottom = expr.op === 'ratio' ? expr.denominator : expr.right;
  const den = evaluateExpression(bottom, scope);
  if (den.status === 'value' && q.isZero(requireNumber(den, bottom))) {
    return emptyDenominator(expr, bottom, den, scope);
  }
  const num = evaluateExpression(top, scope);
  const unresolved = mergeUnresolved([num, den]);
  if (unresolved) return unresolved;
  const n = num as EvaluatedValue;
  const d = den as EvaluatedValue;
  const value = q.div(requireNumber(n, top), requireNumber(d, bottom));
  return resolved(
    { type: 'number', value, format: expr.op === 'ratio' ? 'percent' : 'number' },
    { zh: `${wrap(n, 2).zh} ÷ ${wrap(d, 3).zh}`, en: `${wrap(n, 2).en} ÷ ${wrap(d, 3).en}` },
    [...n.facts, ...d.facts],
    2,
  );
}

function emptyDenominator(
  expr: ExpressionOf<'div' | 'ratio'>,
  bottom: Expression,
  den: EvaluatedValue,
  scope: ExpressionScope,
): Evaluated {
  const described = describeExpression(bottom, scope.labels);
  const reason = expr.emptyNote ?? {
    zh: `${described.zh}为0`,
    en: `${described.en} is 0`,
  };
  const policy = expr.onZero;
  const format: NumberFormat = expr.op === 'ratio' ? 'percent' : 'number';
  if (policy === 'full-points') return { status: 'full-points', reason };
  if (policy === 'not-applicable') return { status: 'not-applicable', reason };
  if (policy === 'missing') {
    // The data behind the denominator must be completed (or corrected) before this can score.
    const inputs = walkExpression(bottom).flatMap((node) => (node.op === 'input' ? [node.id] : []));
    return {
      status: 'missing',
      missing: inputs.length > 0 ? [...new Set(inputs)] : ['denominator'],
    };
  }
  const value = policy === 'zero' ? q.ZERO : q.fromNumber(policy.value);
  const shown: Value = { type: 'number', value, format };
  const display = displayValue(shown);
  return resolved(shown, display, [
    ...den.facts,
    { zh: `${reason.zh}，按${display.zh}计`, en: `${reason.en}, taken as ${display.en}` },
  ]);
}

function compare(expr: ExpressionOf<'compare'>, scope: ExpressionScope): Evaluated {
  const results = evaluateAll([expr.left, expr.right], scope);
  const unresolved = mergeUnresolved(results);
  if (unresolved) return unresolved;
  const [left, right] = results as [EvaluatedValue, EvaluatedValue];
  const symbol = comparisonSymbol(expr.operator);
  const inline = {
    zh: `${wrap(left, 1).zh} ${symbol} ${wrap(right, 1).zh}`,
    en: `${wrap(left, 1).en} ${symbol} ${wrap(right, 1).en}`,
  };
  let outcome: boolean;
  if (left.value.type === 'number' && right.value.type === 'number') {
    const order = q.compare(left.value.value, right.value.value);
    outcome = {
      '>=': order >= 0,
      '>': order > 0,
      '<=': order <= 0,
      '<': order < 0,
      '=': order === 0,
      '!=': order !== 0,
    }[expr.operator];
  } else if (left.value.type === right.value.type) {
    if (expr.operator !== '=' && expr.operator !== '!=') {
      throw new ExpressionError(`"${expr.operator}" compares numbers only`);
    }
    outcome = (left.value.value === right.value.value) === (expr.operator === '=');
  } else {
    throw new ExpressionError(`cannot compare a ${left.value.type} with a ${right.value.type}`);
  }
  return resolved({ type: 'boolean', value: outcome }, inline, [...left.facts, ...right.facts], 0);
}

function logic(expr: ExpressionOf<'and' | 'or'>, scope: ExpressionScope): Evaluated {
  const results = evaluateAll(expr.args, scope);
  // Kleene logic: one false decides an "and" (one true an "or") even if others are missing.
  const decisive = expr.op === 'or';
  const deciders = results.filter(
    (r, i): r is EvaluatedValue =>
      r.status === 'value' && requireBoolean(r, expr.args[i] as Expression) === decisive,
  );
  const symbol = expr.op === 'and' ? { zh: '且', en: 'and' } : { zh: '或', en: 'or' };
  if (deciders.length > 0) {
    return resolved(
      { type: 'boolean', value: decisive },
      {
        zh: deciders.map((r) => r.inline.zh).join(` ${symbol.zh} `),
        en: deciders.map((r) => r.inline.en).join(` ${symbol.en} `),
      },
      deciders.flatMap((r) => r.facts),
      -1,
    );
  }
  const unresolved = mergeUnresolved(results);
  if (unresolved) return unresolved;
  const values = results as EvaluatedValue[];
  return resolved(
    { type: 'boolean', value: !decisive },
    {
      zh: values.map((r) => r.inline.zh).join(` ${symbol.zh} `),
      en: values.map((r) => r.inline.en).join(` ${symbol.en} `),
    },
    values.flatMap((r) => r.facts),
    -1,
  );
}

function pick(expr: ExpressionOf<'switch'>, scope: ExpressionScope): Evaluated {
  const on = evaluateExpression(expr.on, scope);
  if (on.status !== 'value') return on;
  if (on.value.type === 'number') throw new ExpressionError('switch on a number');
  const key = on.value.value;
  const branch = expr.cases.find((c) => c.is === key)?.value ?? expr.otherwise;
  if (!branch) throw new ExpressionError(`switch has no case for ${JSON.stringify(key)}`);
  const result = evaluateExpression(branch, scope);
  if (result.status !== 'value') return result;
  return resolved(result.value, result.inline, [...on.facts, ...result.facts], result.precedence);
}

// A literal evaluates the same for every unit: evaluate each literal node once.
const literals = new WeakMap<Expression, Evaluated>();

function literal(expr: Expression, build: () => Evaluated): Evaluated {
  const known = literals.get(expr);
  if (known) return known;
  const result = build();
  literals.set(expr, result);
  return result;
}

/** Evaluates an expression for one unit, exactly. */
export function evaluateExpression(expr: Expression, scope: ExpressionScope): Evaluated {
  switch (expr.op) {
    case 'number':
      return literal(expr, () => {
        const value: Value = { type: 'number', value: q.fromNumber(expr.value), format: 'number' };
        return resolved(value, displayValue(value, 6), []);
      });
    case 'percent':
      return literal(expr, () => {
        const value: Value = {
          type: 'number',
          value: q.div(q.fromNumber(expr.value), 100),
          format: 'percent',
        };
        return resolved(value, displayValue(value, 6), []);
      });
    case 'boolean':
      return literal(expr, () => {
        const value: Value = { type: 'boolean', value: expr.value };
        return resolved(value, displayValue(value), []);
      });
    case 'text':
      return literal(expr, () =>
        resolved({ type: 'text', value: expr.value }, same(expr.value), []),
      );
    case 'input': {
      const label = scope.labels('input', expr.id) ?? same(expr.id);
      return fromLookup(scope.input(expr.id), (display) => labelled(label, display));
    }
    case 'provided': {
      const value: Value = { type: 'boolean', value: scope.provided(expr.id) };
      const label = scope.labels('input', expr.id) ?? same(expr.id);
      const display = displayValue(value);
      return resolved(value, display, [
        { zh: `已提供${label.zh}：${display.zh}`, en: `${label.en} provided: ${display.en}` },
      ]);
    }
    case 'param': {
      const label = scope.labels('param', expr.id) ?? same(expr.id);
      return fromLookup(scope.param(expr.id), (display) => labelled(label, display));
    }
    case 'reference': {
      const label = scope.labels('reference', expr.id) ?? same(expr.id);
      return fromLookup(scope.reference(expr.id), (display) => labelled(label, display));
    }
    case 'unit-kind':
      return fromLookup(scope.unitKind(), (display) =>
        labelled({ zh: '单位类型', en: 'unit kind' }, display),
      );
    case 'total':
    case 'item-points':
    case 'category-points': {
      const label = describeExpression(expr, scope.labels);
      return fromLookup(scope.points(expr), (display) => labelled(label, display));
    }
    case 'metric': {
      const { result, label, digits } = scope.metric(expr.id);
      if (result.status !== 'value') return result;
      const display = displayValue(result.value, digits);
      return resolved(result.value, display, [metricStatement(label, result.inline, display)]);
    }
    case 'add':
    case 'mul':
    case 'min':
    case 'max':
      return arithmetic(expr, scope);
    case 'sub': {
      const results = evaluateAll([expr.left, expr.right], scope);
      const unresolved = mergeUnresolved(results);
      if (unresolved) return unresolved;
      const [left, right] = results as [EvaluatedValue, EvaluatedValue];
      return resolved(
        {
          type: 'number',
          value: q.sub(requireNumber(left, expr.left), requireNumber(right, expr.right)),
          format: combinedFormat([left, right]),
        },
        {
          zh: `${wrap(left, 1).zh} − ${wrap(right, 2).zh}`,
          en: `${wrap(left, 1).en} − ${wrap(right, 2).en}`,
        },
        [...left.facts, ...right.facts],
        1,
      );
    }
    case 'div':
    case 'ratio':
      return division(expr, scope);
    case 'compare':
      return compare(expr, scope);
    case 'and':
    case 'or':
      return logic(expr, scope);
    case 'not': {
      const arg = evaluateExpression(expr.arg, scope);
      if (arg.status !== 'value') return arg;
      const value: Value = { type: 'boolean', value: !requireBoolean(arg, expr.arg) };
      return resolved(
        value,
        { zh: `非(${arg.inline.zh})`, en: `not (${arg.inline.en})` },
        arg.facts,
      );
    }
    case 'if': {
      const test = evaluateExpression(expr.test, scope);
      if (test.status !== 'value') return test;
      const branch = requireBoolean(test, expr.test) ? expr.ifTrue : expr.ifFalse;
      const result = evaluateExpression(branch, scope);
      if (result.status !== 'value') return result;
      return resolved(
        result.value,
        result.inline,
        [...test.facts, ...result.facts],
        result.precedence,
      );
    }
    case 'switch':
      return pick(expr, scope);
  }
}

/**
 * A sentence for the value a rule reads: the facts behind a named value
 * ("就业困难人员就业率 = 43 ÷ (50 − 2) = 89.6%"), or "label = inline = value" for a formula.
 */
export function valueStatement(
  expr: Expression,
  result: EvaluatedValue,
  labels: LabelLookup,
  label?: Text,
): Text {
  const display = displayValue(result.value);
  const named = ['input', 'metric', 'reference', 'param', 'provided'].includes(expr.op);
  if (named && result.facts.length > 0) {
    return {
      zh: result.facts.map((f) => f.zh).join('，'),
      en: result.facts.map((f) => f.en).join(', '),
    };
  }
  if (expr.op === 'number' || expr.op === 'percent')
    return label ? labelled(label, display) : display;
  return metricStatement(label ?? describeExpression(expr, labels), result.inline, display);
}

/** The facts behind a condition, joined ("有固定办公台位 = 是，有明显标识 = 否"), or null. */
export function conditionFacts(result: EvaluatedValue): Text | null {
  if (result.facts.length === 0) return null;
  return {
    zh: result.facts.map((f) => f.zh).join('，'),
    en: result.facts.map((f) => f.en).join(', '),
  };
}
