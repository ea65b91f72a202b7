import type { Pack } from '../../pack-schema.ts';
import { ruleSites } from '../../pack-sites.ts';
import * as q from '../../rational.ts';
import type { RuleOf } from '../../rules/rule.ts';
import { formatPoints } from '../../rules/rule-context.ts';
import type { UnitKind } from '../../unit-kind.ts';
import { displayNumber } from '../../value.ts';
import { ContextFindings } from '../context-findings.ts';
import type { LintCheck, LintFinding } from '../lint-finding.ts';
import { type StaticValue, staticContexts, staticValue } from '../static-values.ts';
import { valueDomain } from '../value-domain.ts';

// Ladders (阶梯, "10人次以上得1分…50人次以上得5分"): the highest step reached wins, so the
// engine does not care about order — but a pack lists steps as the source does, one way or
// the other, and steps out of order, repeated, or awarding less for more are transcription
// errors. Steps the value can never reach are unreachable.

type NumberValue = Extract<StaticValue, { type: 'number' }>;

export function checkLadderRule(
  rule: RuleOf<'ladder'>,
  path: string,
  pack: Pack,
  unitKinds: readonly UnitKind[],
  out: ContextFindings,
): void {
  const contexts = staticContexts(
    [rule.value, ...rule.steps.map((s) => s.atLeast)],
    pack,
    unitKinds,
  );
  for (const { env, label } of contexts) {
    const values = rule.steps.map((s) => staticValue(s.atLeast, pack, env));
    const unresolved = values.findIndex((v) => v?.type !== 'number');
    if (unresolved >= 0) {
      out.add(
        'warning',
        `${path}.steps[${unresolved}].atLeast`,
        {
          zh: '阶梯门槛取决于单位数据或未设定的参数，无法静态检查',
          en: 'the step depends on unit data or an unset parameter and cannot be checked statically',
        },
        label,
      );
      continue;
    }
    const thresholds = (values as NumberValue[]).map((v) => v.value);
    const shown = (i: number) => {
      const v = values[i] as NumberValue;
      const points = formatPoints(q.fromNumber((rule.steps[i] as { points: number }).points));
      const at = displayNumber(v.value, v.format, 4);
      return {
        zh: `第${i + 1}级（${at}以上得${points}分）`,
        en: `step ${i + 1} (≥${at}: ${points})`,
      };
    };
    // Listing order: all ascending or all descending.
    const orders = thresholds.slice(1).map((t, i) => q.compare(t, thresholds[i] as q.Rational));
    const direction = orders.find((o) => o !== 0) ?? 1;
    for (const [i, order] of orders.entries()) {
      const step = shown(i + 1);
      if (order === 0) {
        out.add(
          'error',
          `${path}.steps[${i + 1}]`,
          {
            zh: `${step.zh}与前一级门槛相同，其中一级永远不会被采用`,
            en: `${step.en} repeats the previous step's threshold: one of them can never apply`,
          },
          label,
        );
      } else if (order !== direction) {
        out.add(
          'error',
          `${path}.steps[${i + 1}]`,
          {
            zh: `${step.zh}顺序错乱：各级门槛应按原文依次递增（或依次递减）列出`,
            en: `${step.en} is out of order: list the steps with thresholds rising (or falling) throughout, as the source does`,
          },
          label,
        );
      }
    }
    // More reached, more points.
    const byThreshold = rule.steps
      .map((s, i) => ({ i, t: thresholds[i] as q.Rational, points: s.points }))
      .sort((a, b) => q.compare(a.t, b.t));
    for (const [k, step] of byThreshold.entries()) {
      const lower = byThreshold[k - 1];
      if (!lower || q.eq(lower.t, step.t)) continue;
      if (step.points < lower.points) {
        out.add(
          'error',
          `${path}.steps[${step.i}]`,
          {
            zh: `${shown(step.i).zh}门槛更高但得分比${shown(lower.i).zh}少`,
            en: `${shown(step.i).en} asks more but awards less than ${shown(lower.i).en}`,
          },
          label,
        );
      } else if (step.points === lower.points) {
        out.add(
          'warning',
          `${path}.steps[${step.i}]`,
          {
            zh: `${shown(step.i).zh}与${shown(lower.i).zh}得分相同，这一级不起作用`,
            en: `${shown(step.i).en} awards the same as ${shown(lower.i).en}: it changes nothing`,
          },
          label,
        );
      }
    }
    const lowest = byThreshold[0];
    if (lowest && rule.otherwise >= lowest.points) {
      const otherwise = formatPoints(q.fromNumber(rule.otherwise));
      out.add(
        'warning',
        `${path}.otherwise`,
        {
          zh: `未达任何一级时得${otherwise}分，不少于${shown(lowest.i).zh}`,
          en: `otherwise awards ${otherwise}, no less than ${shown(lowest.i).en}`,
        },
        label,
      );
    }
    const domain = valueDomain(rule.value, pack, env);
    for (const [i, t] of thresholds.entries()) {
      if (domain.hi !== null && q.gt(t, domain.hi)) {
        out.add(
          'error',
          `${path}.steps[${i}]`,
          {
            zh: `${shown(i).zh}超出取值范围，永远达不到`,
            en: `${shown(i).en} is beyond the value's range and can never be reached`,
          },
          label,
        );
      }
    }
  }
}

export const laddersCheck: LintCheck = {
  id: 'ladders',
  run({ pack }) {
    const findings: LintFinding[] = [];
    for (const item of pack.items) {
      const out = new ContextFindings('ladders');
      for (const site of ruleSites(item.rule, `items[${item.id}].rule`)) {
        if (site.rule.kind !== 'ladder') continue;
        checkLadderRule(site.rule, site.path, pack, item.appliesTo ?? pack.unitKinds, out);
      }
      findings.push(...out.findings());
    }
    return findings;
  },
};
