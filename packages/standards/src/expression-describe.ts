import type { Expression } from './expression.ts';
import { fromNumber } from './rational.ts';
import type { Text } from './text.ts';
import { unitKindLabels } from './unit-kind.ts';
import { displayNumber } from './value.ts';

/** Where an identifier lives, for label lookups. */
export type SymbolKind =
  | 'input'
  | 'param'
  | 'reference'
  | 'metric'
  | 'item'
  | 'category'
  | 'option';

/**
 * Finds the label of a declared symbol (or undefined for unknown ids). Options of enum
 * parameters and inputs are looked up as `option` with id `<param or input id>=<value>`.
 */
export type LabelLookup = (kind: SymbolKind, id: string) => Text | undefined;

const OPERATOR_TEXT: Readonly<Record<string, string>> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
  '!=': '≠',
};

export function comparisonSymbol(operator: string): string {
  return OPERATOR_TEXT[operator] ?? operator;
}

// Binding strength, for parentheses: atoms bind tightest.
function precedence(expr: Expression): number {
  switch (expr.op) {
    case 'add':
    case 'sub':
      return 1;
    case 'mul':
    case 'div':
    case 'ratio':
      return 2;
    case 'compare':
      return 0;
    case 'and':
    case 'or':
    case 'if':
    case 'switch':
      return -1;
    default:
      return 3;
  }
}

function same(text: string): Text {
  return { zh: text, en: text };
}

/**
 * An expression in plain words, with labels for inputs, metrics and parameters:
 * "就业困难人员就业率 ≥ 85%" / "Employment rate of … ≥ 85%". Static: no unit's values.
 */
export function describeExpression(expr: Expression, labels: LabelLookup): Text {
  const inner = (child: Expression, minimum: number): Text => {
    const text = describeExpression(child, labels);
    return precedence(child) < minimum ? { zh: `(${text.zh})`, en: `(${text.en})` } : text;
  };
  const joined = (parts: Text[], zh: string, en: string): Text => ({
    zh: parts.map((part) => part.zh).join(zh),
    en: parts.map((part) => part.en).join(en),
  });
  const named = (kind: Parameters<LabelLookup>[0], id: string): Text =>
    labels(kind, id) ?? same(id);
  switch (expr.op) {
    case 'number':
      return same(displayNumber(fromNumber(expr.value), 'number', 6));
    case 'percent':
      return same(`${displayNumber(fromNumber(expr.value), 'number', 6)}%`);
    case 'boolean':
      return expr.value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
    case 'text':
      return same(JSON.stringify(expr.value));
    case 'input':
      return named('input', expr.id);
    case 'provided': {
      const label = named('input', expr.id);
      return { zh: `已提供${label.zh}`, en: `${label.en} provided` };
    }
    case 'param':
      return named('param', expr.id);
    case 'reference':
      return named('reference', expr.id);
    case 'metric':
      return named('metric', expr.id);
    case 'unit-kind':
      return { zh: '单位类型', en: 'unit kind' };
    case 'total':
      return { zh: '总得分', en: 'total points' };
    case 'item-points': {
      const label = named('item', expr.id);
      return { zh: `${expr.id} ${label.zh}得分`, en: `points of ${expr.id} ${label.en}` };
    }
    case 'category-points': {
      const label = named('category', expr.id);
      return { zh: `${label.zh}得分`, en: `points of ${label.en}` };
    }
    case 'add':
      return joined(
        expr.args.map((arg) => inner(arg, 1)),
        ' + ',
        ' + ',
      );
    case 'sub': {
      const left = inner(expr.left, 1);
      const right = inner(expr.right, 2);
      return { zh: `${left.zh} − ${right.zh}`, en: `${left.en} − ${right.en}` };
    }
    case 'mul':
      return joined(
        expr.args.map((arg) => inner(arg, 2)),
        ' × ',
        ' × ',
      );
    case 'div': {
      const left = inner(expr.left, 2);
      const right = inner(expr.right, 3);
      return { zh: `${left.zh} ÷ ${right.zh}`, en: `${left.en} ÷ ${right.en}` };
    }
    case 'ratio': {
      const left = inner(expr.numerator, 2);
      const right = inner(expr.denominator, 3);
      return { zh: `${left.zh} ÷ ${right.zh}`, en: `${left.en} ÷ ${right.en}` };
    }
    case 'min':
    case 'max': {
      const args = joined(
        expr.args.map((arg) => describeExpression(arg, labels)),
        '，',
        ', ',
      );
      return expr.op === 'min'
        ? { zh: `${args.zh}中的较小者`, en: `the least of ${args.en}` }
        : { zh: `${args.zh}中的较大者`, en: `the greatest of ${args.en}` };
    }
    case 'compare': {
      const left = inner(expr.left, 1);
      const right = inner(expr.right, 1);
      const symbol = comparisonSymbol(expr.operator);
      return { zh: `${left.zh} ${symbol} ${right.zh}`, en: `${left.en} ${symbol} ${right.en}` };
    }
    case 'and':
      return joined(
        expr.args.map((arg) => inner(arg, 0)),
        ' 且 ',
        ' and ',
      );
    case 'or':
      return joined(
        expr.args.map((arg) => inner(arg, 0)),
        ' 或 ',
        ' or ',
      );
    case 'not': {
      const arg = inner(expr.arg, 3);
      return { zh: `非${arg.zh}`, en: `not ${arg.en}` };
    }
    case 'if': {
      const test = describeExpression(expr.test, labels);
      const then = describeExpression(expr.ifTrue, labels);
      const otherwise = describeExpression(expr.ifFalse, labels);
      return {
        zh: `若${test.zh}则${then.zh}，否则${otherwise.zh}`,
        en: `if ${test.en} then ${then.en}, else ${otherwise.en}`,
      };
    }
    case 'switch': {
      const on = describeExpression(expr.on, labels);
      const caseLabel = (is: string | boolean): Text => {
        if (typeof is === 'boolean') return is ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
        if (expr.on.op === 'unit-kind' && is in unitKindLabels) {
          return unitKindLabels[is as keyof typeof unitKindLabels];
        }
        if (expr.on.op === 'param' || expr.on.op === 'input') {
          return labels('option', `${expr.on.id}=${is}`) ?? same(is);
        }
        return same(is);
      };
      const cases = expr.cases.map((branch) => {
        const label = caseLabel(branch.is);
        const then = describeExpression(branch.value, labels);
        return { zh: `${label.zh}时${then.zh}`, en: `${label.en}: ${then.en}` };
      });
      if (expr.otherwise) {
        const otherwise = describeExpression(expr.otherwise, labels);
        cases.push({ zh: `其他${otherwise.zh}`, en: `otherwise ${otherwise.en}` });
      }
      return {
        zh: `按${on.zh}（${cases.map((c) => c.zh).join('；')}）`,
        en: `by ${on.en} (${cases.map((c) => c.en).join('; ')})`,
      };
    }
  }
}
