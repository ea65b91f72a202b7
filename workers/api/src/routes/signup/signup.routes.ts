import { createRoute, z } from '@hono/zod-openapi';
import {
  areaCodeField,
  emailField,
  nameField,
  passwordField,
  slugField,
} from '../../lib/fields.ts';
import { noSecurity, problemResponses } from '../../lib/openapi.ts';
import { clientAddress, rateLimit } from '../../lib/rate-limit.ts';
import { OrgUnitSchema } from '../org-units/org-units.routes.ts';

const SignUpBody = z
  .strictObject({
    tenant: z.strictObject({
      name: nameField(100).openapi({ example: '广州市从化区人力资源和社会保障局' }),
      slug: slugField,
      level: z.enum(['province', 'city', 'district', 'town']),
      region_name: nameField(100).openapi({
        example: '从化区',
        description: 'The region governed: the name of the root org unit',
      }),
      area_code: areaCodeField.optional(),
    }),
    admin: z.strictObject({
      email: emailField,
      display_name: nameField(100),
      password: passwordField,
    }),
  })
  .openapi('SignUp');

export const TenantSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    level: z.enum(['province', 'city', 'district', 'town']),
    area_code: z.string().nullable(),
    status: z.enum(['active', 'suspended']),
    created_at: z.string(),
  })
  .openapi('Tenant');

const SignUpResult = z
  .object({
    tenant: TenantSchema,
    admin: z.object({ id: z.string(), email: z.string(), display_name: z.string() }),
    root_unit: OrgUnitSchema,
  })
  .openapi('SignUpResult');

export const signUpRoute = createRoute({
  method: 'post',
  path: '/v1/signup',
  tags: ['tenants'],
  summary: '租户注册 Sign up a tenant with its root org unit and first admin',
  description: 'Rate-limited per client address (429 with Retry-After).',
  security: noSecurity,
  middleware: [rateLimit('SIGNUP_LIMITER', (c) => clientAddress(c))] as const,
  request: { body: { required: true, content: { 'application/json': { schema: SignUpBody } } } },
  responses: {
    201: { description: 'Signed up', content: { 'application/json': { schema: SignUpResult } } },
    ...problemResponses('conflict', 'rate_limited', 'payload_too_large', 'unsupported_media_type'),
  },
});
