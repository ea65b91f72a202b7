import { createRoute, z } from '@hono/zod-openapi';
import { ORG_UNIT_KINDS } from '@kaoping/db/schema';
import { bi } from '../../lib/bilingual-zod.ts';
import { nameField, pathId, unitCodeField } from '../../lib/fields.ts';
import { idempotency } from '../../lib/idempotency.ts';
import {
  bearerSecurity,
  etagHeader,
  IdempotencyHeaders,
  IfMatchHeaders,
  problemResponses,
} from '../../lib/openapi.ts';
import { pageQuery, pageSchema } from '../../lib/pagination.ts';

export const OrgUnitSchema = z
  .object({
    id: z.string().openapi({ example: 'org_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f' }),
    parent_id: z.string().nullable(),
    kind: z.enum(ORG_UNIT_KINDS),
    name: z.string().openapi({ example: '良口镇' }),
    name_en: z.string().nullable(),
    code: z.string().nullable().openapi({ example: '440117105000' }),
    path: z.string().openapi({ description: 'Ids from the root to this unit, "/"-separated' }),
    depth: z.number().int(),
    status: z.enum(['active', 'archived']),
    created_at: z.string(),
    updated_at: z.string(),
    etag: z.string().openapi({ example: '"1"' }),
  })
  .openapi('OrgUnit');

const UnitParams = z.object({ unitId: pathId('unitId', 'org_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f') });
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const unitResponse = (description: string) => ({
  description,
  headers: etagHeader,
  content: json(OrgUnitSchema),
});

const CreateOrgUnitBody = z
  .strictObject({
    parent_id: z.string().min(1).max(80),
    kind: z.enum(ORG_UNIT_KINDS),
    name: nameField(100),
    name_en: nameField(200).nullable().optional(),
    code: unitCodeField.nullable().optional(),
  })
  .openapi('CreateOrgUnit');

export const createOrgUnitRoute = createRoute({
  method: 'post',
  path: '/v1/org-units',
  tags: ['org units'],
  summary: '新建组织单元 Create an org unit under a parent (admin)',
  security: bearerSecurity,
  middleware: [idempotency()] as const,
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: json(CreateOrgUnitBody) },
  },
  responses: {
    201: unitResponse('Created'),
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

const ListOrgUnitsQuery = z.strictObject({
  root: z
    .string()
    .min(1)
    .max(80)
    .optional()
    .openapi({
      param: { name: 'root', in: 'query' },
      description: 'Only this unit’s subtree',
      example: 'org_7a0c4e1f9b2d4c8e8a6b1d3f5e7c9a0b',
    }),
  kind: z.enum(ORG_UNIT_KINDS).optional(),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  ...pageQuery,
});

export const listOrgUnitsRoute = createRoute({
  method: 'get',
  path: '/v1/org-units',
  tags: ['org units'],
  summary: '组织树 List org units in tree order (what the caller may read)',
  security: bearerSecurity,
  request: { query: ListOrgUnitsQuery },
  responses: {
    200: { description: 'A page of units', content: json(pageSchema(OrgUnitSchema)) },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

export const getOrgUnitRoute = createRoute({
  method: 'get',
  path: '/v1/org-units/{unitId}',
  tags: ['org units'],
  summary: '读取组织单元 Read an org unit',
  security: bearerSecurity,
  request: { params: UnitParams },
  responses: {
    200: unitResponse('The unit'),
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

const UpdateOrgUnitBody = z
  .strictObject({
    name: nameField(100).optional(),
    name_en: nameField(200).nullable().optional(),
    code: unitCodeField.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, {
    message: bi('至少修改一个字段', 'change at least one field'),
  })
  .openapi('UpdateOrgUnit');

export const updateOrgUnitRoute = createRoute({
  method: 'patch',
  path: '/v1/org-units/{unitId}',
  tags: ['org units'],
  summary: '改名或改代码 Rename, or set the code of, an org unit (admin, If-Match)',
  security: bearerSecurity,
  request: {
    params: UnitParams,
    headers: IfMatchHeaders,
    body: { required: true, content: json(UpdateOrgUnitBody) },
  },
  responses: {
    200: unitResponse('Updated'),
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

const MoveOrgUnitBody = z
  .strictObject({ parent_id: z.string().min(1).max(80) })
  .openapi('MoveOrgUnit');

export const moveOrgUnitRoute = createRoute({
  method: 'post',
  path: '/v1/org-units/{unitId}/move',
  tags: ['org units'],
  summary: '移动 Move an org unit and its subtree under another parent (admin, If-Match)',
  security: bearerSecurity,
  request: {
    params: UnitParams,
    headers: IfMatchHeaders,
    body: { required: true, content: json(MoveOrgUnitBody) },
  },
  responses: {
    200: unitResponse('Moved'),
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

export const archiveOrgUnitRoute = createRoute({
  method: 'post',
  path: '/v1/org-units/{unitId}/archive',
  tags: ['org units'],
  summary: '归档 Archive an org unit without active children (admin, If-Match)',
  security: bearerSecurity,
  request: { params: UnitParams, headers: IfMatchHeaders },
  responses: {
    200: unitResponse('Archived'),
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

export const ImportResultSchema = z
  .object({
    created: z.number().int().openapi({ example: 24 }),
    unchanged: z.number().int().openapi({ example: 0 }),
  })
  .openapi('OrgUnitImportResult');

export const importOrgUnitsRoute = createRoute({
  method: 'post',
  path: '/v1/org-units/import',
  tags: ['org units'],
  summary: '批量导入 Import org units from CSV, all or nothing (admin)',
  description:
    'UTF-8 CSV (BOM optional) with a header row: name, kind, parent, and optionally code, ' +
    'name_en (or 名称, 类型, 上级, 统计用区划代码, 英文名称). `parent` is the parent’s 12-digit ' +
    'code or its name path from the root unit ("从化区/良口镇"). Every bad row is reported in ' +
    '`errors` with path "line N", and then nothing is written. See docs/org-units-import.md.',
  security: bearerSecurity,
  middleware: [idempotency()] as const,
  request: {
    headers: IdempotencyHeaders,
    body: {
      required: true,
      content: {
        'text/csv': {
          schema: z.string().openapi({ example: '名称,类型,上级\n良口镇,镇,从化区\n' }),
        },
      },
    },
  },
  responses: {
    200: { description: 'Imported (or already there)', content: json(ImportResultSchema) },
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
