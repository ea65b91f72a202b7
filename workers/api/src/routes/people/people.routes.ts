import { createRoute, z } from '@hono/zod-openapi';
import { ROLES, SCOPES } from '../../auth/principal.ts';
import { pathId } from '../../lib/fields.ts';
import { bearerSecurity, etagHeader, IfMatchHeaders, problemResponses } from '../../lib/openapi.ts';
import { pageQuery, pageSchema } from '../../lib/pagination.ts';
import { GrantInputSchema } from '../../services/people/grants.ts';
import { TenantSchema } from '../signup/signup.routes.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const GrantSchema = z
  .object({
    role: z.enum(ROLES),
    org_unit_id: z.string().nullable(),
    stage: z.string().nullable(),
  })
  .openapi('Grant');

export const PersonSchema = z
  .object({
    id: z.string().openapi({ example: 'usr_9a0c…' }),
    email: z.string(),
    display_name: z.string(),
    status: z.enum(['active', 'removed']),
    grants: z.array(GrantSchema),
    created_at: z.string(),
    updated_at: z.string(),
    etag: z.string(),
  })
  .openapi('Person');

const PersonParams = z.object({ userId: pathId('userId', 'usr_9a0c3e1b2d4f5a6b7c8d9e0f1a2b3c4d') });

export const listPeopleRoute = createRoute({
  method: 'get',
  path: '/v1/people',
  tags: ['people'],
  summary: '人员列表 List the tenant’s people with their grants (admin)',
  security: bearerSecurity,
  request: {
    query: z.strictObject({
      status: z.enum(['active', 'removed', 'all']).default('active'),
      ...pageQuery,
    }),
  },
  responses: {
    200: { description: 'A page of people', content: json(pageSchema(PersonSchema)) },
    ...problemResponses('unauthorized', 'forbidden'),
  },
});

export const getPersonRoute = createRoute({
  method: 'get',
  path: '/v1/people/{userId}',
  tags: ['people'],
  summary: '读取人员 Read a person (admin)',
  security: bearerSecurity,
  request: { params: PersonParams },
  responses: {
    200: { description: 'The person', headers: etagHeader, content: json(PersonSchema) },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

const SetGrantsBody = z
  .strictObject({ grants: z.array(GrantInputSchema).min(1).max(20) })
  .openapi('SetGrants');

export const setGrantsRoute = createRoute({
  method: 'put',
  path: '/v1/people/{userId}/grants',
  tags: ['people'],
  summary: '调整角色 Replace a person’s grants (admin, If-Match)',
  description: 'The tenant must keep at least one active admin (409 otherwise).',
  security: bearerSecurity,
  request: {
    params: PersonParams,
    headers: IfMatchHeaders,
    body: { required: true, content: json(SetGrantsBody) },
  },
  responses: {
    200: { description: 'Updated', headers: etagHeader, content: json(PersonSchema) },
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

export const removePersonRoute = createRoute({
  method: 'delete',
  path: '/v1/people/{userId}',
  tags: ['people'],
  summary: '移除人员 Remove a person: no more access, sessions revoked (admin, If-Match)',
  security: bearerSecurity,
  request: { params: PersonParams, headers: IfMatchHeaders },
  responses: {
    204: { description: 'Removed' },
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

const MeSchema = z
  .object({
    kind: z.enum(['user', 'client']),
    tenant: TenantSchema,
    user: z
      .object({
        id: z.string(),
        email: z.string(),
        display_name: z.string(),
        grants: z.array(GrantSchema.extend({ org_path: z.string().nullable() })),
      })
      .nullable(),
    client: z
      .object({ id: z.string(), name: z.string(), scopes: z.array(z.enum(SCOPES)) })
      .nullable(),
  })
  .openapi('Me');

export const meRoute = createRoute({
  method: 'get',
  path: '/v1/me',
  tags: ['people'],
  summary: '当前身份 Who the token belongs to',
  security: bearerSecurity,
  responses: {
    200: { description: 'The caller', content: json(MeSchema) },
    ...problemResponses('unauthorized'),
  },
});
