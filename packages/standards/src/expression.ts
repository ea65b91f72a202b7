import { z } from 'zod';
import { textSchema } from './text.ts';

// The expression language of packs: a structured AST, evaluated by expression-eval.ts.
// Never strings to eval: packs are data, and a pack from a tenant must not run code.

export const identifierSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'an identifier: a letter, then letters, digits or _');

/**
 * What a ratio or division yields when its denominator is zero — the seeds often say
 * "报告期内未出现…的，得N分" (no such people in the period → full points):
 * - `full-points`: the rule that reads the value awards its maximum;
 * - `zero`: the value is 0;
 * - `not-applicable`: the item does not apply to this unit;
 * - `missing`: the value is unknown, as if its inputs were missing;
 * - `{ value }`: the value is this number (a fraction for ratios: 1 is 100 %).
 */
export const emptyDenominatorPolicySchema = z.union([
  z.enum(['full-points', 'zero', 'not-applicable', 'missing']),
  z.strictObject({ value: z.number() }),
]);
export type EmptyDenominatorPolicy = z.infer<typeof emptyDenominatorPolicySchema>;

export const comparisonOperators = ['>=', '>', '<=', '<', '=', '!='] as const;
export const comparisonOperatorSchema = z.enum(comparisonOperators);
export type ComparisonOperator = z.infer<typeof comparisonOperatorSchema>;

const numberLiteral = z.strictObject({ op: z.literal('number'), value: z.number() });
/** A percentage literal: `{ op: 'percent', value: 85 }` is 85 % (the fraction 17/20). */
const percentLiteral = z.strictObject({ op: z.literal('percent'), value: z.number() });
const booleanLiteral = z.strictObject({ op: z.literal('boolean'), value: z.boolean() });
const textLiteral = z.strictObject({ op: z.literal('text'), value: z.string() });

const inputRef = z.strictObject({ op: z.literal('input'), id: identifierSchema });
/** True when the unit gave the input a value; never missing (for evidence and optional data). */
const providedRef = z.strictObject({ op: z.literal('provided'), id: identifierSchema });
const paramRef = z.strictObject({ op: z.literal('param'), id: identifierSchema });
const referenceRef = z.strictObject({ op: z.literal('reference'), id: identifierSchema });
const metricRef = z.strictObject({ op: z.literal('metric'), id: identifierSchema });
const unitKindRef = z.strictObject({ op: z.literal('unit-kind') });

// Only in designation requirements: points already scored.
const totalRef = z.strictObject({ op: z.literal('total') });
const itemPointsRef = z.strictObject({ op: z.literal('item-points'), id: z.string().min(1) });
const categoryPointsRef = z.strictObject({
  op: z.literal('category-points'),
  id: z.string().min(1),
});

const addExpr = z.strictObject({
  op: z.literal('add'),
  get args() {
    return z.array(expressionSchema).min(2);
  },
});
const subExpr = z.strictObject({
  op: z.literal('sub'),
  get left() {
    return expressionSchema;
  },
  get right() {
    return expressionSchema;
  },
});
const mulExpr = z.strictObject({
  op: z.literal('mul'),
  get args() {
    return z.array(expressionSchema).min(2);
  },
});
const divExpr = z.strictObject({
  op: z.literal('div'),
  get left() {
    return expressionSchema;
  },
  get right() {
    return expressionSchema;
  },
  onZero: emptyDenominatorPolicySchema,
  emptyNote: textSchema.optional(),
});
/** A division shown as a percentage, with an explicit policy for an empty denominator. */
const ratioExpr = z.strictObject({
  op: z.literal('ratio'),
  get numerator() {
    return expressionSchema;
  },
  get denominator() {
    return expressionSchema;
  },
  onZero: emptyDenominatorPolicySchema,
  /** Why an empty denominator gets its policy, in the source's words. */
  emptyNote: textSchema.optional(),
});
const minExpr = z.strictObject({
  op: z.literal('min'),
  get args() {
    return z.array(expressionSchema).min(1);
  },
});
const maxExpr = z.strictObject({
  op: z.literal('max'),
  get args() {
    return z.array(expressionSchema).min(1);
  },
});
const compareExpr = z.strictObject({
  op: z.literal('compare'),
  operator: comparisonOperatorSchema,
  get left() {
    return expressionSchema;
  },
  get right() {
    return expressionSchema;
  },
});
const andExpr = z.strictObject({
  op: z.literal('and'),
  get args() {
    return z.array(expressionSchema).min(1);
  },
});
const orExpr = z.strictObject({
  op: z.literal('or'),
  get args() {
    return z.array(expressionSchema).min(1);
  },
});
const notExpr = z.strictObject({
  op: z.literal('not'),
  get arg() {
    return expressionSchema;
  },
});
const ifExpr = z.strictObject({
  op: z.literal('if'),
  get test() {
    return expressionSchema;
  },
  get ifTrue() {
    return expressionSchema;
  },
  get ifFalse() {
    return expressionSchema;
  },
});
/** Picks a branch by the value of `on` (usually a parameter or the unit kind). */
const switchExpr = z.strictObject({
  op: z.literal('switch'),
  get on() {
    return expressionSchema;
  },
  get cases() {
    return z
      .array(z.strictObject({ is: z.union([z.string(), z.boolean()]), value: expressionSchema }))
      .min(1);
  },
  get otherwise() {
    return expressionSchema.optional();
  },
});

export const expressionSchema = z.discriminatedUnion('op', [
  numberLiteral,
  percentLiteral,
  booleanLiteral,
  textLiteral,
  inputRef,
  providedRef,
  paramRef,
  referenceRef,
  metricRef,
  unitKindRef,
  totalRef,
  itemPointsRef,
  categoryPointsRef,
  addExpr,
  subExpr,
  mulExpr,
  divExpr,
  ratioExpr,
  minExpr,
  maxExpr,
  compareExpr,
  andExpr,
  orExpr,
  notExpr,
  ifExpr,
  switchExpr,
]);

export type Expression = z.infer<typeof expressionSchema>;
export type ExpressionOp = Expression['op'];
/** An expression node of one kind: `ExpressionOf<'ratio'>`. */
export type ExpressionOf<K extends ExpressionOp> = Extract<Expression, { op: K }>;

/** The direct sub-expressions of a node, in a fixed order. */
export function childExpressions(expr: Expression): Expression[] {
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
        ...expr.cases.map((branch) => branch.value),
        ...(expr.otherwise ? [expr.otherwise] : []),
      ];
    default:
      return [];
  }
}

/** Every node of an expression, depth first, the node itself first. */
export function walkExpression(expr: Expression): Expression[] {
  const nodes: Expression[] = [];
  const stack: Expression[] = [expr];
  while (stack.length > 0) {
    const node = stack.pop() as Expression;
    nodes.push(node);
    stack.push(...childExpressions(node).reverse());
  }
  return nodes;
}
