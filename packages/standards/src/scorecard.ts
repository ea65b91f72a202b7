import { z } from 'zod';
import { textSchema } from './text.ts';
import { unitKindSchema } from './unit-kind.ts';

// The scorecard: what scoring one unit returns, as plain JSON with a stable key order.
// Points are numbers with at most 2 decimal places (item points are rounded half away
// from zero; totals are exact sums of the rounded item points).

export const itemStatuses = [
  'scored',
  'missing-inputs',
  'awaiting-assessment',
  'not-applicable',
  'disabled',
] as const;
export const itemStatusSchema = z.enum(itemStatuses);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

/** A value with how it is shown ("89.6%", "是"); null when it cannot be computed. */
export const shownValueSchema = z.strictObject({
  /** Percentages as percent numbers (89.6 % → 89.58333333333333), like inputs are given. */
  value: z.union([z.number(), z.boolean(), z.string()]).nullable(),
  display: textSchema.nullable(),
});
export type ShownValue = z.infer<typeof shownValueSchema>;

export const inputValueSchema = z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]);

export const itemResultSchema = z.strictObject({
  id: z.string(),
  category: z.string(),
  title: textSchema,
  status: itemStatusSchema,
  /** Null unless scored. */
  points: z.number().nullable(),
  max: z.number(),
  min: z.number(),
  /** The inputs the item's rule read that the unit gave, by id. */
  inputs: z.record(z.string(), inputValueSchema),
  /** The metrics the item's rule read, by id. */
  metrics: z.record(z.string(), shownValueSchema),
  /** What must be supplied first: input ids, `reference:…`, `parameter:…`, `unit-kind`, `peers`. */
  missing: z.array(z.string()),
  /** Assessment keys still to be entered. */
  awaiting: z.array(z.string()),
  explanation: textSchema,
});
export type ItemResult = z.infer<typeof itemResultSchema>;

export const categoryResultSchema = z.strictObject({
  id: z.string(),
  title: textSchema,
  bonus: z.boolean(),
  max: z.number(),
  /** The sum of its items' points, capped at `max` (a bonus category's "加分不超过10分"). */
  points: z.number(),
  /** The uncapped sum of its items' points. */
  itemPoints: z.number(),
  capped: z.boolean(),
  complete: z.boolean(),
});
export type CategoryResult = z.infer<typeof categoryResultSchema>;

export const eligibilityResultSchema = z.strictObject({
  /** True when every condition holds (or there are none), false when one fails, else null. */
  eligible: z.boolean().nullable(),
  checks: z.array(
    z.strictObject({
      id: z.string(),
      title: textSchema,
      passed: z.boolean().nullable(),
      explanation: textSchema,
      missing: z.array(z.string()),
    }),
  ),
});
export type EligibilityResult = z.infer<typeof eligibilityResultSchema>;

export const designationResultSchema = z.strictObject({
  title: textSchema,
  /** Null while anything it depends on is unknown (items pending, pass mark not set). */
  met: z.boolean().nullable(),
  passMark: z.number().nullable(),
  total: z.number(),
  reason: textSchema,
  requirements: z.array(
    z.strictObject({ id: z.string(), title: textSchema, met: z.boolean().nullable() }),
  ),
});
export type DesignationResult = z.infer<typeof designationResultSchema>;

export const scorecardSchema = z.strictObject({
  pack: z.strictObject({ key: z.string(), version: z.string(), contentHash: z.string() }),
  engine: z.string(),
  unit: z.strictObject({ id: z.string().nullable(), kind: unitKindSchema.nullable() }),
  /** The parameters scored under, defaults applied. */
  parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  eligibility: eligibilityResultSchema,
  items: z.array(itemResultSchema),
  categories: z.array(categoryResultSchema),
  /** The sum of the categories' (capped) points. */
  total: z.number(),
  /** The pack's stated total (non-bonus categories). */
  max: z.number(),
  /** What the bonus categories can add. */
  bonusMax: z.number(),
  /** The least and most the total can become once pending items are known. */
  range: z.strictObject({ min: z.number(), max: z.number() }),
  /** Every item scored, not applicable or disabled. */
  complete: z.boolean(),
  designation: designationResultSchema.nullable(),
  metrics: z.record(z.string(), shownValueSchema),
  references: z.record(z.string(), shownValueSchema),
  /** Data set aside or worked around: invalid inputs, unusable assessments, failed checks. */
  issues: z.array(z.strictObject({ field: z.string(), message: textSchema })),
});
export type Scorecard = z.infer<typeof scorecardSchema>;
