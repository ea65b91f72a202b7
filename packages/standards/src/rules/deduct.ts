import { z } from 'zod';
import {
  display,
  type Known,
  mergeUnresolved as mergeResults,
  NO,
  numberOf,
  type Result,
  statement,
  statementWant,
  WANT_NOTHING,
  YES,
} from '../compiled/result.ts';
import * as x from '../exact.ts';
import { expressionSchema } from '../expression.ts';
import { type EvaluatedValue, mergeUnresolved, valueStatement } from '../expression-eval.ts';
import * as q from '../rational.ts';
import { type Text, textSchema } from '../text.ts';
import { displayValue } from '../value.ts';
import {
  type CompiledRule,
  type RuleCompileContext,
  scored as scoredOutcome,
  unresolvedOutcome as unresolvedCompiled,
  unscoredOf as unscoredCompiled,
} from './compiled-rule.ts';
import { ruleSchema } from './rule.ts';
import {
  type Bounds,
  type BoundsContext,
  type DescribeContext,
  formatPoints,
  pointsText,
  type RuleContext,
  type RuleOutcome,
  requireNumberValue,
  scored,
  unresolvedOutcome,
  unscoredOf,
} from './rule-context.ts';

// 扣分: a base (points, or another rule) minus deductions, never below `floor`
// ("扣完为止": 0 by default; a pack may set a negative floor where the source says so).
//
// Each deduction takes `points` for every occurrence of `amount` — a count of incidents
// ("每发生1起扣1分"), a condition (true counts once: "底数不清扣4分"), or a metric measured
// in `step`s ("每占抽查比例10%扣4分": amount = the share, step = 10 %). Steps count as
// `whole-steps` (floor: 15 % is one step of 10 %), `started-steps` (ceil) or `exact`.
// A negative amount deducts nothing. `max` caps one deduction ("单个指标扣完10分为止"),
// `maxTotal` all of them ("总计扣完20分为止").

export const deductionSchema = z.strictObject({
  label: textSchema,
  amount: expressionSchema,
  step: expressionSchema.optional(),
  rounding: z.enum(['whole-steps', 'started-steps', 'exact']).default('whole-steps'),
  points: z.number().positive(),
  max: z.number().positive().optional(),
});
export type Deduction = z.infer<typeof deductionSchema>;

export const deductRuleSchema = z.strictObject({
  kind: z.literal('deduct'),
  label: textSchema.optional(),
  get base() {
    return z.union([z.number(), ruleSchema]);
  },
  deductions: z.array(deductionSchema).min(1),
  floor: z.number().default(0),
  maxTotal: z.number().positive().optional(),
});
export type DeductRule = z.infer<typeof deductRuleSchema>;

interface Taken {
  readonly deduction: Deduction;
  readonly points: q.Rational;
  readonly explanation: Text;
}

function occurrences(
  deduction: Deduction,
  amount: q.Rational,
  step: q.Rational | null,
): q.Rational {
  const positive = q.max(amount, 0);
  if (step === null) return positive;
  if (!q.gt(step, 0)) throw new RangeError('deduct: a step must be positive');
  const steps = q.div(positive, step);
  if (deduction.rounding === 'exact') return steps;
  return q.rational(deduction.rounding === 'whole-steps' ? q.floor(steps) : q.ceil(steps));
}

function take(
  deduction: Deduction,
  amount: EvaluatedValue,
  step: EvaluatedValue | null,
  ctx: RuleContext,
): Taken {
  const stepValue = step ? requireNumberValue(step, 'deduct step') : null;
  const count = occurrences(deduction, requireNumberValue(amount, 'deduct amount'), stepValue);
  const raw = q.mul(count, deduction.points);
  const points = deduction.max === undefined ? raw : q.min(raw, deduction.max);
  const per = formatPoints(q.fromNumber(deduction.points));
  const taken = formatPoints(points);
  const statement =
    amount.value.type === 'boolean'
      ? { zh: amount.value.value ? '是' : '否', en: amount.value.value ? 'yes' : 'no' }
      : valueStatement(deduction.amount, amount, ctx.labels);
  const stepText = step
    ? {
        zh: `每${displayValue(step.value).zh}扣${per}分`,
        en: `${per} per ${displayValue(step.value).en}`,
      }
    : amount.value.type === 'boolean'
      ? null
      : { zh: `每次扣${per}分`, en: `${per} each` };
  const capped = q.gt(raw, points)
    ? { zh: `（单项扣完${taken}分为止）`, en: ` (at most ${taken})` }
    : { zh: '', en: '' };
  return {
    deduction,
    points,
    explanation: {
      zh: `${deduction.label.zh}：${statement.zh}，${stepText ? `${stepText.zh}，` : ''}扣${taken}分${capped.zh}`,
      en: `${deduction.label.en}: ${statement.en}, ${stepText ? `${stepText.en}, ` : ''}−${taken}${capped.en}`,
    },
  };
}

function baseOutcome(rule: DeductRule, ctx: RuleContext): RuleOutcome {
  if (typeof rule.base === 'number') {
    const points = q.fromNumber(rule.base);
    return scored(points, {
      zh: `基础分${formatPoints(points)}分`,
      en: `base ${formatPoints(points)}`,
    });
  }
  return ctx.evaluate(rule.base);
}

export function evaluate(rule: DeductRule, ctx: RuleContext): RuleOutcome {
  const base = baseOutcome(rule, ctx);
  const amounts = rule.deductions.map((d) => ctx.value(d.amount));
  const steps = rule.deductions.map((d) => (d.step ? ctx.value(d.step) : null));
  // A deduction whose amount has an empty denominator under `full-points` deducts nothing.
  const unresolved = mergeUnresolved([
    ...amounts.filter((a) => a.status !== 'full-points'),
    ...steps.flatMap((s) => (s ? [s] : [])),
  ]);
  const fromDeductions = unresolved ? unresolvedOutcome(unresolved, q.ZERO) : null;
  const unscored = unscoredOf(fromDeductions ? [base, fromDeductions] : [base]);
  if (unscored) return unscored;
  if (base.status !== 'scored') throw new Error('deduct: unreachable');

  const taken: Taken[] = [];
  for (const [index, deduction] of rule.deductions.entries()) {
    const amount = amounts[index];
    const step = steps[index] ?? null;
    if (amount?.status !== 'value' || (step && step.status !== 'value')) continue;
    taken.push(take(deduction, amount, step as EvaluatedValue | null, ctx));
  }
  let deducted = q.sum(taken.map((t) => t.points));
  const totalCapped = rule.maxTotal !== undefined && q.gt(deducted, rule.maxTotal);
  if (totalCapped) deducted = q.fromNumber(rule.maxTotal as number);
  // Deductions stop at the floor ("扣完为止") but do not lift a base already below it.
  const floor = q.min(rule.floor, base.points);
  const unfloored = q.sub(base.points, deducted);
  const points = q.max(unfloored, floor);

  const parts: Text[] = [base.explanation];
  for (const t of taken) if (!q.isZero(t.points)) parts.push(t.explanation);
  if (taken.every((t) => q.isZero(t.points))) parts.push({ zh: '无扣分', en: 'no deductions' });
  if (totalCapped) {
    const cap = formatPoints(q.fromNumber(rule.maxTotal as number));
    parts.push({ zh: `总计扣完${cap}分为止`, en: `deductions capped at ${cap} in all` });
  }
  const awarded = pointsText(points);
  const floored = q.lt(unfloored, floor)
    ? { zh: '扣完为止，', en: 'deducted down to the floor, ' }
    : { zh: '', en: '' };
  parts.push({ zh: `${floored.zh}${awarded.zh}`, en: `${floored.en}${awarded.en}` });
  return scored(points, {
    zh: parts.map((p) => p.zh).join('；'),
    en: parts.map((p) => p.en).join('; '),
  });
}

/** A deduction compiled: its expressions, and what its sentence needs that never changes. */
interface CompiledDeduction {
  readonly deduction: Deduction;
  readonly amount: (f: Parameters<CompiledRule>[0]) => Result;
  readonly step: ((f: Parameters<CompiledRule>[0]) => Result) | null;
  readonly points: x.Exact;
  readonly max: x.Exact | null;
  readonly per: string;
  readonly described: Text;
}

/** The points a deduction takes (0 when its amount is 0 or less), as `take` counts them. */
function deductedPoints(d: CompiledDeduction, amount: Known, step: Known | null) {
  const stepValue = step ? numberOf(step, 'deduct step') : null;
  const given = numberOf(amount, 'deduct amount');
  const positive = x.gt(x.ZERO, given) ? x.ZERO : given;
  let count = positive;
  if (stepValue !== null) {
    if (!x.gt(stepValue, x.ZERO)) throw new RangeError('deduct: a step must be positive');
    const steps = x.div(positive, stepValue);
    const rounding = d.deduction.rounding;
    count =
      rounding === 'exact' ? steps : rounding === 'whole-steps' ? x.floor(steps) : x.ceil(steps);
  }
  const raw = x.mul(count, d.points);
  return { raw, points: d.max === null ? raw : x.min(raw, d.max) };
}

/** `take`'s sentence, written only for deductions that take something (the others are not shown). */
function deductionSentence(
  d: CompiledDeduction,
  amount: Known,
  step: Known | null,
  taken: { raw: x.Exact; points: x.Exact },
): Text {
  const shownTaken = x.formatPoints(taken.points);
  const label = d.deduction.label;
  const said =
    amount.value.type === 'boolean'
      ? amount.value.value
        ? YES
        : NO
      : statement(d.deduction.amount, amount, d.described);
  let stepZh = '';
  let stepEn = '';
  if (step) {
    const shown = display(step.value);
    stepZh = `每${shown.zh}扣${d.per}分，`;
    stepEn = `${d.per} per ${shown.en}, `;
  } else if (amount.value.type !== 'boolean') {
    stepZh = `每次扣${d.per}分，`;
    stepEn = `${d.per} each, `;
  }
  const capped = x.gt(taken.raw, taken.points);
  return {
    zh: `${label.zh}：${said.zh}，${stepZh}扣${shownTaken}分${capped ? `（单项扣完${shownTaken}分为止）` : ''}`,
    en: `${label.en}: ${said.en}, ${stepEn}−${shownTaken}${capped ? ` (at most ${shownTaken})` : ''}`,
  };
}

/** `evaluate`, compiled: each deduction's fixed words and amounts prepared once. */
export function compile(rule: DeductRule, cx: RuleCompileContext): CompiledRule {
  const base: CompiledRule =
    typeof rule.base === 'number'
      ? ((points) => {
          const outcome = scoredOutcome(points, {
            zh: `基础分${x.formatPoints(points)}分`,
            en: `base ${x.formatPoints(points)}`,
          });
          return () => outcome;
        })(x.fromNumber(rule.base))
      : cx.rule(rule.base);
  const deductions: CompiledDeduction[] = rule.deductions.map((d) => {
    const amount = cx.expression(d.amount, statementWant(d.amount));
    const step = d.step ? cx.expression(d.step, WANT_NOTHING) : null;
    return {
      deduction: d,
      amount: amount.evaluate,
      step: step ? step.evaluate : null,
      points: x.fromNumber(d.points),
      max: d.max === undefined ? null : x.fromNumber(d.max),
      per: x.formatPoints(x.fromNumber(d.points)),
      described: cx.describe(d.amount),
    };
  });
  const ruleFloor = x.fromNumber(rule.floor);
  const maxTotal = rule.maxTotal === undefined ? null : x.fromNumber(rule.maxTotal);
  const capSentence =
    maxTotal &&
    ((cap: string) => ({
      zh: `总计扣完${cap}分为止；`,
      en: `deductions capped at ${cap} in all; `,
    }))(x.formatPoints(maxTotal));
  const count = deductions.length;
  return (f) => {
    const b = base(f);
    const amounts = new Array<Result>(count);
    const steps = new Array<Result | null>(count);
    let allKnown = true;
    for (let i = 0; i < count; i++) {
      const a = (deductions[i] as CompiledDeduction).amount(f);
      amounts[i] = a;
      if (a.status !== 'value' && a.status !== 'full-points') allKnown = false;
    }
    for (let i = 0; i < count; i++) {
      const step = (deductions[i] as CompiledDeduction).step;
      const s = step ? step(f) : null;
      steps[i] = s;
      if (s !== null && s.status !== 'value') allKnown = false;
    }
    if (!allKnown || b.status !== 'scored') {
      // A deduction whose amount has an empty denominator under `full-points` deducts nothing.
      const pending: Result[] = [];
      for (const a of amounts) if (a.status !== 'full-points') pending.push(a);
      for (const s of steps) if (s) pending.push(s);
      const unresolved = mergeResults(pending);
      const fromDeductions = unresolved ? unresolvedCompiled(unresolved, x.ZERO) : null;
      const unscored = unscoredCompiled(fromDeductions ? [b, fromDeductions] : [b]);
      if (unscored) return unscored;
      if (b.status !== 'scored') throw new Error('deduct: unreachable');
    }

    let deducted: x.Exact = x.ZERO;
    let zh = `${b.explanation.zh}；`;
    let en = `${b.explanation.en}; `;
    let anyTaken = false;
    for (let i = 0; i < count; i++) {
      const amount = amounts[i] as Result;
      const step = steps[i] ?? null;
      if (amount.status !== 'value' || (step && step.status !== 'value')) continue;
      const d = deductions[i] as CompiledDeduction;
      const taken = deductedPoints(d, amount, step as Known | null);
      if (x.isZero(taken.points)) continue;
      deducted = x.add(deducted, taken.points);
      anyTaken = true;
      const sentence = deductionSentence(d, amount, step as Known | null, taken);
      zh += `${sentence.zh}；`;
      en += `${sentence.en}; `;
    }
    if (!anyTaken) {
      zh += '无扣分；';
      en += 'no deductions; ';
    }
    if (maxTotal !== null && x.gt(deducted, maxTotal)) {
      deducted = maxTotal;
      zh += (capSentence as Text).zh;
      en += (capSentence as Text).en;
    }
    // Deductions stop at the floor ("扣完为止") but do not lift a base already below it.
    const floor = x.min(ruleFloor, b.points);
    const unfloored = x.sub(b.points, deducted);
    const points = x.max(unfloored, floor);
    const awarded = x.pointsText(points);
    if (x.lt(unfloored, floor)) {
      zh += '扣完为止，';
      en += 'deducted down to the floor, ';
    }
    return scoredOutcome(points, { zh: `${zh}${awarded.zh}`, en: `${en}${awarded.en}` });
  };
}

export function bounds(rule: DeductRule, ctx: BoundsContext): Bounds {
  const base =
    typeof rule.base === 'number'
      ? { min: q.fromNumber(rule.base), max: q.fromNumber(rule.base) }
      : ctx.bounds(rule.base);
  const floor = q.min(rule.floor, base.min);
  const perDeduction = rule.deductions.map((d) =>
    d.max === undefined ? null : q.fromNumber(d.max),
  );
  let most: q.Rational | null = perDeduction.includes(null)
    ? null
    : q.sum(perDeduction as q.Rational[]);
  if (rule.maxTotal !== undefined) {
    most = most === null ? q.fromNumber(rule.maxTotal) : q.min(most, rule.maxTotal);
  }
  const min = most === null ? floor : q.max(floor, q.sub(base.min, most));
  return { min, max: q.max(base.max, floor) };
}

export function describe(rule: DeductRule, ctx: DescribeContext): Text {
  const base =
    typeof rule.base === 'number'
      ? {
          zh: `基础分${formatPoints(q.fromNumber(rule.base))}分`,
          en: `base ${formatPoints(q.fromNumber(rule.base))}`,
        }
      : ctx.describe(rule.base);
  const deductions = rule.deductions.map((d) => {
    const per = formatPoints(q.fromNumber(d.points));
    const amount = ctx.expression(d.amount);
    const step = d.step ? ctx.expression(d.step) : null;
    const cap = d.max === undefined ? null : formatPoints(q.fromNumber(d.max));
    return {
      zh: `${d.label.zh}（${amount.zh}）${step ? `每${step.zh}` : '每次'}扣${per}分${cap ? `，扣完${cap}分为止` : ''}`,
      en: `${d.label.en} (${amount.en}): −${per} per ${step ? step.en : 'occurrence'}${cap ? `, at most ${cap}` : ''}`,
    };
  });
  const floor = formatPoints(q.fromNumber(rule.floor));
  const total = rule.maxTotal === undefined ? null : formatPoints(q.fromNumber(rule.maxTotal));
  return {
    zh: `${base.zh}；减去：${deductions.map((d) => d.zh).join('；')}${total ? `；总计扣完${total}分为止` : ''}；最低${floor}分`,
    en: `${base.en}; minus: ${deductions.map((d) => d.en).join('; ')}${total ? `; at most ${total} in all` : ''}; never below ${floor}`,
  };
}
