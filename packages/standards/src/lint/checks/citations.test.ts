import { describe, expect, it } from 'vitest';
import { cleanPack } from '../../../test/lint-fixtures.ts';
import { lintPack } from '../lint-pack.ts';

describe('citations', () => {
  it('rejects an item whose citation is blank or a stand-in', () => {
    const pack = structuredClone(cleanPack());
    (pack.items[0] as { source: { file: string; quote: string } }).source = {
      file: 'test.txt',
      quote: '  ',
    };
    (pack.items[1] as { source: { file: string; quote: string } }).source = {
      file: 'TODO',
      quote: '待补充',
    };
    expect(
      lintPack(pack)
        .errors.filter((f) => f.check === 'citations')
        .map((f) => [f.path, f.message.zh, f.message.en]),
    ).toEqual([
      [
        'items[一.1].source.quote',
        '一.1 未引用出处原文',
        '一.1 does not quote the source words it encodes',
      ],
      ['items[一.2].source.file', '一.2 未注明出处文件', '一.2 does not name its source file'],
      [
        'items[一.2].source.quote',
        '一.2 未引用出处原文',
        '一.2 does not quote the source words it encodes',
      ],
    ]);
  });
});
