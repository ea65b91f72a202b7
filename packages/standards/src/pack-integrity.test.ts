import { describe, expect, it } from 'vitest';
import { basePack, label } from '../test/rule-harness.ts';
import {
  ge,
  input,
  itemPoints,
  metric,
  param,
  switchOn,
  total,
  unitKind,
} from './expression-builders.ts';
import { definePack, findPackProblems, PackError } from './pack-integrity.ts';
import { type PackInput, packSchema } from './pack-schema.ts';

const src = { file: 'test.txt', quote: 'q' };

function problemsOf(extra: Partial<PackInput>): string[] {
  const pack = packSchema.parse(
    basePack({
      inputs: [
        { id: 'n', kind: 'count', label: label('n', 'n') },
        { id: 'flag', kind: 'boolean', label: label('flag', 'flag') },
      ],
      categories: [{ id: '一', title: label('一', 'One'), max: 10 }],
      ...extra,
    }),
  );
  return findPackProblems(pack).map((p) => `${p.path}: ${p.message.en}`);
}

const item = (rule: unknown, id = '一.1', category = '一') =>
  ({
    id,
    category,
    title: label('x', 'x'),
    max: 5,
    source: src,
    rule,
  }) as PackInput['items'] extends (infer I)[] | undefined ? I : never;

describe('findPackProblems', () => {
  it('accepts a sound pack', () => {
    expect(
      problemsOf({ items: [item({ kind: 'check', when: input('flag'), points: 5 })] }),
    ).toEqual([]);
  });

  it('finds unknown names', () => {
    expect(
      problemsOf({ items: [item({ kind: 'check', when: input('nope'), points: 5 })] }),
    ).toEqual(['items[一.1].rule.when: unknown input nope']);
    expect(
      problemsOf({
        items: [
          item({
            kind: 'band',
            value: metric('m'),
            bands: [{ operator: '>=', threshold: param('p'), points: 1 }],
          }),
        ],
      }),
    ).toEqual([
      'items[一.1].rule.value: unknown metric m',
      'items[一.1].rule.bands[0].threshold: unknown parameter p',
    ]);
  });

  it('finds type errors', () => {
    expect(problemsOf({ items: [item({ kind: 'check', when: input('n'), points: 5 })] })).toEqual([
      'items[一.1].rule.when: expected boolean, got number',
    ]);
    expect(
      problemsOf({
        items: [
          item({
            kind: 'band',
            value: input('flag'),
            bands: [{ operator: '>=', threshold: { op: 'number', value: 1 }, points: 1 }],
          }),
        ],
      }),
    ).toEqual(['items[一.1].rule.value: expected number, got boolean']);
  });

  it('finds metrics that depend on themselves', () => {
    const problems = problemsOf({
      metrics: [
        { id: 'a', label: label('a', 'a'), expression: metric('b') },
        { id: 'b', label: label('b', 'b'), expression: metric('a') },
      ],
    });
    expect(problems.some((p) => p.includes('depends on itself'))).toBe(true);
  });

  it('finds switches that do not cover their cases', () => {
    expect(
      problemsOf({
        metrics: [
          {
            id: 'm',
            label: label('m', 'm'),
            expression: switchOn(unitKind(), { village: 1, city: 2 }),
          },
        ],
      }),
    ).toEqual([
      'metrics[m].expression: case city is not a possible value',
      'metrics[m].expression: no case for community and no otherwise',
    ]);
  });

  it('finds items in the wrong place and duplicate ids', () => {
    const rule = { kind: 'check', when: input('flag'), points: 5 };
    expect(problemsOf({ items: [item(rule, '二.1', '一'), item(rule, '二.1', '二')] })).toEqual([
      'items[二.1]: duplicate id 二.1',
      'items[二.1]: the id should start with its category "一."',
      'items[二.1]: unknown category 二',
    ]);
  });

  it('keeps points out of rules: only designation requirements may read them', () => {
    expect(
      problemsOf({ items: [item({ kind: 'check', when: ge(total(), 1), points: 5 })] }),
    ).toEqual(['items[一.1].rule.when.left: only designation requirements may read points']);
    expect(
      problemsOf({
        designation: {
          title: label('d', 'd'),
          passMark: { op: 'number', value: 60 },
          requirements: [{ id: 'r', title: label('r', 'r'), when: ge(itemPoints('一.9'), 1) }],
        },
      }),
    ).toEqual(['designation.requirements[r].when.left: unknown item 一.9']);
  });

  it('refuses a computed reference that reads another computed reference', () => {
    const problems = problemsOf({
      references: [
        {
          id: 'a',
          label: label('a', 'a'),
          format: 'number',
          source: { from: 'units', aggregate: 'mean', of: input('n') },
        },
        {
          id: 'b',
          label: label('b', 'b'),
          format: 'number',
          source: { from: 'units', aggregate: 'max', of: { op: 'reference', id: 'a' } },
        },
      ],
    });
    expect(problems).toEqual([
      'references[b].source.of: a computed reference cannot read the computed reference a',
    ]);
  });

  it('finds assessment keys used twice', () => {
    const judged = { kind: 'assessed', points: 2, stages: ['town'], guidance: label('g', 'g') };
    expect(problemsOf({ items: [item({ kind: 'sum', parts: [judged, judged] })] })).toEqual([
      'items[一.1]: assessment key 一.1 is used twice (also in 一.1)',
    ]);
  });
});

describe('definePack', () => {
  it('reports schema errors with their paths', () => {
    try {
      definePack({ ...basePack(), key: 'Not A Key', items: [{ id: 'x' }] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PackError);
      const paths = (error as PackError).problems.map((p) => p.path);
      expect(paths).toContain('key');
      expect(paths.some((p) => p.startsWith('items.0'))).toBe(true);
    }
  });

  it('refuses unknown fields anywhere (strict objects)', () => {
    expect(() => definePack({ ...basePack(), colour: 'red' })).toThrow(PackError);
    expect(() =>
      definePack(
        basePack({
          categories: [{ id: '一', title: label('a', 'a'), max: 1, extra: true } as never],
        }),
      ),
    ).toThrow(PackError);
  });
});
