import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../auth/principal.ts';
import { emailField, nameField, passwordField, pathId } from '../../lib/fields.ts';
import { idempotency } from '../../lib/idempotency.ts';
import {
  bearerSecurity,
  IdempotencyHeaders,
  noSecurity,
  problemResponses,
} from '../../lib/openapi.ts';
import { pageQuery, pageSchema } from '../../lib/pagination.ts';
import { clientAddress, rateLimit } from '../../lib/rate-limit.ts';
import { GrantInputSchema } from '../../services/people/grants.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    org_unit_id: z.string().nullable(),
    stage: z.string().nullable(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    expires_at: z.string(),
    created_by: z.string(),
    created_at: z.string(),
  })
  .openapi('Invitation');

const CreateInvitationBody = GrantInputSchema.safeExtend({
  email: emailField,
  expires_in_days: z.number().int().min(1).max(30).optional(),
}).openapi('CreateInvitation');

export const createInvitationRoute = createRoute({
  method: 'post',
  path: '/v1/invitations',
  tags: ['people'],
  summary: '邀请 Invite a person with one grant (admin); the token is shown once',
  description:
    'No mail is sent: hand the token over (it is shown only in this answer). The invitee ' +
    'accepts with POST /v1/invitations/accept.',
  security: bearerSecurity,
  middleware: [idempotency()] as const,
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: json(CreateInvitationBody) },
  },
  responses: {
    201: {
      description: 'Invited',
      content: json(
        InvitationSchema.extend({ token: z.string().openapi({ example: 'kpi_…' }) }).openapi(
          'CreatedInvitation',
        ),
      ),
    },
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

export const listInvitationsRoute = createRoute({
  method: 'get',
  path: '/v1/invitations',
  tags: ['people'],
  summary: '邀请列表 List invitations, newest first (admin)',
  security: bearerSecurity,
  request: {
    query: z.strictObject({
      status: z.enum(['pending', 'accepted', 'revoked', 'expired', 'all']).default('pending'),
      ...pageQuery,
    }),
  },
  responses: {
    200: { description: 'A page of invitations', content: json(pageSchema(InvitationSchema)) },
    ...problemResponses('unauthorized', 'forbidden'),
  },
});

export const revokeInvitationRoute = createRoute({
  method: 'delete',
  path: '/v1/invitations/{invitationId}',
  tags: ['people'],
  summary: '撤销邀请 Revoke an invitation (admin)',
  security: bearerSecurity,
  request: {
    params: z.object({
      invitationId: pathId('invitationId', 'inv_1f2e3d4c5b6a79880716253443526170'),
    }),
  },
  responses: {
    204: { description: 'Revoked' },
    ...problemResponses('unauthorized', 'forbidden', 'not_found', 'conflict'),
  },
});

const AcceptBody = z
  .strictObject({
    token: z.string().min(1).max(256),
    display_name: nameField(100),
    password: passwordField,
  })
  .openapi('AcceptInvitation');

export const acceptInvitationRoute = createRoute({
  method: 'post',
  path: '/v1/invitations/accept',
  tags: ['people'],
  summary: '接受邀请 Accept an invitation: become a person of the tenant',
  description: 'Rate-limited per client address.',
  security: noSecurity,
  middleware: [rateLimit('SIGNIN_LIMITER', (c) => `accept:${clientAddress(c)}`)] as const,
  request: { body: { required: true, content: json(AcceptBody) } },
  responses: {
    201: {
      description: 'Joined; sign in next',
      content: json(
        z
          .object({
            user: z.object({ id: z.string(), email: z.string(), display_name: z.string() }),
            tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
          })
          .openapi('AcceptedInvitation'),
      ),
    },
    ...problemResponses(
      'not_found',
      'conflict',
      'rate_limited',
      'payload_too_large',
      'unsupported_media_type',
    ),
  },
});
