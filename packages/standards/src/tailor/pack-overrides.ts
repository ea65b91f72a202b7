import { z } from 'zod';
import { expressionSchema, identifierSchema } from '../expression.ts';
import { packKeySchema, packVersionSchema } from '../pack-schema.ts';
import { textSchema } from '../text.ts';

// What a tailored version changes in its parent — data, so it can be stored, reviewed and
// re-applied: new parameter defaults, disabled items, and values set inside an item's rule,
// addressed by JSON Pointer (RFC 6901) relative to the rule:
//
//   { "key": "gz.full-employment.conghua", "version": "2024.1",
//     "parameters": { "passMark": 85 },
//     "items": {
//       "一.3": { "set": { "/bands/0/threshold": 92, "/bands/0/points": 6 } },
//       "四.6": { "disabled": true } } }
//
// A pointer reaches thresholds (`threshold`, `atLeast`, deduction `step`, proportional
// `target`, and anything inside them, e.g. "/bands/0/threshold/cases/1/value") and points
// (`points`, `otherwise`, `base`, `cap`, `floor`, `max`, `maxTotal`, `min`, rank `top`),
// through `parts`, `base`, `rule`, `bands`, `steps`, `deductions` and `award`. A number set on
// a literal keeps its kind: 92 on `pct(90)` is 92 %. What a rule measures, its conditions
// and its shape (kinds, operators, the list of bands) are not tailorable.

const pointerSchema = z
  .string()
  .regex(/^(\/[^/]+)+$/, 'a JSON Pointer into the item\'s rule, e.g. "/bands/0/threshold"');

export const itemOverrideSchema = z.strictObject({
  disabled: z.boolean().optional(),
  set: z.record(pointerSchema, z.union([z.number(), expressionSchema])).default({}),
  /** Why, in both languages: added to the item's notes. */
  notes: z.array(textSchema).default([]),
  /**
   * Marks for versions derived from this one (a city locking what its districts may change):
   * `mandatory` (may not be disabled), `tightenOnly` (may only get harder to earn). A mark the
   * parent set cannot be dropped: the linter's tailoring check refuses that.
   */
  mandatory: z.boolean().optional(),
  tightenOnly: z
    .union([z.boolean(), z.strictObject({ points: z.enum(['stricter', 'fixed']) })])
    .optional(),
});
export type ItemOverride = z.infer<typeof itemOverrideSchema>;

export const packOverridesSchema = z.strictObject({
  key: packKeySchema,
  version: packVersionSchema,
  title: textSchema.optional(),
  issuer: textSchema.optional(),
  effectiveFrom: z.iso.date().optional(),
  effectiveTo: z.iso.date().optional(),
  /** New defaults for the parent's parameters (e.g. the pass mark a district sets). */
  parameters: z
    .record(identifierSchema, z.union([z.string(), z.number(), z.boolean()]))
    .default({}),
  items: z.record(z.string().min(1), itemOverrideSchema).default({}),
  /** Added to the pack's notes. */
  notes: z.array(textSchema).default([]),
});
export type PackOverrides = z.infer<typeof packOverridesSchema>;
export type PackOverridesInput = z.input<typeof packOverridesSchema>;
