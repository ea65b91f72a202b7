import { createRouter } from '../../lib/create-app.ts';
import {
  acceptInvitationHandler,
  createInvitationHandler,
  listInvitationsHandler,
  revokeInvitationHandler,
} from './invitations.handlers.ts';
import {
  acceptInvitationRoute,
  createInvitationRoute,
  listInvitationsRoute,
  revokeInvitationRoute,
} from './invitations.routes.ts';

/** Public: registered before authentication. */
export const acceptInvitationRouter = createRouter().openapi(
  acceptInvitationRoute,
  acceptInvitationHandler,
);

export const invitationsRouter = createRouter()
  .openapi(createInvitationRoute, createInvitationHandler)
  .openapi(listInvitationsRoute, listInvitationsHandler)
  .openapi(revokeInvitationRoute, revokeInvitationHandler);
