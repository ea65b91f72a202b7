import type { Expression } from '../expression.ts';
import type { Pack } from '../pack-schema.ts';
import type { ParameterValue } from '../parameters.ts';
import * as q from '../rational.ts';
import type { Text } from '../text.ts';
import { type UnitKind, unitKindLabels } from '../unit-kind.ts';
import type { NumberFormat } from '../value.ts';

// What an expression is before any unit reports: thresholds are usually constants, or depend
// only on parameters and the unit kind (宜春: city- vs county-level targets). The linter checks
// bands and ladders once per combination of the values those can take.

/** Parameter values and a unit kind: one combination the linter checks. */
export interface StaticEnv {
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly unitKind?: UnitKind;
}

export type StaticValue =
  | { readonly type: 'number'; readonly value: q.Rational; readonly format: NumberFormat }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'text'; readonly value: string };

/** One combination to check, and how to name it in a message (null when nothing varies). */
export interface StaticContext {
  readonly env: StaticEnv;
  readonly label: Text | null;
}

/**
 * The value of an expression that reads no unit data, or null when it does (inputs,
 * references, points) or when a parameter it reads has no value in `env`.
 */
export function staticValue(
  expr: Expression,
  pack: Pack,
  env: StaticEnv,
  seen: ReadonlySet<string> = new Set(),
): StaticValue | null {
  const value = (e: Expression) => staticValue(e, pack, env, seen);
  const numbers = (exprs: readonly Expression[]) => {
    const out: { value: q.Rational; format: NumberFormat }[] = [];
    for (const e of exprs) {
      const v = value(e);
      if (v?.type !== 'number') return null;
      out.push(v);
    }
    return out;
  };
  const formatOf = (parts: readonly { format: NumberFormat }[]): NumberFormat =>
    parts.some((p) => p.format === 'percent') ? 'percent' : 'number';
  switch (expr.op) {
    case 'number':
      return { type: 'number', value: q.fromNumber(expr.value), format: 'number' };
    case 'percent':
      return { type: 'number', value: q.div(q.fromNumber(expr.value), 100), format: 'percent' };
    case 'boolean':
      return { type: 'boolean', value: expr.value };
    case 'text':
      return { type: 'text', value: expr.value };
    case 'param': {
      const given = env.parameters[expr.id];
      const declared = pack.parameters.find((p) => p.id === expr.id);
      if (given === undefined || !declared) return null;
      if (declared.kind === 'number' && typeof given === 'number') {
        return { type: 'number', value: q.fromNumber(given), format: 'number' };
      }
      if (declared.kind === 'boolean' && typeof given === 'boolean') {
        return { type: 'boolean', value: given };
      }
      return typeof given === 'string' ? { type: 'text', value: given } : null;
    }
    case 'unit-kind':
      return env.unitKind === undefined ? null : { type: 'text', value: env.unitKind };
    case 'metric': {
      const metric = pack.metrics.find((m) => m.id === expr.id);
      if (!metric || seen.has(expr.id)) return null;
      return staticValue(metric.expression, pack, env, new Set([...seen, expr.id]));
    }
    case 'add':
    case 'mul':
    case 'min':
    case 'max': {
      const args = numbers(expr.args);
      if (!args || args.length === 0) return null;
      const values = args.map((a) => a.value);
      const [first, ...rest] = values as [q.Rational, ...q.Rational[]];
      const result =
        expr.op === 'add'
          ? q.sum(values)
          : expr.op === 'mul'
            ? values.reduce((a, b) => q.mul(a, b), q.ONE)
            : expr.op === 'min'
              ? q.min(first, ...rest)
              : q.max(first, ...rest);
      return { type: 'number', value: result, format: formatOf(args) };
    }
    case 'sub': {
      const args = numbers([expr.left, expr.right]);
      if (!args) return null;
      const [a, b] = args as [{ value: q.Rational; format: NumberFormat }, { value: q.Rational }];
      return { type: 'number', value: q.sub(a.value, b.value), format: formatOf(args) };
    }
    case 'div':
    case 'ratio': {
      const [left, right] =
        expr.op === 'div' ? [expr.left, expr.right] : [expr.numerator, expr.denominator];
      const args = numbers([left, right]);
      if (!args) return null;
      const [a, b] = args as unknown as [{ value: q.Rational }, { value: q.Rational }];
      const format = expr.op === 'ratio' ? 'percent' : 'number';
      if (!q.isZero(b.value)) return { type: 'number', value: q.div(a.value, b.value), format };
      if (expr.onZero === 'zero') return { type: 'number', value: q.ZERO, format };
      if (typeof expr.onZero === 'object') {
        return { type: 'number', value: q.fromNumber(expr.onZero.value), format };
      }
      return null;
    }
    case 'compare': {
      const left = value(expr.left);
      const right = value(expr.right);
      if (!left || !right || left.type !== right.type) return null;
      if (left.type === 'number' && right.type === 'number') {
        const order = q.compare(left.value, right.value);
        const holds = {
          '>=': order >= 0,
          '>': order > 0,
          '<=': order <= 0,
          '<': order < 0,
          '=': order === 0,
          '!=': order !== 0,
        }[expr.operator];
        return { type: 'boolean', value: holds };
      }
      if (expr.operator !== '=' && expr.operator !== '!=') return null;
      const same = left.value === right.value;
      return { type: 'boolean', value: expr.operator === '=' ? same : !same };
    }
    case 'and':
    case 'or': {
      const args = expr.args.map(value);
      if (args.some((a) => a !== null && a.type !== 'boolean')) return null;
      const decisive = expr.op !== 'and';
      if (args.some((a) => a?.type === 'boolean' && a.value === decisive)) {
        return { type: 'boolean', value: decisive };
      }
      return args.every((a) => a !== null) ? { type: 'boolean', value: !decisive } : null;
    }
    case 'not': {
      const arg = value(expr.arg);
      return arg?.type === 'boolean' ? { type: 'boolean', value: !arg.value } : null;
    }
    case 'if': {
      const test = value(expr.test);
      if (test?.type !== 'boolean') return null;
      return value(test.value ? expr.ifTrue : expr.ifFalse);
    }
    case 'switch': {
      const on = value(expr.on);
      if (!on || on.type === 'number') return null;
      const branch = expr.cases.find((c) => c.is === on.value);
      if (branch) return value(branch.value);
      return expr.otherwise ? value(expr.otherwise) : null;
    }
    default:
      return null;
  }
}

/** The parameters (through metrics) an expression reads, and whether it reads the unit kind. */
export function staticDependencies(
  exprs: readonly Expression[],
  pack: Pack,
): { parameters: string[]; unitKind: boolean } {
  const parameters = new Set<string>();
  let unitKind = false;
  const seen = new Set<string>();
  const visit = (expr: Expression): void => {
    const stack = [expr];
    while (stack.length > 0) {
      const node = stack.pop() as Expression;
      if (node.op === 'param') parameters.add(node.id);
      if (node.op === 'unit-kind') unitKind = true;
      if (node.op === 'metric' && !seen.has(node.id)) {
        seen.add(node.id);
        const metric = pack.metrics.find((m) => m.id === node.id);
        if (metric) stack.push(metric.expression);
      }
      stack.push(...childrenOf(node));
    }
  };
  for (const expr of exprs) visit(expr);
  const order = pack.parameters.map((p) => p.id);
  return { parameters: order.filter((id) => parameters.has(id)), unitKind };
}

function childrenOf(expr: Expression): Expression[] {
  switch (expr.op) {
    case 'add':
    case 'mul':
    case 'min':
    case 'max':
    case 'and':
    case 'or':
      return [...expr.args];
    case 'sub':
    case 'div':
    case 'compare':
      return [expr.left, expr.right];
    case 'ratio':
      return [expr.numerator, expr.denominator];
    case 'not':
      return [expr.arg];
    case 'if':
      return [expr.test, expr.ifTrue, expr.ifFalse];
    case 'switch':
      return [
        expr.on,
        ...expr.cases.map((c) => c.value),
        ...(expr.otherwise ? [expr.otherwise] : []),
      ];
    default:
      return [];
  }
}

/** At most this many combinations are checked per rule; beyond it, defaults stand in. */
export const MAX_CONTEXTS = 256;

/**
 * Every combination of the values the parameters (enum options, true/false, a number's
 * default) and unit kinds read by `exprs` can take. A number parameter without a default
 * stays unset: what reads it is then not static, and the caller says so.
 */
export function staticContexts(
  exprs: readonly Expression[],
  pack: Pack,
  unitKinds: readonly UnitKind[] = pack.unitKinds,
): StaticContext[] {
  const deps = staticDependencies(exprs, pack);
  type Choice = { id: string; value: ParameterValue | undefined; label: Text };
  const axes: Choice[][] = [];
  for (const id of deps.parameters) {
    const p = pack.parameters.find((x) => x.id === id);
    if (!p) continue;
    const name = p.label;
    const choice = (value: ParameterValue | undefined, shown: Text): Choice => ({
      id,
      value,
      label: { zh: `${name.zh}=${shown.zh}`, en: `${name.en}=${shown.en}` },
    });
    if (p.kind === 'enum') axes.push(p.options.map((o) => choice(o.value, o.label)));
    else if (p.kind === 'boolean') {
      axes.push(
        [true, false].map((v) => choice(v, v ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' })),
      );
    } else {
      const shown =
        p.default === undefined
          ? { zh: '未设定', en: 'unset' }
          : { zh: String(p.default), en: String(p.default) };
      axes.push([choice(p.default, shown)]);
    }
  }
  if (deps.unitKind) {
    axes.push(
      unitKinds.map((kind) => ({
        id: '',
        value: kind,
        label: {
          zh: `单位类型=${unitKindLabels[kind].zh}`,
          en: `unit kind=${unitKindLabels[kind].en}`,
        },
      })),
    );
  }
  let combos: Choice[][] = [[]];
  for (const axis of axes) {
    const next: Choice[][] = [];
    for (const combo of combos) for (const choice of axis) next.push([...combo, choice]);
    combos = next.slice(0, MAX_CONTEXTS);
  }
  const defaults: Record<string, ParameterValue> = {};
  for (const p of pack.parameters) if (p.default !== undefined) defaults[p.id] = p.default;
  return combos.map((combo) => {
    const parameters: Record<string, ParameterValue> = { ...defaults };
    let unitKind: UnitKind | undefined = unitKinds.length === 1 ? unitKinds[0] : undefined;
    for (const choice of combo) {
      if (choice.id === '') unitKind = choice.value as UnitKind;
      else if (choice.value === undefined) delete parameters[choice.id];
      else parameters[choice.id] = choice.value;
    }
    const label =
      combo.length === 0
        ? null
        : {
            zh: combo.map((c) => c.label.zh).join('，'),
            en: combo.map((c) => c.label.en).join(', '),
          };
    return { env: { parameters, ...(unitKind ? { unitKind } : {}) }, label };
  });
}
