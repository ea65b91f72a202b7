import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrgUnitCsv } from '../../../../../workers/api/src/services/org-units/import-csv.ts';
import { recordsByLine } from './csv-lines.ts';

const sample = readFileSync(
  new URL('../../../../../docs/samples/org-units-liangkou.csv', import.meta.url),
  'utf8',
);

describe('recordsByLine', () => {
  it('numbers the Liangkou sample from the header as line 1', () => {
    const lines = recordsByLine(sample);
    expect(lines.get(1)).toBe('名称,类型,上级,统计用区划代码');
    expect(lines.get(2)).toBe('良口镇,镇,从化区,');
    expect(lines.get(25)).toBe('彩虹社区,社区,从化区/良口镇,');
    expect(lines.size).toBe(25);
  });

  it('finds the row behind every line the API blames, across quoted newlines and any line ending', () => {
    const csv = [
      '\uFEFF名称,类型,上级,英文名称',
      '良口镇,镇,从化区,"Liangkou',
      'Town"',
      '好村,乡村,从化区/良口镇,',
      ',村,从化区/良口镇,',
      '"多行\r\n名称村",村,从化区/良口镇,',
      '坏村,村,不存在/某镇,',
    ].join('\r\n');
    // The parser checks each row on its own (parents are resolved later):
    // a newline in an English name, an unknown kind, an empty name, a
    // newline in a name.
    const { errors } = parseOrgUnitCsv(csv);
    const blamed = errors.map((e) => Number(e.path.replace('line ', '')));
    expect(blamed).toEqual([2, 4, 5, 6]);
    const lines = recordsByLine(csv);
    expect(blamed.map((n) => lines.get(n))).toEqual([
      '良口镇,镇,从化区,"Liangkou\nTown"',
      '好村,乡村,从化区/良口镇,',
      ',村,从化区/良口镇,',
      '"多行\n名称村",村,从化区/良口镇,',
    ]);
    expect(lines.get(8)).toBe('坏村,村,不存在/某镇,');
  });
});
