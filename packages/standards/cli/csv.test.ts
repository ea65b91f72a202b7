import { describe, expect, it } from 'vitest';
import { CsvError, csvRecords, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, embedded commas and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFunitId,note\r\n"a,1","say ""hi"""\r\nb,"two\nlines"\n\n';
    expect(parseCsv(text)).toEqual([
      ['unitId', 'note'],
      ['a,1', 'say "hi"'],
      ['b', 'two\nlines'],
    ]);
  });

  it('refuses an unterminated quote and a stray quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b"c\n')).toThrow(CsvError);
  });
});

describe('csvRecords', () => {
  it('keys rows by the header and refuses ragged rows', () => {
    expect(csvRecords('x,y\n1,2\n').records).toEqual([{ x: '1', y: '2' }]);
    expect(() => csvRecords('x,y\n1\n')).toThrow('row 2 has 1 fields, the header 2');
  });
});
