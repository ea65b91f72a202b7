import { z } from '@hono/zod-openapi';
import { ruleKinds, scorecardSchema, unitKinds } from '@kaoping/standards';
import { bi } from '../../lib/bilingual-zod.ts';

/**
 * The pack catalog's shapes in the OpenAPI document. A pack version is presented, not dumped:
 * each item's rule comes in plain words (describeRule) beside its data, each metric with its
 * formula in words, so the document stays readable while items, inputs and parameters are
 * fully typed. Field names are the API's (snake_case); the two things kept in the pack
 * language are a rule's `definition` and a tailored version's `overrides`, because tailoring
 * addresses them by JSON Pointer (docs/packs.md#tailoring).
 */

/**
 * A registered (named) schema that may be null. `.nullable()` on a named schema makes the
 * component itself nullable in zod-to-openapi; a union with null keeps the component as is.
 */
const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const TextSchema = z
  .object({ zh: z.string(), en: z.string() })
  .openapi('Text', { description: 'A text in Chinese and English' });

const UnitKindSchema = z.enum(unitKinds).openapi('UnitKind');

const CitationSchema = z
  .object({
    file: z.string().openapi({ example: '000_802a087d396963ff.txt' }),
    section: z.string().nullable().openapi({ example: '附件4 (一) 3' }),
    quote: z.string().openapi({ description: 'The source’s exact words' }),
  })
  .openapi('PackCitation');

const PackRefSchema = z
  .object({
    key: z.string().openapi({ example: 'gz.full-employment' }),
    version: z.string().openapi({ example: '2024.1' }),
  })
  .openapi('PackRef');

const PinSummarySchema = z.object({
  id: z.string().openapi({ example: 'pin_0a1b2c3d4e5f60718293a4b5c6d7e8f9' }),
  effective_from: z.string().openapi({ example: '2023-10-01' }),
});

export const PackVersionSummarySchema = z
  .object({
    key: z.string().openapi({ example: 'gz.full-employment' }),
    version: z.string().openapi({ example: '2024.1' }),
    origin: z.enum(['built-in', 'tenant']).openapi({
      description: 'Shipped with Kaoping, or the tenant’s own (tailored) version',
    }),
    status: z.enum(['draft', 'published']),
    title: TextSchema,
    effective_from: z.string().openapi({ example: '2023-10-01' }),
    effective_to: z.string().nullable(),
    unit_kinds: z.array(UnitKindSchema),
    total: z.number().openapi({ description: 'Points of the non-bonus categories', example: 100 }),
    bonus_max: z.number().openapi({ description: 'What bonus categories add', example: 10 }),
    item_count: z.number().int().openapi({ example: 27 }),
    content_hash: z.string().openapi({ description: 'contentHash(pack): SHA-256, 64 hex digits' }),
    derived_from: orNull(PackRefSchema),
    pin: PinSummarySchema.nullable().openapi({
      description: 'The tenant’s pin of this version (selection), if any',
    }),
    created_at: z.string().nullable().openapi({ description: 'Tenant versions only' }),
    published_at: z.string().nullable().openapi({ description: 'Tenant versions only' }),
  })
  .openapi('PackVersionSummary');

export const PackSummarySchema = z
  .object({
    key: z.string().openapi({ example: 'gz.full-employment' }),
    title: TextSchema,
    issuer: TextSchema,
    unit_kinds: z.array(UnitKindSchema),
    versions: z.array(PackVersionSummarySchema).openapi({
      description: 'Newest first (effective_from, then version)',
    }),
  })
  .openapi('PackSummary');

export const CatalogSchema = z.object({ items: z.array(PackSummarySchema) }).openapi('PackCatalog');

const OptionSchema = z.object({ value: z.string(), label: TextSchema }).openapi('PackOption');
const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]);

export const ParameterSchema = z
  .object({
    id: z.string().openapi({ example: 'passMark' }),
    kind: z.enum(['enum', 'number', 'boolean']),
    label: TextSchema,
    description: orNull(TextSchema),
    options: z.array(OptionSchema).nullable().openapi({ description: 'kind enum only' }),
    min: z.number().nullable(),
    max: z.number().nullable(),
    default: ScalarSchema.nullable().openapi({
      description: 'Without a default, unset until a cycle sets it',
    }),
  })
  .openapi('PackParameter');

const AggregateSchema = z
  .union([
    z.enum(['sum', 'min', 'max', 'all', 'any', 'recompute', 'none']),
    z.object({ weighted_mean_by: z.string() }),
  ])
  .openapi('PackAggregate');

export const InputSchema = z
  .object({
    id: z.string().openapi({ example: 'difficultEmployed' }),
    kind: z.enum(['count', 'number', 'percent', 'boolean', 'enum', 'date', 'text', 'evidence']),
    label: TextSchema,
    unit: orNull(TextSchema),
    help: orNull(TextSchema),
    required: z.boolean().openapi({ description: 'Needed to submit (a preview never needs it)' }),
    default: z.union([z.string(), z.number(), z.boolean()]).nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    max_length: z.number().int().nullable().openapi({ description: 'kind text only' }),
    options: z.array(OptionSchema).nullable().openapi({ description: 'kind enum only' }),
    applies_to: z.array(UnitKindSchema).nullable().openapi({
      description: 'The unit kinds that report it; null: every kind the pack assesses',
    }),
    aggregate: orNull(AggregateSchema).openapi({ description: 'How it rolls up an org tree' }),
    source: orNull(CitationSchema),
  })
  .openapi('PackInput');

export const MetricSchema = z
  .object({
    id: z.string().openapi({ example: 'difficultRate' }),
    label: TextSchema,
    formula: TextSchema.openapi({ description: 'The expression in plain words' }),
    definition: z.record(z.string(), z.unknown()).openapi({
      description: 'The expression as data, in the pack language (docs/packs.md#expressions)',
    }),
    format: z.enum(['count', 'number', 'percent']).nullable(),
    description: orNull(TextSchema),
    source: orNull(CitationSchema),
  })
  .openapi('PackMetric');

export const ReferenceSchema = z
  .object({
    id: z.string().openapi({ example: 'countyAverageEmploymentRate' }),
    label: TextSchema,
    format: z.enum(['count', 'number', 'percent']),
    description: orNull(TextSchema),
    supplied_by: z.enum(['cycle', 'units']).openapi({
      description: 'A value the cycle supplies, or one computed over the cycle’s units',
    }),
    aggregate: z.enum(['mean', 'median', 'min', 'max', 'sum', 'count']).nullable(),
    of: orNull(TextSchema).openapi({ description: 'What is aggregated, in plain words' }),
    peers: z.enum(['all', 'same-kind']).nullable(),
  })
  .openapi('PackReference');

export const RuleSchema = z
  .object({
    kind: z.enum(ruleKinds as [string, ...string[]]),
    text: TextSchema.openapi({ description: 'The rule in plain words (describeRule)' }),
    definition: z.record(z.string(), z.unknown()).openapi({
      description:
        'The rule as data, in the pack language (docs/packs.md#rule-kinds); the JSON Pointers ' +
        'of tailoring overrides address it',
    }),
  })
  .openapi('PackRule');

export const ItemSchema = z
  .object({
    id: z.string().openapi({ example: '一.3' }),
    category: z.string().openapi({ example: '一' }),
    title: TextSchema,
    content: orNull(TextSchema),
    target: orNull(TextSchema).openapi({ description: '目标要求' }),
    method: orNull(TextSchema).openapi({ description: '评分办法 / 评估方法' }),
    max: z.number().openapi({ example: 6 }),
    min: z.number().openapi({ example: 0 }),
    starred: z.boolean().openapi({ description: '★ 引导性' }),
    departments: z.array(z.string()).openapi({ description: '评估分工' }),
    applies_to: z.array(UnitKindSchema).nullable(),
    disabled: z.boolean().openapi({ description: 'Switched off by tailoring' }),
    mandatory: z.boolean().openapi({ description: 'A derived version may not disable it' }),
    tighten_only: z.enum(['stricter', 'fixed']).nullable().openapi({
      description: 'A derived version may only make it harder to earn (fixed: points frozen too)',
    }),
    source: CitationSchema,
    notes: z.array(TextSchema).openapi({ description: 'How ambiguities were read' }),
    rule: RuleSchema,
  })
  .openapi('PackItem');

export const CategorySchema = z
  .object({
    id: z.string().openapi({ example: '一' }),
    title: TextSchema,
    max: z.number(),
    bonus: z.boolean().openapi({ description: '加分项: on top of the stated total' }),
    items: z.array(ItemSchema),
  })
  .openapi('PackCategory');

const ReviewStageSchema = z
  .object({
    key: z.string().openapi({ example: 'self' }),
    title: TextSchema,
    actor: z.enum(['reporter', 'reviewer']),
    description: orNull(TextSchema),
  })
  .openapi('PackReviewStage');

const PackSourceSchema = z
  .object({
    file: z.string(),
    title: z.string(),
    section: z.string().nullable(),
    document: z.string().nullable(),
    issued: z.string().nullable(),
    url: z.string().nullable(),
  })
  .openapi('PackSource');

const ConditionSchema = z.object({
  id: z.string(),
  title: TextSchema,
  condition: TextSchema.openapi({ description: 'In plain words' }),
});

// Overrides (request and response): the pack language's tailoring format (derivePack),
// without key and version, which the API sets.

const TextBody = z
  .strictObject({ zh: z.string().min(1).max(2000), en: z.string().min(1).max(2000) })
  .openapi('TextInput');

const pointer = z
  .string()
  .max(200)
  .regex(/^(\/[^/]+)+$/, {
    message: bi('应为指向评分规则内部的 JSON Pointer', 'must be a JSON Pointer into the rule'),
  });

export const ItemOverrideSchema = z
  .strictObject({
    disabled: z.boolean().optional(),
    set: z
      .record(pointer, z.union([z.number(), z.record(z.string(), z.unknown())]))
      .optional()
      .openapi({
        description:
          'JSON Pointer into the item’s rule → a number (keeps a literal’s kind: 92 on 90 % is ' +
          '92 %) or an expression object; e.g. {"/bands/0/threshold": 92}',
        example: { '/bands/0/threshold': 92 },
      }),
    notes: z.array(TextBody).max(20).optional(),
    mandatory: z.boolean().optional().openapi({
      description: 'Mark the item for versions derived from this one',
    }),
    tightenOnly: z
      .union([z.boolean(), z.strictObject({ points: z.enum(['stricter', 'fixed']) })])
      .optional(),
  })
  .openapi('PackItemOverride');

export const OverridesSchema = z
  .strictObject({
    title: TextBody.optional(),
    issuer: TextBody.optional(),
    effectiveFrom: z.iso.date().optional(),
    effectiveTo: z.iso.date().optional(),
    parameters: z
      .record(z.string().max(64), z.union([z.string().min(1).max(200), z.number(), z.boolean()]))
      .optional()
      .openapi({
        description: 'New defaults for the parent’s parameters',
        example: { passMark: 85 },
      }),
    items: z.record(z.string().min(1).max(40), ItemOverrideSchema).optional(),
    notes: z.array(TextBody).max(20).optional(),
  })
  // What a tailored version changes in its parent: parameter defaults, thresholds and points
  // (JSON Pointers into item rules), disabled items, marks (docs/packs.md#tailoring). No
  // description here: on a named request schema it turns each use into an allOf.
  .openapi('PackOverrides');

export const PackVersionDetailSchema = PackVersionSummarySchema.extend({
  issuer: TextSchema,
  source: PackSourceSchema,
  notes: z.array(TextSchema),
  parameters: z.array(ParameterSchema),
  inputs: z.array(InputSchema),
  metrics: z.array(MetricSchema),
  references: z.array(ReferenceSchema),
  categories: z.array(CategorySchema).openapi({ description: 'Items grouped by category' }),
  review_chain: z.array(ReviewStageSchema).nullable(),
  eligibility: z.array(ConditionSchema.extend({ notes: z.array(TextSchema) })),
  designation: z
    .object({
      title: TextSchema,
      pass_mark: TextSchema,
      requirements: z.array(ConditionSchema),
      notes: z.array(TextSchema),
    })
    .nullable(),
  constraints: z.array(z.object({ id: z.string(), message: TextSchema, condition: TextSchema })),
  overrides: orNull(OverridesSchema).openapi({ description: 'Tailored versions only' }),
  etag: z.string().nullable().openapi({
    description: 'Tenant versions only: send it in If-Match to change a draft',
    example: '"1"',
  }),
}).openapi('PackVersion');

// Diff and lint: the engine's own shapes (packages/standards diffPacks and lintPack).

const FieldChangeSchema = z
  .object({
    path: z.string().openapi({ example: 'items[一.3].rule.bands[0].threshold' }),
    kind: z.string().openapi({ example: 'threshold' }),
    from: TextSchema,
    to: TextSchema,
    message: TextSchema.openapi({ example: { zh: '第1档阈值：90% → 92%', en: '…' } }),
  })
  .openapi('PackFieldChange');

const NamedSchema = z.object({ id: z.string(), title: TextSchema });

const DeclarationsDiffSchema = z
  .object({
    added: z.array(NamedSchema),
    removed: z.array(NamedSchema),
    changed: z.array(NamedSchema.extend({ changes: z.array(FieldChangeSchema) })),
  })
  .openapi('PackDeclarationsDiff');

const DiffRefSchema = z.object({ key: z.string(), version: z.string(), contentHash: z.string() });

export const PackDiffSchema = z
  .object({
    from: DiffRefSchema,
    to: DiffRefSchema,
    identical: z.boolean(),
    pack: z.array(FieldChangeSchema),
    items: DeclarationsDiffSchema,
    categories: DeclarationsDiffSchema,
    parameters: DeclarationsDiffSchema,
    inputs: DeclarationsDiffSchema,
    metrics: DeclarationsDiffSchema,
    references: DeclarationsDiffSchema,
    summary: TextSchema,
  })
  .openapi('PackDiff');

const LintFindingSchema = z
  .object({
    check: z.string().openapi({ example: 'item-bounds' }),
    severity: z.enum(['error', 'warning']),
    path: z.string().openapi({ example: 'items[失业保险.8].rule' }),
    message: TextSchema,
  })
  .openapi('PackLintFinding');

export const LintResultSchema = z
  .object({
    errors: z.array(LintFindingSchema).openapi({ description: 'Any error blocks publishing' }),
    warnings: z.array(LintFindingSchema),
  })
  .openapi('PackLintResult');

export const ScorecardSchema = scorecardSchema.openapi('Scorecard', {
  description: 'score(…) from packages/standards, exactly as the scheduler records it',
});

export const PinSchema = z
  .object({
    id: z.string().openapi({ example: 'pin_0a1b2c3d4e5f60718293a4b5c6d7e8f9' }),
    key: z.string().openapi({ example: 'gz.full-employment' }),
    version: z.string().openapi({ example: '2024.1-conghua.1' }),
    effective_from: z.string().openapi({ example: '2023-10-01' }),
    pinned_by: z.string(),
    created_at: z.string(),
  })
  .openapi('PackPin');

export { PackRefSchema, TextBody };
