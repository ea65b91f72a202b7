import { comparisonSymbol } from '../../expression-describe.ts';
import type { Pack } from '../../pack-schema.ts';
import { ruleSites } from '../../pack-sites.ts';
import * as q from '../../rational.ts';
import type { RuleOf } from '../../rules/rule.ts';
import { formatPoints } from '../../rules/rule-context.ts';
import type { UnitKind } from '../../unit-kind.ts';
import { displayNumber } from '../../value.ts';
import { analyseBands, type ResolvedBand } from '../band-analysis.ts';
import { ContextFindings } from '../context-findings.ts';
import type { LintCheck, LintFinding } from '../lint-finding.ts';
import { type StaticValue, staticContexts, staticValue } from '../static-values.ts';
import { valueDomain } from '../value-domain.ts';

// Band rules (分档): unreachable, overlapping and gapped bands, on constant thresholds and —
// for thresholds that depend on parameters or the unit kind — once per combination.

type Shown = { readonly zh: string; readonly en: string };

function shownThreshold(value: Extract<StaticValue, { type: 'number' }>): string {
  return displayNumber(value.value, value.format, 4);
}

function bandText(index: number, operator: string, threshold: string, points: number): Shown {
  const p = formatPoints(q.fromNumber(points));
  const symbol = comparisonSymbol(operator);
  return {
    zh: `第${index + 1}档（${symbol}${threshold}得${p}分）`,
    en: `band ${index + 1} (${symbol}${threshold}: ${p})`,
  };
}

export function checkBandRule(
  rule: RuleOf<'band'>,
  path: string,
  pack: Pack,
  unitKinds: readonly UnitKind[],
  out: ContextFindings,
): void {
  const contexts = staticContexts(
    [rule.value, ...rule.bands.map((b) => b.threshold)],
    pack,
    unitKinds,
  );
  for (const { env, label } of contexts) {
    const values = rule.bands.map((b) => staticValue(b.threshold, pack, env));
    const unresolved = values.findIndex((v) => v?.type !== 'number');
    if (unresolved >= 0) {
      out.add(
        'warning',
        `${path}.bands[${unresolved}].threshold`,
        {
          zh: '分档阈值取决于单位数据或未设定的参数，无法静态检查',
          en: 'the threshold depends on unit data or an unset parameter and cannot be checked statically',
        },
        label,
      );
      continue;
    }
    const numbers = values as Extract<StaticValue, { type: 'number' }>[];
    const bands: ResolvedBand[] = rule.bands.map((b, i) => ({
      operator: b.operator,
      threshold: (numbers[i] as Extract<StaticValue, { type: 'number' }>).value,
      points: b.points,
    }));
    const describe = (i: number) =>
      bandText(
        i,
        (rule.bands[i] as { operator: string }).operator,
        shownThreshold(numbers[i] as Extract<StaticValue, { type: 'number' }>),
        (rule.bands[i] as { points: number }).points,
      );
    const domain = valueDomain(rule.value, pack, env);
    const analysis = analyseBands(bands, rule.otherwise, domain);
    for (const i of analysis.unreachable) {
      const band = describe(i);
      out.add(
        'error',
        `${path}.bands[${i}]`,
        {
          zh: `${band.zh}永远不会被采用：前面的档或取值范围已覆盖它（分档按列出顺序，先满足者计分）`,
          en: `${band.en} can never apply: earlier bands or the value's range cover it (the first band that holds wins)`,
        },
        label,
      );
    }
    for (const { earlier, later } of analysis.overlaps) {
      const a = describe(earlier);
      const b = describe(later);
      out.add(
        'error',
        `${path}.bands[${later}]`,
        {
          zh: `${b.zh}与${a.zh}重叠：两档都包含的取值按${a.zh}计分`,
          en: `${b.en} overlaps ${a.en}: values in both score by ${a.en}`,
        },
        label,
      );
    }
    if (analysis.gap) {
      const format = numbers[0]?.format ?? 'number';
      const from = displayNumber(analysis.gap.from, format, 4);
      const to = displayNumber(analysis.gap.to, format, 4);
      const otherwise = formatPoints(q.fromNumber(rule.otherwise));
      out.add(
        'error',
        `${path}.bands`,
        {
          zh: `分档有空档：${from}至${to}之间的取值不属于任何一档（按“否则”得${otherwise}分）；请把分档写成同一方向并逐档列出`,
          en: `the bands leave a gap: values between ${from} and ${to} match no band (they get otherwise: ${otherwise}); write the bands in one direction, each listed`,
        },
        label,
      );
    }
    for (const { better, worse } of analysis.inversions) {
      const a = describe(better);
      const b = describe(worse);
      out.add(
        'warning',
        `${path}.bands[${worse}]`,
        {
          zh: `${b.zh}比更高的${a.zh}得分还多`,
          en: `${b.en} awards more than the better ${a.en}`,
        },
        label,
      );
    }
    if (analysis.otherwiseAbove !== null) {
      const a = describe(analysis.otherwiseAbove);
      const otherwise = formatPoints(q.fromNumber(rule.otherwise));
      out.add(
        'warning',
        `${path}.otherwise`,
        {
          zh: `未达任何一档时得${otherwise}分，比${a.zh}还多`,
          en: `otherwise awards ${otherwise}, more than ${a.en}`,
        },
        label,
      );
    }
  }
}

export const bandsCheck: LintCheck = {
  id: 'bands',
  run({ pack }) {
    const findings: LintFinding[] = [];
    for (const item of pack.items) {
      const out = new ContextFindings('bands');
      for (const site of ruleSites(item.rule, `items[${item.id}].rule`)) {
        if (site.rule.kind !== 'band') continue;
        checkBandRule(site.rule, site.path, pack, item.appliesTo ?? pack.unitKinds, out);
      }
      findings.push(...out.findings());
    }
    return findings;
  },
};
