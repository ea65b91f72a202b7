import { z } from 'zod';
import * as x from '../exact.ts';
import * as q from '../rational.ts';
import { type Text, textSchema } from '../text.ts';
import {
  type CompiledOutcome,
  type CompiledRule,
  type RuleCompileContext,
  scored as scoredOutcome,
} from './compiled-rule.ts';
import {
  type Assessment,
  type Bounds,
  type BoundsContext,
  bounds as boundsOf,
  type DescribeContext,
  formatPoints,
  pointsText,
  type RuleContext,
  type RuleOutcome,
  scored,
} from './rule-context.ts';

// 酌情评分: an assessor's judgement of 0..points, with a reason, entered at one of `stages`
// of the review chain (the campaign layer names and enforces the stages). Until entered the
// item is awaiting assessment — not 0. Assessments are keyed by `key`, or the item id.

export const assessedRuleSchema = z.strictObject({
  kind: z.literal('assessed'),
  label: textSchema.optional(),
  key: z.string().min(1).optional(),
  points: z.number().positive(),
  min: z.number().default(0),
  /** Granularity of the judgement, e.g. 0.5. */
  step: z.number().positive().optional(),
  /** The review stages that may enter this judgement, e.g. ['town', 'district']. */
  stages: z.array(z.string().min(1)).min(1),
  /** What the assessor looks at, in the source's words. */
  guidance: textSchema,
});
export type AssessedRule = z.infer<typeof assessedRuleSchema>;

/** Why an assessment cannot be used, or null when it can. */
export function assessmentProblem(rule: AssessedRule, assessment: Assessment): Text | null {
  const { points, reason } = assessment;
  if (typeof points !== 'number' || !Number.isFinite(points)) {
    return { zh: '评估分值不是有效数字', en: 'the assessed points are not a finite number' };
  }
  if (points < rule.min || points > rule.points) {
    return {
      zh: `评估分值须在${rule.min}至${rule.points}分之间`,
      en: `the assessed points must lie between ${rule.min} and ${rule.points}`,
    };
  }
  if (rule.step !== undefined) {
    const steps = q.div(q.sub(points, rule.min), rule.step);
    if (!q.isInteger(steps)) {
      return {
        zh: `评估分值须以${rule.step}分为单位`,
        en: `assessed points go in steps of ${rule.step}`,
      };
    }
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    return { zh: '评估须说明理由', en: 'an assessment needs a reason' };
  }
  if (assessment.stage !== undefined && !rule.stages.includes(assessment.stage)) {
    return {
      zh: `评估阶段须为${rule.stages.join('、')}之一`,
      en: `the assessment must be entered at one of: ${rule.stages.join(', ')}`,
    };
  }
  return null;
}

export function evaluate(rule: AssessedRule, ctx: RuleContext): RuleOutcome {
  const key = rule.key ?? ctx.itemId;
  const assessment = ctx.assessment(key);
  if (!assessment) return { status: 'awaiting-assessment', awaiting: [key] };
  const problem = assessmentProblem(rule, assessment);
  if (problem) {
    ctx.issue({ zh: `评估 ${key}：${problem.zh}`, en: `assessment ${key}: ${problem.en}` });
    return { status: 'awaiting-assessment', awaiting: [key] };
  }
  const points = q.fromNumber(assessment.points);
  const awarded = pointsText(points);
  const by = assessment.by
    ? { zh: `，评估人：${assessment.by}`, en: `, by ${assessment.by}` }
    : null;
  return scored(points, {
    zh: `酌情评分，${awarded.zh}（理由：${assessment.reason}${by?.zh ?? ''}）`,
    en: `assessed, ${awarded.en} (reason: ${assessment.reason}${by?.en ?? ''})`,
  });
}

/** `evaluate`, compiled: problems with an assessment are recorded against the item. */
export function compile(rule: AssessedRule, cx: RuleCompileContext): CompiledRule {
  const key = rule.key ?? cx.itemId;
  const itemId = cx.itemId;
  const awaiting: CompiledOutcome = { status: 'awaiting-assessment', awaiting: [key] };
  return (f) => {
    const assessment = f.unit.assessments?.[key];
    if (!assessment) return { status: 'awaiting-assessment', awaiting: awaiting.awaiting };
    const problem = assessmentProblem(rule, assessment);
    if (problem) {
      f.issues.push({
        field: itemId,
        message: { zh: `评估 ${key}：${problem.zh}`, en: `assessment ${key}: ${problem.en}` },
      });
      return { status: 'awaiting-assessment', awaiting: awaiting.awaiting };
    }
    const points = x.fromNumber(assessment.points);
    const awarded = x.pointsText(points);
    const by = assessment.by;
    return scoredOutcome(points, {
      zh: `酌情评分，${awarded.zh}（理由：${assessment.reason}${by ? `，评估人：${by}` : ''}）`,
      en: `assessed, ${awarded.en} (reason: ${assessment.reason}${by ? `, by ${by}` : ''})`,
    });
  };
}

export function bounds(rule: AssessedRule, _ctx?: BoundsContext): Bounds {
  return boundsOf(rule.min, rule.points);
}

export function describe(rule: AssessedRule, _ctx: DescribeContext): Text {
  const points = formatPoints(q.fromNumber(rule.points));
  return {
    zh: `评估人依据“${rule.guidance.zh}”酌情评分（${formatPoints(q.fromNumber(rule.min))}至${points}分，须说明理由）`,
    en: `An assessor's judgement of ${formatPoints(q.fromNumber(rule.min))} to ${points} with a reason, on: ${rule.guidance.en}`,
  };
}
