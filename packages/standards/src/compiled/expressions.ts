import * as x from '../exact.ts';
import { type Expression, type ExpressionOf, walkExpression } from '../expression.ts';
import { comparisonSymbol, describeExpression, type LabelLookup } from '../expression-describe.ts';
import { ExpressionError } from '../expression-eval.ts';
import type { Parameter } from '../pack-schema.ts';
import type { ParameterValue } from '../parameters.ts';
import type { Text } from '../text.ts';
import { type UnitKind, unitKindLabels } from '../unit-kind.ts';
import type { NumberFormat } from '../value.ts';
import type { CompiledLookup, Frame } from './frame.ts';
import {
  type CompiledValue,
  display,
  EMPTY,
  FALSE,
  type Facts,
  type Known,
  known,
  labelled,
  mergeUnresolved,
  metricStatement,
  NO,
  numberValue,
  type Result,
  same,
  TRUE,
  type Unresolved,
  WANT_NOTHING,
  type Want,
  wrap,
  YES,
} from './result.ts';

// Expressions compiled to closures `(frame) => result`, once per pack, parameter set and unit
// kind (expression-eval.ts's evaluateExpression, compiled). What cannot differ between units
// of the plan — literals, parameters, the unit kind and anything built of them only — is
// worked out on first use and kept (so a pack error still surfaces where the interpreter
// would raise it). Inline formulas and facts are built only where a consumer reads them.

export type Evaluate = (frame: Frame) => Result;

export interface CompiledExpression {
  readonly evaluate: Evaluate;
  /** True when the result is the same for every unit of the plan. */
  readonly fixed: boolean;
}

/** What expressions are compiled against: one pack, one parameter set, one unit kind. */
export interface ExpressionContext {
  readonly labels: LabelLookup;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly kind: UnitKind | undefined;
  parameter(id: string): Parameter | undefined;
  inputSlot(id: string): number;
  metricIndex(id: string): number;
  /** Marks a metric whose statement (label = formula = value) some sentence shows. */
  metricStatementShown(index: number): void;
}

const UNIT_KIND_LABEL: Text = { zh: '单位类型', en: 'unit kind' };

function constant(run: () => Result): CompiledExpression {
  let kept: Result | null = null;
  return {
    fixed: true,
    evaluate: () => {
      if (kept === null) kept = run();
      return kept;
    },
  };
}

function dynamic(evaluate: Evaluate): CompiledExpression {
  return { fixed: false, evaluate };
}

/** Dynamic unless every part is fixed (then evaluated once, on first use). */
function built(parts: readonly CompiledExpression[], evaluate: Evaluate): CompiledExpression {
  if (parts.every((p) => p.fixed)) {
    const run = evaluate;
    return constant(() => run(null as unknown as Frame));
  }
  return dynamic(evaluate);
}

function both(a: Facts, b: Facts): Facts {
  if (a === null) return b;
  if (b === null) return a;
  return [a, b];
}

function requireNumber(result: Known, expr: Expression): x.Exact {
  if (result.value.type !== 'number') {
    throw new ExpressionError(`expected a number in "${expr.op}", got a ${result.value.type}`);
  }
  return result.value.value;
}

function requireBoolean(result: Known, expr: Expression): boolean {
  if (result.value.type !== 'boolean') {
    throw new ExpressionError(`expected a boolean in "${expr.op}", got a ${result.value.type}`);
  }
  return result.value.value;
}

function combinedFormat(results: readonly Known[]): NumberFormat {
  let allCounts = true;
  for (const r of results) {
    const format = r.value.type === 'number' ? r.value.format : 'number';
    if (format === 'percent') return 'percent';
    if (format !== 'count') allCounts = false;
  }
  return allCounts ? 'count' : 'number';
}

function fromLookup(lookup: CompiledLookup, label: Text): Result {
  if (lookup.status !== 'value') return lookup;
  const shown = lookup.display ?? display(lookup.value);
  return known(lookup.value, shown, labelled(label, shown));
}

function parameterValue(parameter: Parameter, value: ParameterValue): CompiledValue {
  switch (parameter.kind) {
    case 'enum':
      return { type: 'text', value: value as string };
    case 'boolean':
      return value ? TRUE : FALSE;
    case 'number':
      return numberValue(x.fromNumber(value as number), 'number');
  }
}

/** Compiles `expr`; `want` says whether its inline formula and its facts will be read. */
export function compileExpression(
  expr: Expression,
  want: Want,
  cx: ExpressionContext,
): CompiledExpression {
  switch (expr.op) {
    case 'number':
      return constant(() => {
        const value = numberValue(x.fromNumber(expr.value), 'number');
        return known(value, display(value, 6), null);
      });
    case 'percent':
      return constant(() => {
        const value = numberValue(x.div(x.fromNumber(expr.value), x.int(100)), 'percent');
        return known(value, display(value, 6), null);
      });
    case 'boolean':
      return constant(() => known(expr.value ? TRUE : FALSE, expr.value ? YES : NO, null));
    case 'text':
      return constant(() => known({ type: 'text', value: expr.value }, same(expr.value), null));
    case 'input': {
      const slot = cx.inputSlot(expr.id);
      if (!want.inline && !want.facts) {
        // The value alone (a constraint, a threshold, a metric's value): nothing to show.
        return dynamic((f) => {
          f.noteInput(slot);
          return f.inputValue(slot);
        });
      }
      return dynamic((f) => {
        f.noteInput(slot);
        return f.input(slot);
      });
    }
    case 'provided':
      return compileProvided(expr, cx);
    case 'param':
      return constant(() => {
        const parameter = cx.parameter(expr.id);
        if (!parameter) throw new Error(`unknown parameter ${expr.id}`);
        const label = cx.labels('param', expr.id) ?? same(expr.id);
        const given = cx.parameters[expr.id];
        if (given === undefined) return { status: 'missing', missing: [`parameter:${expr.id}`] };
        const value = parameterValue(parameter, given);
        const option =
          parameter.kind === 'enum' ? parameter.options.find((o) => o.value === given) : undefined;
        return fromLookup(
          option ? { status: 'value', value, display: option.label } : { status: 'value', value },
          label,
        );
      });
    case 'reference': {
      const label = cx.labels('reference', expr.id) ?? same(expr.id);
      const id = expr.id;
      return dynamic((f) => fromLookup(f.reference(id), label));
    }
    case 'unit-kind':
      return constant(() => {
        const kind = cx.kind;
        if (!kind) return { status: 'missing', missing: ['unit-kind'] };
        return fromLookup(
          { status: 'value', value: { type: 'text', value: kind }, display: unitKindLabels[kind] },
          UNIT_KIND_LABEL,
        );
      });
    case 'total':
    case 'item-points':
    case 'category-points': {
      const label = describeExpression(expr, cx.labels);
      return dynamic((f) => fromLookup(f.pointsOf(expr), label));
    }
    case 'metric':
      return compileMetric(expr, want, cx);
    case 'add':
    case 'mul':
    case 'min':
    case 'max':
      return compileArithmetic(expr, want, cx);
    case 'sub':
      return compileSub(expr, want, cx);
    case 'div':
    case 'ratio':
      return compileDivision(expr, want, cx);
    case 'compare':
      return compileCompare(expr, want, cx);
    case 'and':
    case 'or':
      return compileLogic(expr, want, cx);
    case 'not': {
      const arg = compileExpression(expr.arg, want, cx);
      return built([arg], (f) => {
        const a = arg.evaluate(f);
        if (a.status !== 'value') return a;
        const value = requireBoolean(a, expr.arg) ? FALSE : TRUE;
        const inline = want.inline
          ? { zh: `非(${a.inline.zh})`, en: `not (${a.inline.en})` }
          : EMPTY;
        return known(value, inline, a.facts);
      });
    }
    case 'if':
      return compileIf(expr, want, cx);
    case 'switch':
      return compileSwitch(expr, want, cx);
  }
}

function compileProvided(expr: ExpressionOf<'provided'>, cx: ExpressionContext) {
  const slot = cx.inputSlot(expr.id);
  const label = cx.labels('input', expr.id) ?? same(expr.id);
  const answer = (given: boolean): Known => {
    const shown = given ? YES : NO;
    return known(given ? TRUE : FALSE, shown, {
      zh: `已提供${label.zh}：${shown.zh}`,
      en: `${label.en} provided: ${shown.en}`,
    });
  };
  const given = answer(true);
  const absent = answer(false);
  return dynamic((f) => {
    f.noteInput(slot);
    return f.values[slot] !== undefined ? given : absent;
  });
}

function compileMetric(
  expr: ExpressionOf<'metric'>,
  want: Want,
  cx: ExpressionContext,
): CompiledExpression {
  const index = cx.metricIndex(expr.id);
  if (!want.facts) {
    // No statement (and so no formula for it): the value, shown if a formula shows it.
    return dynamic((f) => {
      const result = f.metric(index);
      if (result.status !== 'value') return result;
      const inline = want.inline
        ? display(result.value, f.plan.metricDeclaration(index).digits)
        : EMPTY;
      return known(result.value, inline, null);
    });
  }
  cx.metricStatementShown(index);
  return dynamic((f) => {
    const result = f.metric(index);
    if (result.status !== 'value') return result;
    const node = f.metricNodes[index];
    if (node !== undefined) return node;
    const metric = f.plan.metricDeclaration(index);
    const shown = display(result.value, metric.digits);
    const statement = metricStatement(metric.label, f.metricInline(index), shown);
    const built = known(result.value, shown, statement);
    f.metricNodes[index] = built;
    return built;
  });
}

function evaluateAll(parts: readonly CompiledExpression[], f: Frame): Result[] {
  const results = new Array<Result>(parts.length);
  for (let i = 0; i < parts.length; i++) results[i] = (parts[i] as CompiledExpression).evaluate(f);
  return results;
}

function joined(results: readonly Known[], pick: (r: Known) => Text, symbol: Text): Text {
  let zh = pick(results[0] as Known).zh;
  let en = pick(results[0] as Known).en;
  for (let i = 1; i < results.length; i++) {
    const t = pick(results[i] as Known);
    zh += `${symbol.zh}${t.zh}`;
    en += `${symbol.en}${t.en}`;
  }
  return { zh, en };
}

function factsOf(results: readonly Known[]): Facts {
  let facts: Facts = null;
  for (const r of results) facts = both(facts, r.facts);
  return facts;
}

const PLUS = same(' + ');
const TIMES = same(' × ');
const COMMA = same(', ');

function compileArithmetic(
  expr: ExpressionOf<'add' | 'mul' | 'min' | 'max'>,
  want: Want,
  cx: ExpressionContext,
): CompiledExpression {
  const args = expr.args.map((a) => compileExpression(a, want, cx));
  const op = expr.op;
  return built(args, (f) => {
    const results = evaluateAll(args, f);
    const unresolved = mergeUnresolved(results);
    if (unresolved) return unresolved;
    const values = results as Known[];
    const numbers = values.map((r, i) => requireNumber(r, expr.args[i] as Expression));
    const facts = want.facts ? factsOf(values) : null;
    const format = combinedFormat(values);
    switch (op) {
      case 'add': {
        let total = numbers[0] as x.Exact;
        for (let i = 1; i < numbers.length; i++) total = x.add(total, numbers[i] as x.Exact);
        const inline = want.inline ? joined(values, (r) => wrap(r, 1), PLUS) : EMPTY;
        return known(numberValue(total, format), inline, facts, 1);
      }
      case 'mul': {
        let product: x.Exact = x.ONE;
        for (const n of numbers) product = x.mul(product, n);
        const inline = want.inline ? joined(values, (r) => wrap(r, 2), TIMES) : EMPTY;
        return known(
          numberValue(product, format === 'count' ? 'count' : 'number'),
          inline,
          facts,
          2,
        );
      }
      case 'min':
      case 'max': {
        let best = numbers[0] as x.Exact;
        for (let i = 1; i < numbers.length; i++) {
          const n = numbers[i] as x.Exact;
          if (op === 'min' ? x.lt(n, best) : x.gt(n, best)) best = n;
        }
        let inline = EMPTY;
        if (want.inline) {
          const inner = joined(values, (r) => r.inline, COMMA);
          inline = { zh: `${op}(${inner.zh})`, en: `${op}(${inner.en})` };
        }
        return known(numberValue(best, format), inline, facts);
      }
    }
  });
}

function compileSub(expr: ExpressionOf<'sub'>, want: Want, cx: ExpressionContext) {
  const left = compileExpression(expr.left, want, cx);
  const right = compileExpression(expr.right, want, cx);
  return built([left, right], (f) => {
    const l = left.evaluate(f);
    const r = right.evaluate(f);
    if (l.status !== 'value' || r.status !== 'value') {
      return mergeUnresolved([l, r]) as Unresolved;
    }
    const value = x.sub(requireNumber(l, expr.left), requireNumber(r, expr.right));
    const inline = want.inline
      ? { zh: `${wrap(l, 1).zh} − ${wrap(r, 2).zh}`, en: `${wrap(l, 1).en} − ${wrap(r, 2).en}` }
      : EMPTY;
    return known(
      numberValue(value, combinedFormat([l, r])),
      inline,
      want.facts ? both(l.facts, r.facts) : null,
      1,
    );
  });
}

function compileDivision(
  expr: ExpressionOf<'div' | 'ratio'>,
  want: Want,
  cx: ExpressionContext,
): CompiledExpression {
  const topExpr = expr.op === 'ratio' ? expr.numerator : expr.left;
  const bottomExpr = expr.op === 'ratio' ? expr.denominator : expr.right;
  const top = compileExpression(topExpr, want, cx);
  const bottom = compileExpression(bottomExpr, want, cx);
  const format: NumberFormat = expr.op === 'ratio' ? 'percent' : 'number';
  let empty: ((den: Known) => Result) | null = null;
  return built([top, bottom], (f) => {
    const den = bottom.evaluate(f);
    if (den.status === 'value' && x.isZero(requireNumber(den, bottomExpr))) {
      empty ??= emptyDenominator(expr, bottomExpr, format, want, cx);
      return empty(den);
    }
    const num = top.evaluate(f);
    if (num.status !== 'value' || den.status !== 'value') {
      return mergeUnresolved([num, den]) as Unresolved;
    }
    const value = x.div(requireNumber(num, topExpr), requireNumber(den, bottomExpr));
    const inline = want.inline
      ? {
          zh: `${wrap(num, 2).zh} ÷ ${wrap(den, 3).zh}`,
          en: `${wrap(num, 2).en} ÷ ${wrap(den, 3).en}`,
        }
      : EMPTY;
    return known(
      numberValue(value, format),
      inline,
      want.facts ? both(num.facts, den.facts) : null,
      2,
    );
  });
}

/** An empty denominator's declared policy (expression-eval.ts's emptyDenominator), prepared once. */
function emptyDenominator(
  expr: ExpressionOf<'div' | 'ratio'>,
  bottom: Expression,
  format: NumberFormat,
  want: Want,
  cx: ExpressionContext,
): (den: Known) => Result {
  const described = describeExpression(bottom, cx.labels);
  const reason = expr.emptyNote ?? { zh: `${described.zh}为0`, en: `${described.en} is 0` };
  const policy = expr.onZero;
  if (policy === 'full-points' || policy === 'not-applicable') {
    const result: Unresolved = { status: policy, reason };
    return () => result;
  }
  if (policy === 'missing') {
    const inputs = walkExpression(bottom).flatMap((node) => (node.op === 'input' ? [node.id] : []));
    const result: Unresolved = {
      status: 'missing',
      missing: inputs.length > 0 ? [...new Set(inputs)] : ['denominator'],
    };
    return () => result;
  }
  const value = numberValue(policy === 'zero' ? x.ZERO : x.fromNumber(policy.value), format);
  const shown = display(value);
  const taken = { zh: `${reason.zh}，按${shown.zh}计`, en: `${reason.en}, taken as ${shown.en}` };
  return (den) => known(value, shown, want.facts ? both(den.facts, taken) : taken);
}

function compileCompare(expr: ExpressionOf<'compare'>, want: Want, cx: ExpressionContext) {
  const left = compileExpression(expr.left, want, cx);
  const right = compileExpression(expr.right, want, cx);
  const symbol = comparisonSymbol(expr.operator);
  const operator = expr.operator;
  return built([left, right], (f) => {
    const l = left.evaluate(f);
    const r = right.evaluate(f);
    if (l.status !== 'value' || r.status !== 'value') {
      return mergeUnresolved([l, r]) as Unresolved;
    }
    const inline = want.inline
      ? {
          zh: `${wrap(l, 1).zh} ${symbol} ${wrap(r, 1).zh}`,
          en: `${wrap(l, 1).en} ${symbol} ${wrap(r, 1).en}`,
        }
      : EMPTY;
    let outcome: boolean;
    if (l.value.type === 'number' && r.value.type === 'number') {
      const order = x.compare(l.value.value, r.value.value);
      outcome =
        operator === '>='
          ? order >= 0
          : operator === '>'
            ? order > 0
            : operator === '<='
              ? order <= 0
              : operator === '<'
                ? order < 0
                : operator === '='
                  ? order === 0
                  : order !== 0;
    } else if (l.value.type === r.value.type) {
      if (operator !== '=' && operator !== '!=') {
        throw new ExpressionError(`"${operator}" compares numbers only`);
      }
      outcome = (l.value.value === r.value.value) === (operator === '=');
    } else {
      throw new ExpressionError(`cannot compare a ${l.value.type} with a ${r.value.type}`);
    }
    return known(outcome ? TRUE : FALSE, inline, want.facts ? both(l.facts, r.facts) : null, 0);
  });
}

const AND: Text = { zh: ' 且 ', en: ' and ' };
const OR: Text = { zh: ' 或 ', en: ' or ' };

function compileLogic(expr: ExpressionOf<'and' | 'or'>, want: Want, cx: ExpressionContext) {
  const args = expr.args.map((a) => compileExpression(a, want, cx));
  // Kleene logic: one false decides an "and" (one true an "or") even if others are missing.
  const decisive = expr.op === 'or';
  const symbol = expr.op === 'and' ? AND : OR;
  return built(args, (f) => {
    const results = evaluateAll(args, f);
    let deciders: Known[] | null = null;
    for (let i = 0; i < results.length; i++) {
      const r = results[i] as Result;
      if (r.status === 'value' && requireBoolean(r, expr.args[i] as Expression) === decisive) {
        if (deciders === null) deciders = [];
        deciders.push(r);
      }
    }
    if (deciders !== null) {
      return known(
        decisive ? TRUE : FALSE,
        want.inline ? joined(deciders, (r) => r.inline, symbol) : EMPTY,
        want.facts ? factsOf(deciders) : null,
        -1,
      );
    }
    const unresolved = mergeUnresolved(results);
    if (unresolved) return unresolved;
    const values = results as Known[];
    return known(
      decisive ? FALSE : TRUE,
      want.inline ? joined(values, (r) => r.inline, symbol) : EMPTY,
      want.facts ? factsOf(values) : null,
      -1,
    );
  });
}

function compileIf(expr: ExpressionOf<'if'>, want: Want, cx: ExpressionContext) {
  const testWant: Want = want.facts ? { inline: false, facts: true } : WANT_NOTHING;
  const test = compileExpression(expr.test, testWant, cx);
  const ifTrue = compileExpression(expr.ifTrue, want, cx);
  const ifFalse = compileExpression(expr.ifFalse, want, cx);
  return built([test, ifTrue, ifFalse], (f) => {
    const t = test.evaluate(f);
    if (t.status !== 'value') return t;
    const result = (requireBoolean(t, expr.test) ? ifTrue : ifFalse).evaluate(f);
    if (result.status !== 'value') return result;
    return known(
      result.value,
      result.inline,
      want.facts ? both(t.facts, result.facts) : null,
      result.precedence,
    );
  });
}

function compileSwitch(expr: ExpressionOf<'switch'>, want: Want, cx: ExpressionContext) {
  const onWant: Want = want.facts ? { inline: false, facts: true } : WANT_NOTHING;
  const on = compileExpression(expr.on, onWant, cx);
  const branches = new Map<string | boolean, CompiledExpression>();
  const parts = [on];
  for (const c of expr.cases) {
    if (branches.has(c.is)) continue;
    const branch = compileExpression(c.value, want, cx);
    branches.set(c.is, branch);
    parts.push(branch);
  }
  const otherwise = expr.otherwise ? compileExpression(expr.otherwise, want, cx) : undefined;
  if (otherwise) parts.push(otherwise);
  return built(parts, (f) => {
    const o = on.evaluate(f);
    if (o.status !== 'value') return o;
    if (o.value.type === 'number') throw new ExpressionError('switch on a number');
    const key = o.value.value;
    const branch = branches.get(key) ?? otherwise;
    if (!branch) throw new ExpressionError(`switch has no case for ${JSON.stringify(key)}`);
    const result = branch.evaluate(f);
    if (result.status !== 'value') return result;
    return known(
      result.value,
      result.inline,
      want.facts ? both(o.facts, result.facts) : null,
      result.precedence,
    );
  });
}
