import { describe, expect, it } from 'vitest';
import { gzFullEmployment2024 as gz } from '../packs/gz-full-employment-2024.ts';
import { builtInPacks, packRef } from '../src/registry.ts';
import type { Scorecard } from '../src/scorecard.ts';
import { type CliIo, nodeIo } from './io.ts';
import { main } from './main.ts';

// Every command, in-process, against the example files in cli/examples (paths relative to the
// repository root, as the docs run them). Files written go to an in-memory map.

const ROOT = new URL('../../../', import.meta.url).pathname;
const EX = 'packages/standards/cli/examples';

function run(argv: string[], files: Record<string, string> = {}) {
  const real = nodeIo(ROOT);
  let out = '';
  let err = '';
  const written: Record<string, string> = {};
  const io: CliIo = {
    cwd: ROOT,
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    readFile: (path) => files[path] ?? written[path] ?? real.readFile(path),
    writeFile: (path, text) => {
      written[path] = text;
    },
  };
  const code = main(argv, io);
  return { code, out, err, written };
}

const scoreArgs = [
  'gz.full-employment@2024.1',
  '--inputs',
  `${EX}/gz-huangzhulang.json`,
  '--parameters',
  `${EX}/gz-parameters.json`,
  '--unit-kind',
  'community',
];

describe('kaoping-pack list', () => {
  it('lists every built-in pack', () => {
    const { code, out } = run(['list', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).map((p: { ref: string }) => p.ref)).toEqual(builtInPacks.map(packRef));
    expect(run(['list']).out).toContain('gz.full-employment@2024.1');
  });
});

describe('kaoping-pack lint', () => {
  it('passes every built-in pack (exit 0)', () => {
    for (const pack of builtInPacks) {
      const { code, out } = run(['lint', packRef(pack)]);
      expect(code).toBe(0);
      expect(out.split('\n')[0]).toBe(
        `${packRef(pack)}：0 个错误，0 个警告 / 0 errors, 0 warnings`,
      );
    }
  });

  it('fails the literal 失业保险统计 (exit 1) and reports it as JSON too', () => {
    const file = `${EX}/literal-unemployment-statistics.pack.json`;
    const { code, out } = run(['lint', file]);
    expect(code).toBe(1);
    expect(out).toContain('失业保险.1 的评分规则最高可得5分，超过本项满分4分');
    const json = run(['lint', file, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).errors.map((e: { check: string }) => e.check)).toEqual([
      'item-bounds',
    ]);
  });

  it('reports schema errors of a file, and lints a derived pack against its parent', () => {
    const { code, out } = run(['lint', 'x.json'], { 'x.json': '{"key": "x"}' });
    expect(code).toBe(1);
    expect(out).toContain('[schema]');
    const child = run(['lint', `${EX}/conghua.pack.json`, '--parent', 'gz.full-employment@2024.1']);
    expect(child.code).toBe(0);
  });
});

describe('kaoping-pack score', () => {
  it('prints the scorecard as JSON with total and items (id, points, max)', () => {
    const { code, out } = run(['score', ...scoreArgs, '--json']);
    expect(code).toBe(0);
    const card = JSON.parse(out) as Scorecard;
    expect(card.total).toBe(91);
    expect(card.items[0]).toMatchObject({ id: '一.1', points: 6, max: 8 });
    expect(card.items).toHaveLength(gz.items.length);
  });

  it('scores a CSV of units as a cycle, one row each, empty cells not given', () => {
    const { code, out } = run([
      'score',
      'gz.full-employment@2024.1',
      '--inputs',
      `${EX}/gz-units.csv`,
      '--parameters',
      `${EX}/gz-parameters.json`,
      '--json',
    ]);
    expect(code).toBe(0);
    const cards = JSON.parse(out) as Scorecard[];
    expect(cards.map((c) => [c.unit.id, c.unit.kind, c.total, c.complete])).toEqual([
      ['huangzhulang', 'community', 91, true],
      ['liangxin', 'village', 78, true],
      ['shiqiao', 'community', 96, false],
    ]);
    expect(cards[2]?.items.find((i) => i.id === '二.2')?.missing).toEqual(['staffTrained']);
    expect(run(['score', 'gz.full-employment', '--inputs', `${EX}/gz-units.csv`]).out).toContain(
      'liangxin      78 / 100+10',
    );
  });

  it('takes parameters and assessments from CSV and JSON', () => {
    const files = {
      'p.csv': 'passMark\n95\n',
      'u.csv': 'unitId,unitKind,longTermUnemployed\na,village,0\n',
      'a.csv': 'unitId,key,points,reason\na,x,1,because\n',
    };
    const result = run(
      [
        'score',
        'gz.full-employment',
        '--inputs',
        'u.csv',
        '--parameters',
        'p.csv',
        '--assessments',
        'a.csv',
        '--json',
      ],
      files,
    );
    const [card] = JSON.parse(result.out) as Scorecard[];
    expect(card?.parameters).toEqual({ passMark: 95 });
    expect(card?.issues.map((i) => i.message.en)).toEqual([
      'assessment x: no assessed rule has this key',
    ]);
  });

  it('fails with exit 2 and a message in both languages on bad input', () => {
    const unknownColumn = run(['score', 'gz.full-employment', '--inputs', 'u.csv'], {
      'u.csv': 'nope\n1\n',
    });
    expect(unknownColumn.code).toBe(2);
    expect(unknownColumn.err).toBe(
      'u.csv：本标准没有这些输入项：nope\nu.csv: the pack has no inputs named nope\n',
    );
    const badParameter = run(
      ['score', 'gz.full-employment', '--inputs', 'i.json', '--parameters', 'p.json'],
      {
        'i.json': '{}',
        'p.json': '{"passMark": "high"}',
      },
    );
    expect(badParameter.code).toBe(2);
    expect(badParameter.err).toContain('passMark: 应为数值 / must be a finite number');
    expect(run(['score', 'no.such@1', '--inputs', 'i.json'], { 'i.json': '{}' }).err).toContain(
      'no built-in pack no.such@1',
    );
    expect(run(['score', 'gz.full-employment']).code).toBe(2);
    expect(
      run(['score', 'gz.full-employment', '--inputs', 'i.json', '--nope'], { 'i.json': '{}' }).err,
    ).toContain('unknown option --nope');
  });
});

describe('kaoping-pack explain', () => {
  it('prints every item with its points and why, in one language or both', () => {
    const zh = run(['explain', ...scoreArgs, '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('一.3   5/6        就业困难人员就业率达80%\n');
    expect(zh.out).toContain('就业困难人员就业率 = 21 ÷ (25 − 1) = 87.5%，达85%档，得5分');
    expect(zh.out).not.toContain('band ≥85%');
    const both = run(['explain', ...scoreArgs]);
    expect(both.out).toContain(
      'Employment rate of people with employment difficulties = 21 ÷ (25 − 1) = 87.5%, band ≥85%, 5 points',
    );
    expect(both.out).toContain('合计 / total: 91 / 100+10');
  });
});

describe('kaoping-pack diff', () => {
  it('prints what changed and who would gain or lose', () => {
    const { code, out } = run([
      'diff',
      'gz.full-employment@2024.1',
      `${EX}/conghua.pack.json`,
      '--units',
      `${EX}/gz-units.csv`,
      '--lang',
      'en',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('      band 1 threshold: 90% → 92%');
    expect(out).toContain('  huangzhulang  91 → 89 (−2)  一.3 5→4, 四.6 1→—');
    const json = JSON.parse(
      run(['diff', 'gz.full-employment', `${EX}/conghua.pack.json`, '--json']).out,
    );
    expect(json.items.changed.map((c: { id: string }) => c.id)).toEqual(['一.3', '四.6']);
  });
});

describe('kaoping-pack doc', () => {
  it('prints a pack in Markdown with rules in words, sources and notes', () => {
    const { code, out } = run(['doc', 'gz.full-employment@2024.1']);
    expect(code).toBe(0);
    expect(out).toContain('### 一.3 就业困难人员就业率达80%');
    expect(out).toContain('- 规则：按就业困难人员就业率分档：≥90%得6分');
    expect(out).toContain(
      '  > 达90%得6分,达85%得5分,达80%得4分,75%-80%得3分,70%-75%得2分,低于70%不得分。',
    );
  });

  it('rewrites the generated section of a document in place', () => {
    const doc =
      'intro\n<!-- generated by `kaoping-pack doc --ambiguities`: do not edit by hand -->\nold\n<!-- end of generated section -->\nafter\n';
    const { code, written } = run(['doc', '--ambiguities', '--write', 'd.md'], { 'd.md': doc });
    expect(code).toBe(0);
    expect(written['d.md']).toMatch(
      /^intro\n<!-- generated[^\n]*-->\n\n### `gz\.full-employment@2024\.1`/,
    );
    expect(written['d.md']?.endsWith('<!-- end of generated section -->\nafter\n')).toBe(true);
    expect(run(['doc', '--ambiguities', '--write', 'e.md'], { 'e.md': 'no markers' }).code).toBe(2);
  });
});

describe('kaoping-pack derive', () => {
  it('writes the tailored pack and prints its lint report against the parent', () => {
    const { code, out, written } = run([
      'derive',
      'gz.full-employment@2024.1',
      '--overrides',
      `${EX}/conghua.overrides.json`,
      '--out',
      'c.json',
    ]);
    expect(code).toBe(0);
    expect(out).toBe(
      'gz.full-employment.conghua@2024.1：0 个错误，0 个警告 / 0 errors, 0 warnings\n',
    );
    expect(JSON.parse(written['c.json'] ?? '').derivedFrom).toEqual({
      key: 'gz.full-employment',
      version: '2024.1',
    });
  });

  it('refuses overrides that reach what a rule measures', () => {
    const { code, err } = run(['derive', 'gz.full-employment', '--overrides', 'o.json'], {
      'o.json': JSON.stringify({
        key: 'gz.x',
        version: '1.0',
        items: { '一.3': { set: { '/value': 1 } } },
      }),
    });
    expect(code).toBe(2);
    expect(err).toContain('/value cannot be tailored');
  });
});

describe('kaoping-pack usage', () => {
  it('prints usage for help, and exits 2 for an unknown command', () => {
    expect(run(['help']).out).toContain('kaoping-pack lint <pack>');
    const unknown = run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command frobnicate');
  });
});
