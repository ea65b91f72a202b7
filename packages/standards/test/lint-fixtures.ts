import { input, metric, pct, ratio } from '../src/expression-builders.ts';
import { definePack } from '../src/pack-integrity.ts';
import type { Pack, PackInput } from '../src/pack-schema.ts';
import { basePack } from './rule-harness.ts';

// A small, lint-clean pack to mutate in linter, diff and tailoring tests: one 10-point
// category of a banded rate (8) and a desk check (2).

export function cleanPackInput(extra: Partial<PackInput> = {}): PackInput {
  return basePack({
    key: 'test.lint',
    version: '1.0',
    total: 10,
    unitKinds: ['community', 'village'],
    inputs: [
      { id: 'employed', kind: 'count', label: { zh: '就业人数', en: 'Employed' } },
      { id: 'people', kind: 'count', label: { zh: '总人数', en: 'People' } },
      { id: 'desk', kind: 'boolean', label: { zh: '有台位', en: 'Has a desk' } },
    ],
    metrics: [
      {
        id: 'rate',
        label: { zh: '就业率', en: 'Employment rate' },
        expression: ratio(input('employed'), input('people'), 'full-points'),
      },
    ],
    categories: [{ id: '一', title: { zh: '指标', en: 'Indicators' }, max: 10 }],
    items: [
      {
        id: '一.1',
        category: '一',
        title: { zh: '就业率', en: 'Employment rate' },
        max: 8,
        source: { file: 'test.txt', quote: '达90%得8分，达85%得6分' },
        rule: {
          kind: 'band',
          value: metric('rate'),
          bands: [
            { operator: '>=', threshold: pct(90), points: 8 },
            { operator: '>=', threshold: pct(85), points: 6 },
          ],
        },
      },
      {
        id: '一.2',
        category: '一',
        title: { zh: '台位', en: 'Desk' },
        max: 2,
        source: { file: 'test.txt', quote: '有固定办公台位，得2分' },
        rule: { kind: 'check', when: input('desk'), points: 2 },
      },
    ],
    ...extra,
  });
}

export function cleanPack(extra: Partial<PackInput> = {}): Pack {
  return definePack(cleanPackInput(extra));
}
