import { describe, expect, it } from 'vitest';
import { cleanPack } from '../../../test/lint-fixtures.ts';
import { ge, input, metric, param, reference } from '../../expression-builders.ts';
import { lintPack } from '../lint-pack.ts';

const refs = (pack: ReturnType<typeof cleanPack>) => {
  const { errors, warnings } = lintPack(pack);
  return [...errors, ...warnings].map((f) => [f.check, f.severity, f.path, f.message.en]);
};

describe('references', () => {
  it('rejects unknown inputs, metrics, parameters and references, once each, where they are read', () => {
    const pack = structuredClone(cleanPack());
    const desk = pack.items[1];
    const band = pack.items[0]?.rule;
    if (!desk || band?.kind !== 'band') throw new Error('fixture');
    desk.rule = { kind: 'check', when: input('window'), points: 2, otherwise: 0 };
    band.value = metric('speed');
    band.bands[1] = { operator: '>=', threshold: param('target'), points: 6 };
    pack.metrics.push({
      id: 'vsCounty',
      label: { zh: '对比', en: 'vs county' },
      expression: ge(metric('rate'), reference('countyMean')),
    });
    const found = refs(pack).filter(([check]) => check === 'references' || check === 'integrity');
    expect(found).toEqual([
      ['references', 'error', 'metrics[vsCounty].expression', 'unknown reference countyMean'],
      ['references', 'error', 'items[一.1].rule.value', 'unknown metric speed'],
      ['references', 'error', 'items[一.1].rule.bands[1].threshold', 'unknown parameter target'],
      ['references', 'error', 'items[一.2].rule.when', 'unknown input window'],
      [
        'references',
        'warning',
        'inputs[desk]',
        'input desk is not read by any rule, metric or condition',
      ],
    ]);
  });

  it('warns of a parameter nothing reads', () => {
    const pack = cleanPack({
      parameters: [
        { id: 'passMark', kind: 'number', label: { zh: '达标分数线', en: 'Pass mark' } },
      ],
    });
    expect(refs(pack)).toEqual([
      ['references', 'warning', 'parameters[passMark]', 'parameter passMark is not read anywhere'],
    ]);
  });
});
