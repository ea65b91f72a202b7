import { createRoute, z } from '@hono/zod-openapi';
import { pathId } from '../../lib/fields.ts';
import { idempotency } from '../../lib/idempotency.ts';
import { bearerSecurity, IdempotencyHeaders, problemResponses } from '../../lib/openapi.ts';
import { PinSchema } from './packs.schemas.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const ListPinsQuery = z.strictObject({
  key: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ param: { name: 'key', in: 'query' }, example: 'gz.full-employment' }),
});

export const listPinsRoute = createRoute({
  method: 'get',
  path: '/v1/pack-pins',
  tags: ['packs'],
  summary: '选用记录 The pack versions the tenant selected, and from when',
  security: bearerSecurity,
  request: { query: ListPinsQuery },
  responses: {
    200: {
      description: 'The pins',
      content: json(z.object({ items: z.array(PinSchema) }).openapi('PackPinList')),
    },
    ...problemResponses('unauthorized'),
  },
});

const CreatePinBody = z
  .strictObject({
    key: z.string().min(1).max(100).openapi({ example: 'gz.full-employment' }),
    version: z.string().min(1).max(80).openapi({ example: '2024.1-conghua.1' }),
    effective_from: z.iso.date().openapi({ example: '2023-10-01' }),
  })
  .openapi('CreatePackPin');

export const createPinRoute = createRoute({
  method: 'post',
  path: '/v1/pack-pins',
  tags: ['packs'],
  summary: '选用版本 Pin a published version for the tenant’s use from a date (admin)',
  description:
    'Once a tenant pins any version of a key, cycles may use only pinned versions of that ' +
    'key (from their effective date). Without pins every visible published version is usable.',
  security: bearerSecurity,
  middleware: [idempotency()] as const,
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: json(CreatePinBody) },
  },
  responses: {
    201: { description: 'Pinned', content: json(PinSchema) },
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

export const deletePinRoute = createRoute({
  method: 'delete',
  path: '/v1/pack-pins/{pinId}',
  tags: ['packs'],
  summary: '取消选用 Remove a pin (admin); running cycles keep their version',
  security: bearerSecurity,
  request: { params: z.object({ pinId: pathId('pinId', 'pin_0a1b2c3d4e5f60718293a4b5c6d7e8f9') }) },
  responses: {
    204: { description: 'Unpinned' },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});
