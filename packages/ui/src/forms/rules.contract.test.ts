// The UI's rules against the API's own field schemas: for each value, the UI
// refuses it exactly when the API would. The API is the authority; this
// catches the day one of them changes without the other.
import { describe, expect, it } from 'vitest';
import {
  areaCodeField,
  emailField,
  nameField,
  passwordField,
  slugField,
  stageField,
  unitCodeField,
} from '../../../../workers/api/src/lib/fields.ts';
import * as rules from './rules.ts';

const zwsp = '\u200b';
const rtl = '\u202e';
const cases: Record<
  string,
  { rule: rules.Rule; schema: { safeParse(v: unknown): { success: boolean } }; values: string[] }
> = {
  slug: {
    rule: rules.slug,
    schema: slugField,
    values: [
      'gz-conghua',
      'ab',
      'abc',
      '-abc',
      'abc-',
      'ABC',
      'a_b',
      'a'.repeat(40),
      'a'.repeat(41),
      '良口',
      'a--b',
      '123',
    ],
  },
  email: {
    rule: rules.email,
    schema: emailField,
    values: [
      'admin@conghua.demo',
      ' Admin@Conghua.Demo ',
      'a@b',
      'a@b.c',
      'a@b.cn',
      'a..b@c.cn',
      '.a@b.cn',
      'a.@b.cn',
      "o'neil@x.org",
      'a+b@x.org',
      '张三@x.cn',
      'a@x_y.cn',
      `${'a'.repeat(250)}@x.cn`,
    ],
  },
  name: {
    rule: rules.name(100),
    schema: nameField(100),
    values: [
      '良口镇',
      '  溪头村  ',
      '',
      '   ',
      'a'.repeat(100),
      'a'.repeat(101),
      `溪头${zwsp}村`,
      `x${rtl}y`,
      'tab\there',
      'line\u2028sep',
      '黄竹塱社区',
    ],
  },
  password: {
    rule: rules.newPassword,
    schema: passwordField,
    values: [
      'kaoping-demo-2024',
      '123456789',
      '1234567890',
      ' '.repeat(10),
      'x'.repeat(200),
      'x'.repeat(201),
    ],
  },
  areaCode: {
    rule: (v) => (v === '' ? rules.required(v) : rules.areaCode(v)),
    schema: areaCodeField,
    values: [
      '440117',
      '440117105000',
      '４４０１１７',
      '44011',
      '4401171',
      'abcdef',
      ' 440117 ',
      '4'.repeat(33),
    ],
  },
  unitCode: {
    rule: (v) => (v === '' ? rules.required(v) : rules.unitCode(v)),
    schema: unitCodeField,
    values: ['440117105000', '４４０１１７１０５０００', '440117', '44011710500a', '4401171050000'],
  },
  stage: {
    rule: rules.stage,
    schema: stageField,
    values: [
      'verified',
      'initial_review',
      'Verified',
      '1st',
      'a'.repeat(40),
      'a'.repeat(41),
      'self-check',
    ],
  },
};

describe('the UI refuses exactly what the API refuses', () => {
  for (const [field, { rule, schema, values }] of Object.entries(cases)) {
    it(field, () => {
      const disagreements = values.filter(
        (v) => (rule(v) === undefined) !== schema.safeParse(v).success,
      );
      expect(disagreements).toEqual([]);
    });
  }
});
