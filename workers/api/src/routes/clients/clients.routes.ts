import { createRoute, z } from '@hono/zod-openapi';
import { SCOPES } from '../../auth/principal.ts';
import { nameField, pathId, timestampField } from '../../lib/fields.ts';
import { idempotency } from '../../lib/idempotency.ts';
import { bearerSecurity, IdempotencyHeaders, problemResponses } from '../../lib/openapi.ts';
import { pageQuery, pageSchema } from '../../lib/pagination.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const ClientSchema = z
  .object({
    id: z.string().openapi({ description: 'The client_id', example: 'cli_…' }),
    name: z.string(),
    scopes: z.array(z.enum(SCOPES)),
    secret_prefix: z.string().openapi({ example: 'kps_AbCdEf' }),
    status: z.enum(['active', 'revoked', 'expired']),
    expires_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
    last_used_at: z.string().nullable(),
    created_by: z.string(),
    created_at: z.string(),
  })
  .openapi('ApiClient');

const CreateClientBody = z
  .strictObject({
    name: nameField(100),
    scopes: z.array(z.enum(SCOPES)).min(1).max(10),
    expires_at: timestampField.optional(),
  })
  .openapi('CreateApiClient');

const ClientParams = z.object({
  clientId: pathId('clientId', 'cli_0a1b2c3d4e5f60718293a4b5c6d7e8f9'),
});

export const createClientRoute = createRoute({
  method: 'post',
  path: '/v1/clients',
  tags: ['api clients'],
  summary: '新建 API 客户端 Create an API client (admin); the secret is shown once',
  security: bearerSecurity,
  middleware: [idempotency()] as const,
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: json(CreateClientBody) },
  },
  responses: {
    201: {
      description: 'Created; keep client_secret now, it is not shown again',
      content: json(
        ClientSchema.extend({ client_secret: z.string().openapi({ example: 'kps_…' }) }).openapi(
          'CreatedApiClient',
        ),
      ),
    },
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'payload_too_large',
      'unsupported_media_type',
      'unprocessable',
      'conflict',
    ),
  },
});

export const listClientsRoute = createRoute({
  method: 'get',
  path: '/v1/clients',
  tags: ['api clients'],
  summary: 'API 客户端列表 List API clients, newest first (admin)',
  security: bearerSecurity,
  request: {
    query: z.strictObject({
      status: z.enum(['active', 'revoked', 'expired', 'all']).default('active'),
      ...pageQuery,
    }),
  },
  responses: {
    200: { description: 'A page of clients', content: json(pageSchema(ClientSchema)) },
    ...problemResponses('unauthorized', 'forbidden'),
  },
});

export const getClientRoute = createRoute({
  method: 'get',
  path: '/v1/clients/{clientId}',
  tags: ['api clients'],
  summary: '读取 API 客户端 Read an API client (admin)',
  security: bearerSecurity,
  request: { params: ClientParams },
  responses: {
    200: { description: 'The client', content: json(ClientSchema) },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

export const revokeClientRoute = createRoute({
  method: 'delete',
  path: '/v1/clients/{clientId}',
  tags: ['api clients'],
  summary: '吊销 Revoke an API client: its secret and tokens stop working at once (admin)',
  security: bearerSecurity,
  request: { params: ClientParams },
  responses: {
    204: { description: 'Revoked' },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});
