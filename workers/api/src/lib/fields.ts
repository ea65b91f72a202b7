import { z } from '@hono/zod-openapi';
import { bi } from './bilingual-zod.ts';

/**
 * Field schemas shared by every route, so the same rule reads the same
 * everywhere: names refuse control, format (zero-width, bidi overrides),
 * private-use and line-separator characters; codes accept full-width digits
 * (NFKC) but store ASCII.
 */
const FORBIDDEN_IN_TEXT = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}]/u;

/** A person's, unit's, tenant's or client's name: 1..max characters after trimming. */
export function nameField(max = 100) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !FORBIDDEN_IN_TEXT.test(s), {
      message: bi(
        '不能包含控制字符、零宽字符或方向控制字符',
        'must not contain control, zero-width or bidirectional-override characters',
      ),
    });
}

export const emailField = z
  .string()
  .trim()
  .max(254)
  .toLowerCase()
  .pipe(z.email({ message: bi('不是有效的电子邮箱地址', 'not a valid email address') }))
  .openapi({ example: 'admin@conghua.demo' });

export const passwordField = z
  .string()
  .min(10, { message: bi('密码至少 10 个字符', 'the password needs at least 10 characters') })
  .max(200);

export const slugField = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/, {
    message: bi(
      '3–40 个小写字母、数字或连字符，首尾不能是连字符',
      '3–40 lowercase letters, digits or hyphens, not starting or ending with a hyphen',
    ),
  })
  .openapi({ example: 'gz-conghua' });

/** Full-width digits become ASCII (NFKC); the rest must be digits. */
function digits(lengths: number[], zh: string, en: string) {
  return z
    .string()
    .max(32)
    .transform((s) => s.normalize('NFKC').trim())
    .pipe(
      z.string().refine((s) => /^\d+$/.test(s) && lengths.includes(s.length), {
        message: bi(zh, en),
      }),
    );
}

/** 12-digit statistical area code (统计用区划代码). */
export const unitCodeField = digits(
  [12],
  '统计用区划代码应为 12 位数字',
  'a statistical area code has 12 digits',
).openapi({ example: '440117105000' });

/** A tenant's area code: the 6-digit division code or the 12-digit statistical code. */
export const areaCodeField = digits(
  [6, 12],
  '区划代码应为 6 位或 12 位数字',
  'an area code has 6 or 12 digits',
).openapi({ example: '440117' });

/** A review stage name as cycles define them ("recommended", "verified"). */
export const stageField = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, {
    message: bi('阶段名为小写字母、数字和下划线', 'a stage is lowercase letters, digits and _'),
  })
  .openapi({ example: 'recommended' });

/** An object id in a path. Anything else is simply not found. */
export const pathId = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name, in: 'path' }, example });

/** An ISO-8601 timestamp with a time zone. */
export const timestampField = z.iso
  .datetime({ offset: true })
  .openapi({ example: '2026-11-22T16:18:58.123Z' });
