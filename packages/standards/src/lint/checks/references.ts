import { walkExpression } from '../../expression.ts';
import { packExpressionSites } from '../../pack-sites.ts';
import { finding, type LintCheck, type LintFinding } from '../lint-finding.ts';

// Every name an expression reads must be declared: inputs, parameters, references, metrics,
// and (in designation requirements) items and categories. Declared names nothing reads are
// worth a warning — usually a rule that reads the wrong one.

const KINDS = {
  input: { zh: '输入项', en: 'input' },
  provided: { zh: '输入项', en: 'input' },
  param: { zh: '参数', en: 'parameter' },
  reference: { zh: '参照值', en: 'reference' },
  metric: { zh: '指标', en: 'metric' },
  'item-points': { zh: '指标项', en: 'item' },
  'category-points': { zh: '类别', en: 'category' },
} as const;

export const referencesCheck: LintCheck = {
  id: 'references',
  run({ pack }) {
    const findings: LintFinding[] = [];
    const declared = {
      input: new Set(pack.inputs.map((i) => i.id)),
      param: new Set(pack.parameters.map((p) => p.id)),
      reference: new Set(pack.references.map((r) => r.id)),
      metric: new Set(pack.metrics.map((m) => m.id)),
      item: new Set(pack.items.map((i) => i.id)),
      category: new Set(pack.categories.map((c) => c.id)),
    };
    const read = { input: new Set<string>(), param: new Set<string>() };
    for (const input of pack.inputs) {
      const by = input.aggregate;
      if (typeof by === 'object') read.input.add(by.weightedMeanBy);
    }
    for (const site of packExpressionSites(pack)) {
      const reported = new Set<string>();
      for (const node of walkExpression(site.expr)) {
        let known = true;
        let id = '';
        switch (node.op) {
          case 'input':
          case 'provided':
            id = node.id;
            read.input.add(id);
            known = declared.input.has(id);
            break;
          case 'param':
            id = node.id;
            read.param.add(id);
            known = declared.param.has(id);
            break;
          case 'reference':
            id = node.id;
            known = declared.reference.has(id);
            break;
          case 'metric':
            id = node.id;
            known = declared.metric.has(id);
            break;
          case 'item-points':
            id = node.id;
            known = declared.item.has(id);
            break;
          case 'category-points':
            id = node.id;
            known = declared.category.has(id);
            break;
          default:
            continue;
        }
        const kind = KINDS[node.op];
        const key = `${kind.en}:${id}`;
        if (known || reported.has(key)) continue;
        reported.add(key);
        findings.push(
          finding(
            'references',
            'error',
            site.path,
            `未声明的${kind.zh} ${id}`,
            `unknown ${kind.en} ${id}`,
          ),
        );
      }
    }
    if (pack.items.length > 0) {
      for (const input of pack.inputs) {
        if (read.input.has(input.id)) continue;
        findings.push(
          finding(
            'references',
            'warning',
            `inputs[${input.id}]`,
            `输入项 ${input.id} 未被任何评分规则、指标或条件使用`,
            `input ${input.id} is not read by any rule, metric or condition`,
          ),
        );
      }
    }
    for (const parameter of pack.parameters) {
      if (read.param.has(parameter.id)) continue;
      findings.push(
        finding(
          'references',
          'warning',
          `parameters[${parameter.id}]`,
          `参数 ${parameter.id} 未被使用`,
          `parameter ${parameter.id} is not read anywhere`,
        ),
      );
    }
    return findings;
  },
};
