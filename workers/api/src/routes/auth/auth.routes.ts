import { createRoute, z } from '@hono/zod-openapi';
import { emailField, slugField } from '../../lib/fields.ts';
import { noSecurity, problemResponses } from '../../lib/openapi.ts';
import { bodyField, clientAddress, rateLimit } from '../../lib/rate-limit.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const SessionSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().openapi({ example: 900 }),
    refresh_token: z.string().openapi({ example: 'kpr_…' }),
    refresh_expires_in: z.number().int(),
  })
  .openapi('Session');

const SignInBody = z
  .strictObject({
    tenant: slugField.openapi({ description: 'The tenant’s slug' }),
    email: emailField,
    // Any password is checked, whatever its length: the policy applies when it is set.
    password: z.string().min(1).max(200),
  })
  .openapi('SignIn');

const SignInResult = SessionSchema.extend({
  user: z.object({ id: z.string(), email: z.string(), display_name: z.string() }),
  tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
}).openapi('SignInResult');

export const signInRoute = createRoute({
  method: 'post',
  path: '/v1/auth/signin',
  tags: ['auth'],
  summary: '登录 Sign in: access token (15 min) and rotating refresh token',
  description: 'Rate-limited per client address and tenant.',
  security: noSecurity,
  middleware: [
    rateLimit(
      'SIGNIN_LIMITER',
      async (c) => `signin:${clientAddress(c)}:${await bodyField(c, 'tenant')}`,
    ),
  ] as const,
  request: { body: { required: true, content: json(SignInBody) } },
  responses: {
    200: { description: 'Signed in', content: json(SignInResult) },
    ...problemResponses(
      'unauthorized',
      'rate_limited',
      'payload_too_large',
      'unsupported_media_type',
    ),
  },
});

const RefreshBody = z
  .strictObject({ refresh_token: z.string().min(1).max(256) })
  .openapi('RefreshToken');

export const refreshRoute = createRoute({
  method: 'post',
  path: '/v1/auth/refresh',
  tags: ['auth'],
  summary: '刷新 Rotate a refresh token for a new access token',
  description:
    'The refresh token is replaced by a new one. Presenting a replaced token again revokes ' +
    'its whole family (reuse detection).',
  security: noSecurity,
  middleware: [rateLimit('SIGNIN_LIMITER', (c) => `refresh:${clientAddress(c)}`)] as const,
  request: { body: { required: true, content: json(RefreshBody) } },
  responses: {
    200: { description: 'New tokens', content: json(SessionSchema) },
    ...problemResponses(
      'unauthorized',
      'rate_limited',
      'payload_too_large',
      'unsupported_media_type',
    ),
  },
});

export const signOutRoute = createRoute({
  method: 'post',
  path: '/v1/auth/signout',
  tags: ['auth'],
  summary: '退出 Sign out: revoke the refresh token’s family',
  description: 'Answers 204 whether or not the token was known (RFC 7009 §2.2).',
  security: noSecurity,
  request: { body: { required: true, content: json(RefreshBody) } },
  responses: {
    204: { description: 'Signed out' },
    ...problemResponses('payload_too_large', 'unsupported_media_type'),
  },
});

const JwksSchema = z
  .object({
    keys: z.array(
      z.object({
        kty: z.string(),
        crv: z.string(),
        x: z.string(),
        y: z.string(),
        kid: z.string(),
        alg: z.string(),
        use: z.string(),
      }),
    ),
  })
  .openapi('JWKS');

export const jwksRoute = createRoute({
  method: 'get',
  path: '/.well-known/jwks.json',
  tags: ['auth'],
  summary: '公钥 The public keys that verify access tokens (RFC 7517)',
  security: noSecurity,
  responses: {
    200: { description: 'Key set', content: json(JwksSchema) },
    ...problemResponses(),
  },
});
