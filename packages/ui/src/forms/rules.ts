// Client-side checks that mirror the API's field schemas
// (workers/api/src/lib/fields.ts), so a person hears about a bad value
// before sending it; rules.contract.test.ts holds them to the API's answers.
// The API still checks everything: its answer is shown beside the field too.
import { type Text, textOf } from '../i18n/lang.ts';

export type Rule = (value: string) => Text | undefined;

const FORBIDDEN_IN_TEXT = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}]/u;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;
// zod 4's "practical" email pattern, which the API applies after trimming and lowercasing.
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const STAGE = /^[a-z][a-z0-9_]{0,39}$/;

export const required: Rule = (v) => (v.trim() === '' ? textOf('rule.required') : undefined);

/** A name: 1..max characters after trimming, no control or invisible characters. */
export const name =
  (max = 100): Rule =>
  (v) => {
    const s = v.trim();
    if (s === '') return textOf('rule.required');
    if (s.length > max) return textOf('rule.tooLong', { max });
    if (FORBIDDEN_IN_TEXT.test(s)) return textOf('rule.forbiddenChars');
    return undefined;
  };

/** An optional name: empty is fine (and is sent as "absent"). */
export const optionalName =
  (max = 100): Rule =>
  (v) =>
    v.trim() === '' ? undefined : name(max)(v);

export const slug: Rule = (v) => {
  if (v === '') return textOf('rule.required');
  return SLUG.test(v) ? undefined : textOf('rule.slug');
};

export const email: Rule = (v) => {
  const s = v.trim();
  if (s === '') return textOf('rule.required');
  if (s.length > 254) return textOf('rule.tooLong', { max: 254 });
  return EMAIL.test(s.toLowerCase()) ? undefined : textOf('rule.email');
};

/** A password being set: 10..200 characters. */
export const newPassword: Rule = (v) => {
  if (v.length < 10) return textOf('rule.passwordLength');
  if (v.length > 200) return textOf('rule.tooLong', { max: 200 });
  return undefined;
};

/** A password being checked: anything 1..200 (the policy applies when one is set). */
export const password: Rule = (v) => {
  if (v.length === 0) return textOf('rule.required');
  if (v.length > 200) return textOf('rule.tooLong', { max: 200 });
  return undefined;
};

export const sameAs =
  (other: () => string): Rule =>
  (v) =>
    v === other() ? undefined : textOf('rule.passwordsDiffer');

/** Full-width digits count as digits, as the API reads them (NFKC). */
export const normaliseDigits = (v: string): string => v.normalize('NFKC').trim();

const digits =
  (lengths: number[], message: 'rule.areaCode' | 'rule.unitCode'): Rule =>
  (v) => {
    if (v.trim() === '') return undefined;
    if (v.length > 32) return textOf(message);
    const s = normaliseDigits(v);
    return /^\d+$/.test(s) && lengths.includes(s.length) ? undefined : textOf(message);
  };

/** Optional: a tenant's 6-digit division code or 12-digit statistical code. */
export const areaCode: Rule = digits([6, 12], 'rule.areaCode');

/** Optional: a unit's 12-digit statistical area code (统计用区划代码). */
export const unitCode: Rule = digits([12], 'rule.unitCode');

export const stage: Rule = (v) => {
  if (v === '') return textOf('rule.required');
  return STAGE.test(v) ? undefined : textOf('rule.stage');
};

/** The first failing rule's message for each field, by field name. */
export function check(
  values: Record<string, string>,
  rules: Record<string, Rule[]>,
): Record<string, Text> {
  const errors: Record<string, Text> = {};
  for (const [field, fieldRules] of Object.entries(rules)) {
    for (const rule of fieldRules) {
      const message = rule(values[field] ?? '');
      if (message) {
        errors[field] = message;
        break;
      }
    }
  }
  return errors;
}

/** A whole number in min..max ("7"). */
export const integerBetween =
  (min: number, max: number): Rule =>
  (v) => {
    const n = Number(v.trim());
    return /^\d+$/.test(v.trim()) && n >= min && n <= max
      ? undefined
      : textOf('rule.integerBetween', { min, max });
  };
