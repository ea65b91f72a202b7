import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../../lib/openapi.ts';
import { clientAddress, rateLimit } from '../../lib/rate-limit.ts';

/** RFC 6749 §3.2: a parameter sent without a value is treated as omitted. */
const param = (max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.string().max(max).optional());

/**
 * The one non-strict body of the API: RFC 6749 §3.2 says the token endpoint
 * MUST ignore unrecognised parameters, and OAuth client libraries send extras.
 */
export const TokenRequestBody = z
  .object({
    grant_type: z.string().max(64),
    client_id: param(80),
    client_secret: param(256),
    scope: param(256),
  })
  .openapi('TokenRequest');

export const TokenResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().openapi({ example: 600 }),
    scope: z.string().openapi({ example: 'scores:read' }),
  })
  .openapi('TokenResponse');

export const OAuthErrorSchema = z
  .object({
    error: z.enum(['invalid_request', 'invalid_client', 'unsupported_grant_type', 'invalid_scope']),
    error_description: z.string(),
  })
  .openapi('OAuthError');

export const tokenRoute = createRoute({
  method: 'post',
  path: '/v1/oauth/token',
  tags: ['auth'],
  summary: '客户端令牌 OAuth 2.0 client-credentials token (RFC 6749 §4.4)',
  description:
    'Client authentication by HTTP Basic (client_id:client_secret) or by client_id and ' +
    'client_secret in the body, never both. Form-encoded (as RFC 6749 specifies) or JSON. ' +
    'Errors of RFC 6749 §5.2 come in its own shape, {error, error_description}; 413, 415 ' +
    'and 429 come as problem+json like the rest of the API. Rate-limited per address and client.',
  security: [{ clientBasic: [] }, {}],
  middleware: [
    rateLimit('TOKEN_LIMITER', async (c) => {
      let id = '';
      const basic = c.req.header('authorization');
      if (basic?.toLowerCase().startsWith('basic ')) id = basic.slice(6, 200);
      return `token:${clientAddress(c)}:${id}`;
    }),
  ] as const,
  // Documented by reference, parsed by the handler: validation failures and
  // malformed bodies must answer invalid_request in OAuth's shape.
  request: {
    body: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: { $ref: '#/components/schemas/TokenRequest' },
        },
        'application/json': { schema: { $ref: '#/components/schemas/TokenRequest' } },
      },
    },
  },
  responses: {
    200: { description: 'Token', content: { 'application/json': { schema: TokenResponseSchema } } },
    400: {
      description: 'invalid_request, unsupported_grant_type or invalid_scope (RFC 6749 §5.2)',
      content: { 'application/json': { schema: OAuthErrorSchema } },
    },
    401: {
      description: 'invalid_client (RFC 6749 §5.2)',
      content: { 'application/json': { schema: OAuthErrorSchema } },
    },
    ...(() => {
      const { 400: _a, ...rest } = problemResponses(
        'rate_limited',
        'payload_too_large',
        'unsupported_media_type',
      );
      return rest;
    })(),
  },
});
