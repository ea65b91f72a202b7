import { describe, expect, it } from 'vitest';
import { messages } from './messages.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /\p{Script=Han}/u;

describe('the dictionary', () => {
  const entries = Object.entries(messages);

  it('has a Chinese and an English text for every key', () => {
    const missing = entries.filter(([, m]) => !m.zh.trim() || !m.en.trim()).map(([k]) => k);
    expect(missing).toEqual([]);
    expect(entries.length).toBeGreaterThan(200);
  });

  it('fills the same placeholders in both languages', () => {
    const differing = entries
      .filter(([, m]) => placeholders(m.zh).join() !== placeholders(m.en).join())
      .map(([k]) => k);
    expect(differing).toEqual([]);
  });

  it('writes Chinese in every zh text that says something in words', () => {
    // Proper names ("English", "中文"), identifiers and the template are the exceptions.
    const exceptions = new Set(['lang.toEn', 'lang.toZh', 'punct.colon']);
    const untranslated = entries
      .filter(([k, m]) => !exceptions.has(k) && /[A-Za-z]{3}/.test(m.zh) && !HAN.test(m.zh))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('keeps the English texts English (Chinese only for names, columns and examples)', () => {
    // A Chinese word in an English text must be quoted from Chinese data:
    // CSV column names, unit names in examples, the brand.
    const allowed = /名称|类型|上级|统计用区划代码|英文名称|从化区|良口镇|考评|中文|附件/g;
    const leaking = entries.filter(([, m]) => HAN.test(m.en.replace(allowed, ''))).map(([k]) => k);
    expect(leaking).toEqual([]);
  });
});
