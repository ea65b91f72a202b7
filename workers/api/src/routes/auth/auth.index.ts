import { createRouter } from '../../lib/create-app.ts';
import { jwksHandler, refreshHandler, signInHandler, signOutHandler } from './auth.handlers.ts';
import { jwksRoute, refreshRoute, signInRoute, signOutRoute } from './auth.routes.ts';

/** Public: registered before authentication. */
export const authRouter = createRouter()
  .openapi(signInRoute, signInHandler)
  .openapi(refreshRoute, refreshHandler)
  .openapi(signOutRoute, signOutHandler)
  .openapi(jwksRoute, jwksHandler);
