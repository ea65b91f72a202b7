import { z } from 'zod';
import { expressionSchema, identifierSchema } from './expression.ts';
import { ruleSchema } from './rules/rule.ts';
import { textSchema } from './text.ts';
import { unitKindSchema } from './unit-kind.ts';

// A standard pack version: a rubric as data. Everything a score depends on is here, so the
// same pack, parameters and inputs give the same scorecard anywhere.

const isoDate = z.iso.date();

/** Where a pack, item or threshold comes from: the file and the exact words. */
export const citationSchema = z.strictObject({
  /** The source file, e.g. "000_802a087d396963ff.txt". */
  file: z.string().min(1),
  /** Where in the file, e.g. "附件4 (一) 1". */
  section: z.string().min(1).optional(),
  /** The words themselves, verbatim. */
  quote: z.string().min(1),
});
export type Citation = z.infer<typeof citationSchema>;

export const packSourceSchema = z.strictObject({
  file: z.string().min(1),
  /** The document's own title, verbatim. */
  title: z.string().min(1),
  section: z.string().min(1).optional(),
  /** The issuing document, e.g. its 文号. */
  document: z.string().min(1).optional(),
  issued: isoDate.optional(),
  url: z.url().optional(),
});
export type PackSource = z.infer<typeof packSourceSchema>;

export const packKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'a dotted key such as "gz.full-employment"');
/** "2024.1", "1.0.0", "2024.2-draft". */
export const packVersionSchema = z
  .string()
  .regex(/^\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?$/, 'a version such as "2024.1"');

const optionSchema = z.strictObject({ value: z.string().min(1), label: textSchema });
export type Option = z.infer<typeof optionSchema>;

const parameterBase = {
  id: identifierSchema,
  label: textSchema,
  description: textSchema.optional(),
};

/**
 * What a campaign sets for a cycle: e.g. the designation level sought, or the pass mark the
 * source leaves open. A parameter without a default must be set, or what reads it is unknown.
 */
export const parameterSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...parameterBase,
    kind: z.literal('enum'),
    options: z.array(optionSchema).min(1),
    default: z.string().min(1).optional(),
  }),
  z.strictObject({
    ...parameterBase,
    kind: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    default: z.number().optional(),
  }),
  z.strictObject({
    ...parameterBase,
    kind: z.literal('boolean'),
    default: z.boolean().optional(),
  }),
]);
export type Parameter = z.infer<typeof parameterSchema>;

/**
 * How a value rolls up an org tree (a city's figure from its districts'; see rollup.ts):
 * - `sum`: added up (counts, amounts); `min` / `max`;
 * - `all` / `any`: booleans — true when every / some unit's value is;
 * - `{ weightedMeanBy: inputId }`: a rate or unit price averaged, weighted by another input
 *   (a subsidy in 元/人·月 weighted by the people it is paid to);
 * - `recompute` (metrics only): the metric evaluated over the rolled-up inputs, so a ratio of
 *   two sums stays a ratio of two sums;
 * - `none`: not rolled up (a rate whose parts are not reported, e.g. 城镇登记失业率).
 * Undeclared means the pack says nothing; rollups then leave the value out.
 */
export const aggregateSchema = z.union([
  z.enum(['sum', 'min', 'max', 'all', 'any', 'recompute', 'none']),
  z.strictObject({ weightedMeanBy: identifierSchema }),
]);
export type Aggregate = z.infer<typeof aggregateSchema>;

const inputBase = {
  id: identifierSchema,
  label: textSchema,
  /** Where the field comes from: the file and the words that name it. */
  source: citationSchema.optional(),
  /** How it rolls up an org tree. */
  aggregate: aggregateSchema.optional(),
  /** The unit of measure: { zh: '人', en: 'people' }. */
  unit: textSchema.optional(),
  help: textSchema.optional(),
  /** Required to submit; an absent optional input takes its `default`, or stays missing. */
  required: z.boolean().default(true),
  /** The unit kinds that report it (all of the pack's by default). */
  appliesTo: z.array(unitKindSchema).min(1).optional(),
};

/**
 * A field a unit reports. Counts are non-negative integers; percentages are given as
 * 0..100 (and held as fractions); evidence is a reference (or list of references) to a
 * stored file.
 */
export const inputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...inputBase,
    kind: z.literal('count'),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
    default: z.number().int().nonnegative().optional(),
  }),
  z.strictObject({
    ...inputBase,
    kind: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    default: z.number().optional(),
  }),
  z.strictObject({
    ...inputBase,
    kind: z.literal('percent'),
    min: z.number().min(0).max(100).optional(),
    max: z.number().min(0).max(100).optional(),
    default: z.number().min(0).max(100).optional(),
  }),
  z.strictObject({ ...inputBase, kind: z.literal('boolean'), default: z.boolean().optional() }),
  z.strictObject({
    ...inputBase,
    kind: z.literal('enum'),
    options: z.array(optionSchema).min(1),
    default: z.string().optional(),
  }),
  z.strictObject({ ...inputBase, kind: z.literal('date'), default: isoDate.optional() }),
  z.strictObject({
    ...inputBase,
    kind: z.literal('text'),
    maxLength: z.number().int().positive().default(2000),
    default: z.string().optional(),
  }),
  z.strictObject({ ...inputBase, kind: z.literal('evidence') }),
]);
export type Input = z.infer<typeof inputSchema>;
export type InputKind = Input['kind'];

export const numberFormatSchema = z.enum(['count', 'number', 'percent']);

/**
 * A value that is not the unit's own: supplied by the cycle (宜春's 所在县平均就业率; it may
 * differ per unit), or computed over the cycle's units (an aggregate of an expression).
 */
export const referenceSchema = z.strictObject({
  id: identifierSchema,
  label: textSchema,
  format: numberFormatSchema,
  description: textSchema.optional(),
  source: z.discriminatedUnion('from', [
    z.strictObject({ from: z.literal('cycle') }),
    z.strictObject({
      from: z.literal('units'),
      aggregate: z.enum(['mean', 'median', 'min', 'max', 'sum', 'count']),
      of: expressionSchema,
      /** Units of every kind, or only of the scored unit's kind. */
      peers: z.enum(['all', 'same-kind']).default('same-kind'),
    }),
  ]),
});
export type Reference = z.infer<typeof referenceSchema>;

/** A named, computed value: "就业困难人员就业率 = 实现就业人数 ÷ (总人数 − 非就业情形取消人数)". */
export const metricSchema = z.strictObject({
  id: identifierSchema,
  label: textSchema,
  expression: expressionSchema,
  /** Overrides how the value is shown (a ratio is a percent by default). */
  format: numberFormatSchema.optional(),
  /** Decimal places shown (1 for percents, 2 for numbers by default). */
  digits: z.number().int().min(0).max(6).optional(),
  description: textSchema.optional(),
  source: citationSchema.optional(),
  /** How it rolls up an org tree: `recompute` over rolled-up inputs, or `none`. */
  aggregate: aggregateSchema.optional(),
});
export type Metric = z.infer<typeof metricSchema>;

export const categorySchema = z.strictObject({
  /** As the source numbers it: "一", "二", …; the bonus category numbered like any other. */
  id: z.string().regex(/^[^.\s]+$/, 'a category id without dots or spaces'),
  title: textSchema,
  max: z.number().nonnegative(),
  /** A bonus (加分项) category: its points come on top of the pack's stated total. */
  bonus: z.boolean().default(false),
});
export type Category = z.infer<typeof categorySchema>;

export const itemSchema = z.strictObject({
  /** `<category>.<n>`, n 1-based in the order the source lists the category's items. */
  id: z.string().regex(/^[^.\s]+\.[1-9]\d*$/, 'an item id such as "一.3"'),
  category: z.string().min(1),
  title: textSchema,
  /** 建设内容 / 指标内容 beyond the title, if any. */
  content: textSchema.optional(),
  /** 目标要求: what the item asks of the unit, in the source's words (a column of its own in the
   * province table, printed beside 评分办法 in exports). */
  target: textSchema.optional(),
  max: z.number(),
  /** The least an item can score: 0 unless the source deducts below zero. */
  min: z.number().default(0),
  /** 评估方法 / 评分办法, in the source's words. */
  method: textSchema.optional(),
  /** 评估分工: the responsible departments, as the source names them. */
  departments: z.array(z.string().min(1)).default([]),
  /** ★ 引导性 (guidance) content. */
  starred: z.boolean().default(false),
  /** The unit kinds it applies to (all of the pack's by default). */
  appliesTo: z.array(unitKindSchema).min(1).optional(),
  source: citationSchema,
  /** How an ambiguity in the source was resolved, in both languages. */
  notes: z.array(textSchema).default([]),
  rule: ruleSchema,
  /** A tailored version may switch an item off. */
  disabled: z.boolean().default(false),
  /** Set by the publisher: a version derived from this one may not disable the item. */
  mandatory: z.boolean().optional(),
  /**
   * Set by the publisher: a derived version may only make the item harder to earn (thresholds
   * of ≥ bands and ladder steps up, of ≤ bands down; points awarded down, points deducted up);
   * `{ points: 'fixed' }` also forbids changing any points. Checked by the linter (tailoring).
   */
  tightenOnly: z
    .union([z.boolean(), z.strictObject({ points: z.enum(['stricter', 'fixed']) })])
    .optional(),
});
export type Item = z.infer<typeof itemSchema>;

/** 申报条件: a condition a unit must meet to be considered at all. */
export const eligibilitySchema = z.strictObject({
  id: identifierSchema,
  title: textSchema,
  when: expressionSchema,
  source: citationSchema.optional(),
  notes: z.array(textSchema).default([]),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

/**
 * When a unit earns the designation: a pass mark on the total (an expression, usually a
 * parameter, since the seeds state none) and any further requirements, which may read
 * points with `total`, `item-points` and `category-points`.
 */
export const designationSchema = z.strictObject({
  title: textSchema,
  passMark: expressionSchema,
  requirements: z
    .array(z.strictObject({ id: identifierSchema, title: textSchema, when: expressionSchema }))
    .default([]),
  notes: z.array(textSchema).default([]),
});
export type Designation = z.infer<typeof designationSchema>;

/** A consistency check on a unit's data, e.g. "再就业人数 ≤ 登记失业人数". */
export const constraintSchema = z.strictObject({
  id: identifierSchema,
  when: expressionSchema,
  message: textSchema,
});
export type Constraint = z.infer<typeof constraintSchema>;

/**
 * One stage of a pack's review chain, in order: the province table's 自评分 (the unit, as
 * `reporter`) → 省厅初评分 → 省厅审定考核分 (the province, as `reviewer`). Each stage keeps its own
 * inputs and assessments, hence its own score; `assessed` rules name the stages that may enter
 * them. The campaign layer reads the chain; the engine scores one stage at a time.
 */
export const reviewStageSchema = z.strictObject({
  key: identifierSchema,
  title: textSchema,
  /** Who enters this stage's figures and judgements. */
  actor: z.enum(['reporter', 'reviewer']),
  description: textSchema.optional(),
});
export type ReviewStage = z.infer<typeof reviewStageSchema>;

export const packSchema = z.strictObject({
  key: packKeySchema,
  version: packVersionSchema,
  title: textSchema,
  issuer: textSchema,
  source: packSourceSchema,
  /** For a tailored version: the published version it was derived from. */
  derivedFrom: z.strictObject({ key: packKeySchema, version: packVersionSchema }).optional(),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.optional(),
  /** The stated points of the non-bonus categories (e.g. 100; bonus categories come on top). */
  total: z.number().nonnegative(),
  unitKinds: z.array(unitKindSchema).min(1),
  parameters: z.array(parameterSchema).default([]),
  inputs: z.array(inputSchema).default([]),
  references: z.array(referenceSchema).default([]),
  metrics: z.array(metricSchema).default([]),
  categories: z.array(categorySchema).default([]),
  items: z.array(itemSchema).default([]),
  eligibility: z.array(eligibilitySchema).default([]),
  designation: designationSchema.optional(),
  constraints: z.array(constraintSchema).default([]),
  /** The scoring stages, in order, when the source names them (absent: the campaign decides). */
  reviewChain: z.array(reviewStageSchema).min(1).optional(),
  notes: z.array(textSchema).default([]),
});

/** A validated pack version, defaults applied. */
export type Pack = z.infer<typeof packSchema>;
/** A pack as authored. */
export type PackInput = z.input<typeof packSchema>;
