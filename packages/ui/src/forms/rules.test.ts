import { describe, expect, it } from 'vitest';
import * as rules from './rules.ts';

describe('form rules', () => {
  it('say why, in both languages', () => {
    expect(rules.slug('Gz')).toEqual({
      zh: '3–40 个小写字母、数字或连字符，首尾不能是连字符',
      en: '3–40 lowercase letters, digits or hyphens, not starting or ending with a hyphen',
    });
    expect(rules.name(5)('长长长长长长')?.en).toBe('At most 5 characters');
    expect(rules.integerBetween(1, 30)('31')?.zh).toBe('应为 1 到 30 之间的整数');
  });

  it('take the first failing rule per field', () => {
    const errors = rules.check(
      { email: '', password: 'short', confirm: 'other', slug: 'ok-slug' },
      {
        email: [rules.email],
        password: [rules.newPassword],
        confirm: [rules.sameAs(() => 'short')],
        slug: [rules.slug],
      },
    );
    expect(Object.keys(errors).sort()).toEqual(['confirm', 'email', 'password']);
    expect(errors.email?.zh).toBe('必填');
    expect(errors.password?.en).toBe('the password needs at least 10 characters');
    expect(errors.confirm?.zh).toBe('两次输入的密码不一致');
  });

  it('let optional codes be empty and read full-width digits', () => {
    expect(rules.unitCode('')).toBeUndefined();
    expect(rules.unitCode('４４０１１７１０５０００')).toBeUndefined();
    expect(rules.normaliseDigits(' ４４０１１７ ')).toBe('440117');
    expect(rules.areaCode('4401170')).toBeDefined();
  });
});
