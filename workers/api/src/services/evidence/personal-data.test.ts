import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../objections/raise.ts';
import { fileTypeOf, sniff } from './file-types.ts';
import { findPersonalData } from './personal-data.ts';

describe('personal data in text', () => {
  it.for([
    ['an 18-character ID number ending in X', '身份证号 44011119900101001X', ['id_card']],
    ['full-width digits', '４４０１１１１９９００１０１００１Ｘ', ['id_card']],
    ['a mobile number in 3-4-4 groups', '电话：138 0013 8000', ['mobile']],
    ['both', '13800138000 / 110101200001011234', ['id_card', 'mobile']],
  ] as const)('finds %s', ([, text, kinds]) => {
    expect(findPersonalData(text)).toEqual(kinds);
  });

  it.for([
    ['counts and rates', '登记失业人数 48，再就业 43，就业率 89.6%'],
    ['a 12-digit area code', '统计用区划代码 440117105201'],
    ['an ID-like number with an impossible date', '440111199013401234'],
    ['a longer run of digits', '1380013800012345'],
    ['a landline', '020-87654321'],
  ] as const)('leaves alone %s', ([, text]) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('redacts objections, keeping the rest', () => {
    const { text, redacted } = redactPersonalData('联系我：13912345678，谢谢');
    expect(redacted).toBe(true);
    expect(text).toBe('联系我：〔已隐去〕，谢谢');
  });
});

describe('file types by their bytes', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('know PDF, images, OLE and text, and nothing else', () => {
    expect(sniff(enc('%PDF-1.7\n'))).toBe('pdf');
    expect(sniff(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniff(enc('GIF89a...'))).toBe('gif');
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('ole');
    expect(sniff(enc('名称,类型\n良口镇,镇\n'))).toBe('text');
    expect(sniff(enc('MZ\u0090\u0000'))).toBe(null);
    expect(sniff(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0]))).toBe(null);
  });

  it('need the extension to agree with the bytes', () => {
    expect(fileTypeOf(enc('%PDF-1.4'), '台账.PDF')?.mime).toBe('application/pdf');
    expect(fileTypeOf(enc('%PDF-1.4'), '台账.docx')).toBeNull();
    expect(fileTypeOf(enc('a,b\n1,2\n'), 'data.csv')?.mime).toBe('text/csv; charset=utf-8');
    expect(
      fileTypeOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '表.xls')?.mime,
    ).toBe('application/vnd.ms-excel');
  });
});
