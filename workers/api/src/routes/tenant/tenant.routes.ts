import { createRoute, z } from '@hono/zod-openapi';
import { bi } from '../../lib/bilingual-zod.ts';
import { bearerSecurity, etagHeader, IfMatchHeaders, problemResponses } from '../../lib/openapi.ts';
import { EXPORT_FORMAT, MAX_PAGE_ROWS } from '../../services/tenant-data/export-page.ts';
import { DATA_TABLES, TABLE_NAMES } from '../../services/tenant-data/tables.ts';
import { MAX_CORS_ORIGINS } from '../../services/tenants/cors-origins.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const CorsOriginsSchema = z
  .object({
    origins: z.array(z.string()).openapi({ example: ['https://data.conghua.gov.cn'] }),
  })
  .openapi('CorsOrigins');

const CorsOriginsBody = z
  .strictObject({
    origins: z
      .array(z.string().max(200))
      .max(MAX_CORS_ORIGINS)
      .openapi({
        description:
          'Origins (https://host[:port], no path; http only for localhost) whose pages may call ' +
          'the API with this tenant’s tokens. [] turns cross-origin access off.',
        example: ['https://data.conghua.gov.cn'],
      }),
  })
  .openapi('SetCorsOrigins');

export const getCorsOriginsRoute = createRoute({
  method: 'get',
  path: '/v1/tenant/cors-origins',
  tags: ['tenant'],
  summary: '跨域来源 The origins allowed to call the API from a browser (CORS; admin)',
  security: bearerSecurity,
  responses: {
    200: { description: 'The allow-list', headers: etagHeader, content: json(CorsOriginsSchema) },
    ...problemResponses('unauthorized', 'forbidden'),
  },
});

export const setCorsOriginsRoute = createRoute({
  method: 'put',
  path: '/v1/tenant/cors-origins',
  tags: ['tenant'],
  summary: '设置跨域来源 Replace the CORS allow-list (admin, If-Match)',
  security: bearerSecurity,
  request: {
    headers: IfMatchHeaders,
    body: { required: true, content: json(CorsOriginsBody) },
  },
  responses: {
    200: { description: 'Replaced', headers: etagHeader, content: json(CorsOriginsSchema) },
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'precondition_failed',
      'precondition_required',
      'payload_too_large',
      'unsupported_media_type',
    ),
  },
});

/** Rows per page: at most MAX_PAGE_ROWS (fewer makes more, smaller pages). */
const exportLimit = z
  .string()
  .regex(/^\d{1,12}$/, { message: bi('应为正整数', 'must be a positive integer') })
  .optional()
  .transform((s) => (s === undefined ? MAX_PAGE_ROWS : Number(s)))
  .pipe(
    z
      .number()
      .int()
      .min(1, { message: bi('至少为 1', 'must be at least 1') }),
  )
  .transform((n) => Math.min(n, MAX_PAGE_ROWS))
  .openapi({ param: { name: 'limit', in: 'query' }, type: 'integer', example: MAX_PAGE_ROWS });

const Section = z.object({
  table: z.enum(TABLE_NAMES),
  rows: z.array(z.record(z.string(), z.unknown())),
});

export const ExportPageSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    export_id: z.string(),
    page: z.number().int(),
    kind: z.enum(['manifest', 'rows', 'end']),
    manifest: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({
        description:
          'Page 0: export_id, exported_at, exported_by, build_version, source {tenant_id, ' +
          'slug, name, level, root_unit_id}, people [{id, email}], audit {head, rows}, ' +
          'tables [{name, role, columns_withheld, columns_redacted}], withheld_tables',
      }),
    sections: z.array(Section).optional(),
    end: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: 'Last page: pages, counts {table: rows}, consistent' }),
    next_cursor: z.string().nullable(),
  })
  .openapi('ExportPage');

export const exportRoute = createRoute({
  method: 'get',
  path: '/v1/tenant/export',
  tags: ['tenant'],
  summary: '导出租户数据 Export all of the tenant’s data as JSON, a page at a time (admin)',
  description:
    'Without a cursor: page 0, the manifest (and a tenant.export audit row). Follow ' +
    '`next_cursor` until it is null; keep every page in order. Tables, in order: ' +
    `${DATA_TABLES.map((t) => t.name).join(', ')}. Password hashes, client secret hashes and ` +
    'invitation token hashes are never exported; a cycle’s public link token is redacted; ' +
    'refresh tokens and idempotency replies are withheld. Evidence files are not included ' +
    '(their rows, with SHA-256, are). See docs/operations.md, “Export and restore”.',
  security: bearerSecurity,
  request: {
    query: z.strictObject({
      cursor: z
        .string()
        .max(4096)
        .optional()
        .openapi({ param: { name: 'cursor', in: 'query' } }),
      limit: exportLimit,
    }),
  },
  responses: {
    200: { description: 'One page of the export', content: json(ExportPageSchema) },
    ...problemResponses('unauthorized', 'forbidden'),
  },
});

const ImportBody = z
  .strictObject({
    format: z.enum([EXPORT_FORMAT]),
    export_id: z.string().min(1).max(64),
    page: z.number().int().min(0).max(1_000_000),
    kind: z.enum(['manifest', 'rows', 'end']),
    manifest: z.record(z.string(), z.unknown()).optional(),
    sections: z
      .array(
        z.strictObject({
          table: z.enum(TABLE_NAMES),
          rows: z.array(z.record(z.string(), z.unknown())).max(MAX_PAGE_ROWS),
        }),
      )
      .max(DATA_TABLES.length)
      .optional(),
    end: z.record(z.string(), z.unknown()).optional(),
    next_cursor: z.string().max(4096).nullable().optional(),
  })
  .openapi('ImportPage', {
    description: 'One page of an export, exactly as GET /v1/tenant/export gave it',
  });

export const ImportResultSchema = z
  .object({
    export_id: z.string(),
    page: z.number().int(),
    status: z.enum(['begun', 'applied', 'already_applied', 'complete']),
    next_page: z.number().int().nullable(),
    restored: z.record(z.string(), z.number().int()),
    evidence: z.object({ copied: z.number().int(), missing: z.number().int() }),
    people_to_invite: z.number().int(),
    merged_people: z.number().int(),
  })
  .openapi('ImportResult');

export const importRoute = createRoute({
  method: 'post',
  path: '/v1/tenant/import',
  tags: ['tenant'],
  summary: '恢复租户数据 Restore an export into this (empty) tenant, one page per request (admin)',
  description:
    'Send the export’s pages in order, each as it came. Page 0 begins (the tenant must be ' +
    'freshly signed up and of the same level), the last page checks the counts and hands the ' +
    'tenant to the scheduler, which scores everything again. A page sent twice answers ' +
    '`already_applied`. Ids are renamed (docs/operations.md, “Export and restore”).',
  security: bearerSecurity,
  request: { body: { required: true, content: json(ImportBody) } },
  responses: {
    200: { description: 'The page was applied (or had been)', content: json(ImportResultSchema) },
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
    ),
  },
});
