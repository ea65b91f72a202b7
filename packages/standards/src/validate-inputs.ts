import { z } from 'zod';
import { checkConstraints } from './constraints.ts';
import type { InputValue } from './input-value.ts';
import type { Input, Pack } from './pack-schema.ts';
import type { Text } from './text.ts';
import { type UnitKind, unitKindLabels } from './unit-kind.ts';

// Validation of what a unit reports, generated from the pack's inputs: types, bounds, and —
// when submitting — required-ness. Messages name the field in both languages. The API uses
// this on submissions; the engine uses the draft mode to set aside values it cannot use.

export type { InputValue } from './input-value.ts';

export type ValidationMode = 'draft' | 'submit';

export interface InputIssue {
  /** The input id, or "" for the submission as a whole. */
  readonly field: string;
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: Text;
}

export type InputValidation =
  | { readonly ok: true; readonly inputs: Readonly<Record<string, InputValue>> }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** Whether an input is reported by units of this kind (unknown kind: assume it is). */
export function inputAppliesTo(input: Input, unitKind: UnitKind | undefined): boolean {
  return !input.appliesTo || unitKind === undefined || input.appliesTo.includes(unitKind);
}

function fieldSchema(input: Input): z.ZodType {
  switch (input.kind) {
    case 'count': {
      let schema = z.number().int().nonnegative();
      if (input.min !== undefined) schema = schema.min(input.min);
      if (input.max !== undefined) schema = schema.max(input.max);
      return schema;
    }
    case 'number':
    case 'percent': {
      let schema = input.kind === 'percent' ? z.number().min(0).max(100) : z.number();
      if (input.min !== undefined) schema = schema.min(input.min);
      if (input.max !== undefined) schema = schema.max(input.max);
      return schema;
    }
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(input.options.map((o) => o.value) as [string, ...string[]]);
    case 'date':
      return z.iso.date();
    case 'text':
      return z.string().max(input.maxLength);
    case 'evidence':
      return z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
  }
}

/** Whether a submission must carry this input. */
function mustBeGiven(input: Input, mode: ValidationMode): boolean {
  return (
    mode === 'submit' && input.required && !('default' in input && input.default !== undefined)
  );
}

/**
 * The zod schema for one unit's inputs. `null` and absence both mean "not given"; inputs that
 * do not apply to the unit kind must not be given.
 */
export function inputsSchema(
  pack: Pack,
  unitKind: UnitKind | undefined,
  mode: ValidationMode,
): z.ZodType<Record<string, InputValue | null | undefined>> {
  // Building a schema costs more than scoring; packs are immutable, so build each once.
  let perPack = schemaCache.get(pack);
  if (!perPack) {
    perPack = new Map();
    schemaCache.set(pack, perPack);
  }
  const key = `${unitKind ?? '*'}:${mode}`;
  const cached = perPack.get(key);
  if (cached) return cached;
  const built = buildInputsSchema(pack, unitKind, mode);
  perPack.set(key, built);
  return built;
}

type InputsSchema = z.ZodType<Record<string, InputValue | null | undefined>>;
const schemaCache = new WeakMap<Pack, Map<string, InputsSchema>>();

function buildInputsSchema(
  pack: Pack,
  unitKind: UnitKind | undefined,
  mode: ValidationMode,
): InputsSchema {
  const shape: Record<string, z.ZodType> = {};
  for (const input of pack.inputs) {
    if (!inputAppliesTo(input, unitKind)) {
      shape[input.id] = z.null().optional();
      continue;
    }
    const field = fieldSchema(input);
    shape[input.id] = mustBeGiven(input, mode) ? field : field.nullable().optional();
  }
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, InputValue | null>>;
}

const KIND_WORDS: Readonly<Record<Input['kind'], Text>> = {
  count: { zh: '非负整数', en: 'a whole number, 0 or more' },
  number: { zh: '数值', en: 'a number' },
  percent: { zh: '0至100之间的百分数', en: 'a percentage from 0 to 100' },
  boolean: { zh: '是或否', en: 'yes or no' },
  enum: { zh: '可选值之一', en: 'one of the options' },
  date: { zh: 'YYYY-MM-DD格式的日期', en: 'a date as YYYY-MM-DD' },
  text: { zh: '文本', en: 'text' },
  evidence: { zh: '佐证材料引用', en: 'an evidence reference' },
};

function describeIssue(
  issue: z.core.$ZodIssue,
  input: Input | undefined,
  raw: Readonly<Record<string, unknown>>,
  unitKind: UnitKind | undefined,
): Text {
  const label = input?.label ?? {
    zh: String(issue.path[0] ?? ''),
    en: String(issue.path[0] ?? ''),
  };
  const say = (zh: string, en: string): Text => ({
    zh: `${label.zh}：${zh}`,
    en: `${label.en}: ${en}`,
  });
  if (!input) return say('未知字段', 'unknown field');
  const value = raw[input.id];
  if (!inputAppliesTo(input, unitKind) && unitKind) {
    const kind = unitKindLabels[unitKind];
    return say(`不适用于${kind.zh}，不应填写`, `does not apply to a ${kind.en}; leave it empty`);
  }
  if (value === undefined || value === null) return say('必填', 'required');
  const words = KIND_WORDS[input.kind];
  // Bounds only make sense for numbers and text; other kinds get the kind's own words.
  if (!['count', 'number', 'percent', 'text', 'enum'].includes(input.kind)) {
    return say(`应为${words.zh}`, `must be ${words.en}`);
  }
  switch (issue.code) {
    case 'too_small':
      return say(`不能小于${String(issue.minimum)}`, `must be at least ${String(issue.minimum)}`);
    case 'too_big':
      return input.kind === 'text'
        ? say(
            `不能超过${String(issue.maximum)}个字符`,
            `at most ${String(issue.maximum)} characters`,
          )
        : say(`不能大于${String(issue.maximum)}`, `must be at most ${String(issue.maximum)}`);
    case 'invalid_value':
      if (input.kind === 'enum') {
        const options = input.options;
        return say(
          `应为${options.map((o) => `${o.label.zh}(${o.value})`).join('、')}之一`,
          `must be one of ${options.map((o) => `${o.value} (${o.label.en})`).join(', ')}`,
        );
      }
      return say(`应为${words.zh}`, `must be ${words.en}`);
    default:
      if (
        typeof value === 'string' &&
        (input.kind === 'count' || input.kind === 'number' || input.kind === 'percent')
      ) {
        return say(`应为${words.zh}，不能是文本`, `must be ${words.en}, not text`);
      }
      return say(`应为${words.zh}`, `must be ${words.en}`);
  }
}

/**
 * Validates one unit's inputs against the pack. `draft` accepts anything absent; `submit`
 * also requires every required input that applies to the unit kind and has no default.
 * On success, returns the inputs with `null`s dropped, keys sorted.
 */
export function validateInputs(
  pack: Pack,
  unitKind: UnitKind | undefined,
  inputs: unknown,
  options: { readonly mode: ValidationMode },
): InputValidation {
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    return {
      ok: false,
      issues: [
        {
          field: '',
          path: [],
          code: 'invalid_type',
          message: { zh: '输入数据应为对象', en: 'inputs must be an object' },
        },
      ],
    };
  }
  const raw = inputs as Readonly<Record<string, unknown>>;
  // Most submissions are valid: a plain check decides that without zod (which is needed, and
  // used, only to word what is wrong). It accepts exactly what the schema accepts, or less.
  const valid = plainlyValid(pack, unitKind, options.mode, raw);
  const parsed = valid ? null : inputsSchema(pack, unitKind, options.mode).safeParse(raw);
  if (valid || parsed?.success) {
    const data = (parsed?.success ? parsed.data : raw) as Readonly<Record<string, unknown>>;
    const clean: Record<string, InputValue> = {};
    for (const key of Object.keys(data).sort()) {
      const value = data[key];
      if (value !== null && value !== undefined) clean[key] = value as InputValue;
    }
    const broken = checkConstraints(pack, unitKind, new Map(Object.entries(clean)));
    return broken.length > 0 ? { ok: false, issues: broken } : { ok: true, inputs: clean };
  }
  const byId = new Map(pack.inputs.map((input) => [input.id, input]));
  const issues: InputIssue[] = [];
  for (const issue of parsed?.error?.issues ?? []) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({
          field: key,
          path: [key],
          code: issue.code,
          message: { zh: `${key}：未知字段`, en: `${key}: unknown field` },
        });
      }
      continue;
    }
    const field = String(issue.path[0] ?? '');
    issues.push({
      field,
      path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
      code: issue.code,
      message: describeIssue(issue, byId.get(field), raw, unitKind),
    });
  }
  issues.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return { ok: false, issues };
}

/** What the plain check needs of each input, per pack, unit kind and mode. */
interface PlainField {
  readonly input: Input;
  readonly applies: boolean;
  readonly required: boolean;
}
const plainFields = new WeakMap<Pack, Map<string, Map<string, PlainField>>>();

function fieldsFor(pack: Pack, unitKind: UnitKind | undefined, mode: ValidationMode) {
  let perPack = plainFields.get(pack);
  if (!perPack) {
    perPack = new Map();
    plainFields.set(pack, perPack);
  }
  const key = `${unitKind ?? '*'}:${mode}`;
  let fields = perPack.get(key);
  if (!fields) {
    fields = new Map(
      pack.inputs.map((input) => [
        input.id,
        { input, applies: inputAppliesTo(input, unitKind), required: mustBeGiven(input, mode) },
      ]),
    );
    perPack.set(key, fields);
  }
  return fields;
}

function within(x: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || x >= min) && (max === undefined || x <= max);
}

/** True only for a value the input's zod schema certainly accepts: the fast path past zod. */
export function plainValue(input: Input, value: unknown): boolean {
  switch (input.kind) {
    case 'count':
      return (
        typeof value === 'number' &&
        Number.isSafeInteger(value) &&
        value >= 0 &&
        within(value, input.min, input.max)
      );
    case 'number':
      return (
        typeof value === 'number' && Number.isFinite(value) && within(value, input.min, input.max)
      );
    case 'percent':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= 0 &&
        value <= 100 &&
        within(value, input.min, input.max)
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && input.options.some((o) => o.value === value);
    case 'text':
      return typeof value === 'string' && value.length <= input.maxLength;
    case 'evidence':
      return (
        (typeof value === 'string' && value.length > 0) ||
        (Array.isArray(value) &&
          value.length > 0 &&
          value.every((v) => typeof v === 'string' && v.length > 0))
      );
    case 'date':
      // Calendar validity is zod's to judge.
      return false;
  }
}

/** True only when the zod schema certainly accepts `raw` (false when unsure: zod decides). */
function plainlyValid(
  pack: Pack,
  unitKind: UnitKind | undefined,
  mode: ValidationMode,
  raw: Readonly<Record<string, unknown>>,
): boolean {
  const fields = fieldsFor(pack, unitKind, mode);
  for (const key of Object.keys(raw)) if (!fields.has(key)) return false;
  for (const field of fields.values()) {
    const value = raw[field.input.id];
    if (value === undefined || value === null) {
      if (field.applies && field.required) return false;
      continue;
    }
    if (!field.applies || !plainValue(field.input, value)) return false;
  }
  return true;
}

/** The constraint issues of plainly valid inputs (all validateInputs could still find). */
function constraintIssues(
  pack: Pack,
  unitKind: UnitKind | undefined,
  raw: Readonly<Record<string, unknown>>,
): InputIssue[] {
  if (pack.constraints.length === 0) return [];
  const given = new Map<string, InputValue>();
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (value !== null && value !== undefined) given.set(key, value as InputValue);
  }
  return checkConstraints(pack, unitKind, given);
}

export interface ReadInputs {
  /** Usable values (defaults applied), by input id. */
  readonly values: ReadonlyMap<string, InputValue>;
  /** Values set aside: wrong type, out of bounds, unknown, or not for this unit kind. */
  readonly issues: readonly InputIssue[];
}

/**
 * Reads one unit's inputs for scoring: every valid value is kept, every invalid one is
 * reported and treated as not given (so whatever needs it is missing, never 0).
 */
export function readInputs(
  pack: Pack,
  unitKind: UnitKind | undefined,
  inputs: unknown,
): ReadInputs {
  const raw =
    typeof inputs === 'object' && inputs !== null && !Array.isArray(inputs)
      ? (inputs as Readonly<Record<string, unknown>>)
      : {};
  // Plainly valid inputs (the usual case) can only break constraints: skip the rest.
  const checked: InputValidation = plainlyValid(pack, unitKind, 'draft', raw)
    ? ((issues) => (issues.length > 0 ? { ok: false, issues } : { ok: true, inputs: {} }))(
        constraintIssues(pack, unitKind, raw),
      )
    : validateInputs(pack, unitKind, raw, { mode: 'draft' });
  // Inconsistent data (a failed constraint) is reported but still scored as given.
  const rejected = new Set(
    checked.ok ? [] : checked.issues.filter((i) => i.code !== 'constraint').map((i) => i.field),
  );
  const values = new Map<string, InputValue>();
  for (const input of pack.inputs) {
    if (!inputAppliesTo(input, unitKind)) continue;
    const given = raw[input.id];
    if (given !== undefined && given !== null && !rejected.has(input.id)) {
      values.set(input.id, given as InputValue);
    } else if ('default' in input && input.default !== undefined && !rejected.has(input.id)) {
      values.set(input.id, input.default);
    }
  }
  const issues = checked.ok ? [] : [...checked.issues];
  if (!checked.ok && rejected.size > 0) {
    // Constraints over the usable values, since the full check stopped at the type errors.
    issues.push(...checkConstraints(pack, unitKind, values));
  }
  return { values, issues };
}
