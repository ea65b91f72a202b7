import { publicContext, serviceContext } from '../../lib/context.ts';
import type { Handler } from '../../lib/types.ts';
import { acceptInvitation } from '../../services/invitations/accept.ts';
import { createInvitation } from '../../services/invitations/create.ts';
import { listInvitations } from '../../services/invitations/list.ts';
import { revokeInvitation } from '../../services/invitations/revoke.ts';
import type {
  acceptInvitationRoute,
  createInvitationRoute,
  listInvitationsRoute,
  revokeInvitationRoute,
} from './invitations.routes.ts';

export const createInvitationHandler: Handler<typeof createInvitationRoute> = async (c) => {
  const invitation = await createInvitation({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(invitation, 201, { 'Cache-Control': 'no-store' });
};

export const listInvitationsHandler: Handler<typeof listInvitationsRoute> = async (c) => {
  return c.json(
    await listInvitations({ ctx: serviceContext(c), input: c.req.valid('query') }),
    200,
  );
};

export const revokeInvitationHandler: Handler<typeof revokeInvitationRoute> = async (c) => {
  await revokeInvitation({ ctx: serviceContext(c), input: c.req.valid('param') });
  return c.body(null, 204);
};

export const acceptInvitationHandler: Handler<typeof acceptInvitationRoute> = async (c) => {
  return c.json(await acceptInvitation({ ctx: publicContext(c), input: c.req.valid('json') }), 201);
};
