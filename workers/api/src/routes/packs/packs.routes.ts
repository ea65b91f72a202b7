import { createRoute, z } from '@hono/zod-openapi';
import { unitKinds } from '@kaoping/standards';
import type { Context } from 'hono';
import { bi } from '../../lib/bilingual-zod.ts';
import { pathId } from '../../lib/fields.ts';
import { idempotency } from '../../lib/idempotency.ts';
import {
  bearerSecurity,
  etagHeader,
  IdempotencyHeaders,
  IfMatchHeaders,
  ProblemSchema,
  problemResponses,
} from '../../lib/openapi.ts';
import { rateLimit } from '../../lib/rate-limit.ts';
import type { AppBindings } from '../../lib/types.ts';
import {
  CatalogSchema,
  LintResultSchema,
  OverridesSchema,
  PackDiffSchema,
  PackVersionDetailSchema,
  ScorecardSchema,
} from './packs.schemas.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/**
 * Key and version in a path are not checked against the pack language's patterns: anything
 * that is not a version the caller can see is simply not found, the same 404 as another
 * tenant's tailored version.
 */
const VersionParams = z.object({
  key: pathId('key', 'gz.full-employment'),
  version: pathId('version', '2024.1'),
});

const versionResponse = (description: string) => ({
  description,
  headers: {
    ETag: { ...etagHeader.ETag, description: 'Tenant versions only: send it in If-Match' },
  },
  content: json(PackVersionDetailSchema),
});

/** Per principal and route: a reporter typing, an integrator testing, not a flood. */
const computeLimit = (what: string) =>
  rateLimit('PREVIEW_LIMITER', (c: Context<AppBindings>) => {
    const p = c.var.principal;
    return `${what}\u0000${p.tenantId}\u0000${p.kind === 'user' ? p.userId : p.clientId}`;
  });

const CatalogQuery = z.strictObject({
  unit_kind: z
    .enum(unitKinds)
    .optional()
    .openapi({ param: { name: 'unit_kind', in: 'query' }, description: 'Only packs assessing it' }),
  status: z
    .enum(['published', 'draft', 'all'])
    .default('all')
    .openapi({ param: { name: 'status', in: 'query' }, description: 'Drafts: people only' }),
});

export const listPacksRoute = createRoute({
  method: 'get',
  path: '/v1/packs',
  tags: ['packs'],
  summary: '标准包目录 The pack catalog: built-in and the tenant’s own packs, with versions',
  description:
    'Every pack the caller may see, grouped by key, each version with status, effective ' +
    'dates, totals, content hash, parent and pin. Anyone in the tenant; API clients see ' +
    'published versions only. Small enough to answer whole (no paging).',
  security: bearerSecurity,
  request: { query: CatalogQuery },
  responses: {
    200: { description: 'The catalog', content: json(CatalogSchema) },
    ...problemResponses('unauthorized'),
  },
});

export const getPackVersionRoute = createRoute({
  method: 'get',
  path: '/v1/packs/{key}/versions/{version}',
  tags: ['packs'],
  summary: '读取标准包版本 Read a pack version: inputs, items by category, parameters, chain',
  security: bearerSecurity,
  request: { params: VersionParams },
  responses: {
    200: versionResponse('The version'),
    ...problemResponses('unauthorized', 'not_found'),
  },
});

const DiffQuery = z.strictObject({
  to: z
    .string()
    .min(1)
    .max(200)
    .openapi({
      param: { name: 'to', in: 'query' },
      description: 'The version to compare with: "key@version", or a version of the same key',
      example: 'gz.full-employment@2024.1-conghua.1',
    }),
});

export const diffPackVersionsRoute = createRoute({
  method: 'get',
  path: '/v1/packs/{key}/versions/{version}/diff',
  tags: ['packs'],
  summary: '版本对比 What changes from this version to another (diffPacks, zh and en)',
  security: bearerSecurity,
  request: { params: VersionParams, query: DiffQuery },
  responses: {
    200: { description: 'The differences', content: json(PackDiffSchema) },
    ...problemResponses('unauthorized', 'not_found'),
  },
});

export const lintPackVersionRoute = createRoute({
  method: 'get',
  path: '/v1/packs/{key}/versions/{version}/lint',
  tags: ['packs'],
  summary: '检查已存版本 Lint a stored version against the version it derives from',
  security: bearerSecurity,
  middleware: [computeLimit('lint')] as const,
  request: { params: VersionParams },
  responses: {
    200: { description: 'Errors and warnings', content: json(LintResultSchema) },
    ...problemResponses('unauthorized', 'not_found', 'rate_limited'),
  },
});

const LintBody = z
  .strictObject({
    pack: z.record(z.string(), z.unknown()).openapi({
      description:
        'A pack as authored (docs/packs.md#a-pack-by-example). Anything wrong with it is a ' +
        'finding in the answer, not a 400: checking it is the point.',
    }),
    parent: z
      .strictObject({
        key: z.string().min(1).max(100).openapi({ example: 'gz.full-employment' }),
        version: z.string().min(1).max(80).openapi({ example: '2024.1' }),
      })
      .optional()
      .openapi({ description: 'A published version it derives from: its marks are enforced' }),
  })
  .openapi('LintPackRequest');

export const lintPackBodyRoute = createRoute({
  method: 'post',
  path: '/v1/packs/lint',
  tags: ['packs'],
  summary: '检查标准包 Lint a pack body (schema, then every check); stores nothing',
  description: 'Bodies up to 512 KB. Open to the tenant’s people and scores:read clients.',
  security: bearerSecurity,
  middleware: [computeLimit('lint')] as const,
  request: { body: { required: true, content: json(LintBody) } },
  responses: {
    200: { description: 'Errors (with paths) and warnings', content: json(LintResultSchema) },
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'not_found',
      'payload_too_large',
      'unsupported_media_type',
      'rate_limited',
    ),
  },
});

const AssessmentBody = z
  .strictObject({
    points: z.number(),
    reason: z.string().min(1).max(2000),
    by: z.string().max(200).optional(),
    at: z.string().max(40).optional(),
    stage: z.string().max(40).optional(),
  })
  .openapi('AssessmentInput');

const ScoreBody = z
  .strictObject({
    unitKind: z.enum(unitKinds).openapi({ description: 'The kind of unit scored' }),
    parameters: z
      .record(z.string().max(64), z.union([z.string().max(200), z.number(), z.boolean()]))
      .optional()
      .openapi({
        description: 'The cycle’s parameters; defaults apply',
        example: { passMark: 80 },
      }),
    inputs: z.record(z.string().max(64), z.unknown()).openapi({
      description:
        'The unit’s figures by input id (the version’s `inputs`). Checked with the pack’s own ' +
        'input schema in draft mode: absent inputs are missing, named in the scorecard; a ' +
        'wrong type or bound is a 400 naming body.inputs.<id>.',
      example: { difficultTotal: 25, difficultCancelledNonEmployment: 1, difficultEmployed: 21 },
    }),
    assessments: z.record(z.string().max(64), AssessmentBody).optional().openapi({
      description: 'Points for 酌情评分 items, by assessed rule key or item id',
    }),
    references: z.record(z.string().max(64), z.number()).optional().openapi({
      description: 'Values the cycle supplies (percent as 0..100), by reference id',
    }),
  })
  .openapi('ScorePreviewRequest');

export const scorePreviewRoute = createRoute({
  method: 'post',
  path: '/v1/packs/{key}/versions/{version}/score',
  tags: ['packs'],
  summary: '试算 Score one unit’s data under this version without storing anything',
  description:
    'The scorecard the scheduler would record for these figures: the same engine call. ' +
    'Open to the tenant’s people and scores:read clients; rate-limited per caller.',
  security: bearerSecurity,
  middleware: [computeLimit('score')] as const,
  request: { params: VersionParams, body: { required: true, content: json(ScoreBody) } },
  responses: {
    200: { description: 'The scorecard', content: json(ScorecardSchema) },
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'not_found',
      'payload_too_large',
      'unsupported_media_type',
      'rate_limited',
    ),
  },
});

const DeriveBody = z
  .strictObject({
    version: z
      .string()
      .max(60)
      .regex(/^\d+(\.\d+){0,2}-[0-9A-Za-z][0-9A-Za-z.-]{0,39}$/, {
        message: bi(
          '派生版本号应为来源版本号加连字符后缀，如 2024.1-conghua.1',
          'a tailored version is the parent’s numbers and a hyphenated suffix, e.g. 2024.1-conghua.1',
        ),
      })
      .optional()
      .openapi({
        description: 'Default: the next free <parent’s numbers>-<tenant slug>.<n>',
        example: '2024.1-conghua.1',
      }),
    overrides: OverridesSchema.optional(),
  })
  .openapi('DerivePackRequest');

export const derivePackRoute = createRoute({
  method: 'post',
  path: '/v1/packs/{key}/versions/{version}/derive',
  tags: ['packs'],
  summary: '派生定制版本 Derive a tailored draft from this published version (admin)',
  description:
    'The draft keeps the parent’s key and gets its own version (2024.1-conghua.1); the ' +
    'overrides are applied and validated at once (400 naming each bad one).',
  security: bearerSecurity,
  middleware: [idempotency()] as const,
  request: {
    params: VersionParams,
    headers: IdempotencyHeaders,
    body: { required: true, content: json(DeriveBody) },
  },
  responses: {
    201: versionResponse('The draft'),
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
      'unprocessable',
    ),
  },
});

const ImportBody = z
  .strictObject({
    pack: z.record(z.string(), z.unknown()).openapi({
      description:
        'A whole pack as authored and checked with `pnpm kaoping-pack lint` ' +
        '(docs/packs.md#your-own-pack). Its key must be outside the built-in namespaces ' +
        '(gz., yc., province., stats.); no `derivedFrom` (tailoring is derived).',
      example: { key: 'conghua.village-rubric', version: '2025.1' },
    }),
  })
  .openapi('ImportPackRequest');

export const importPackRoute = createRoute({
  method: 'post',
  path: '/v1/packs',
  tags: ['packs'],
  summary: '导入标准包 Import a pack the tenant wrote, as a draft to lint and publish (admin)',
  description:
    'Bodies up to 512 KB. Schema and integrity problems are a 400 naming body.pack.<path>; ' +
    'lint findings do not stop the import (GET …/lint lists them) but do stop publishing.',
  security: bearerSecurity,
  middleware: [idempotency()] as const,
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: json(ImportBody) },
  },
  responses: {
    201: versionResponse('The imported draft'),
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
      'unprocessable',
    ),
  },
});

const UpdateDraftBody = z
  .strictObject({ overrides: OverridesSchema })
  .openapi('UpdatePackDraftRequest');

export const updatePackDraftRoute = createRoute({
  method: 'patch',
  path: '/v1/packs/{key}/versions/{version}',
  tags: ['packs'],
  summary: '修改草稿 Replace a tailored draft’s overrides (admin, If-Match)',
  description:
    'Published and built-in versions never change: 409. An imported draft is changed by ' +
    'discarding it and importing again: 409.',
  security: bearerSecurity,
  request: {
    params: VersionParams,
    headers: IfMatchHeaders,
    body: { required: true, content: json(UpdateDraftBody) },
  },
  responses: {
    200: versionResponse('The draft, re-derived'),
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'precondition_failed',
      'precondition_required',
      'payload_too_large',
      'unsupported_media_type',
    ),
  },
});

export const publishPackDraftRoute = createRoute({
  method: 'post',
  path: '/v1/packs/{key}/versions/{version}/publish',
  tags: ['packs'],
  summary: '发布 Publish a tailored draft if it lints clean (admin, If-Match)',
  description:
    'Re-derived from its parent, linted with the parent’s mandatory and tighten-only marks ' +
    'enforced; refused with every lint error in `errors` (422). Published versions never ' +
    'change again.',
  security: bearerSecurity,
  request: { params: VersionParams, headers: IfMatchHeaders },
  responses: {
    200: versionResponse('Published'),
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'precondition_failed',
      'precondition_required',
    ),
    422: {
      description: 'The draft has lint errors; `errors` lists each with its path',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

export const deletePackDraftRoute = createRoute({
  method: 'delete',
  path: '/v1/packs/{key}/versions/{version}',
  tags: ['packs'],
  summary: '删除草稿 Discard a tailored draft (admin, If-Match); published versions stay',
  security: bearerSecurity,
  request: { params: VersionParams, headers: IfMatchHeaders },
  responses: {
    204: { description: 'Discarded' },
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'precondition_failed',
      'precondition_required',
    ),
  },
});
