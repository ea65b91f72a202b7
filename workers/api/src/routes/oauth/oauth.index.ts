import { createRouter } from '../../lib/create-app.ts';
import { tokenHandler } from './oauth.handlers.ts';
import { TokenRequestBody, tokenRoute } from './oauth.routes.ts';

/** Public: registered before authentication. */
const router = createRouter();
router.openAPIRegistry.register('TokenRequest', TokenRequestBody);
export const oauthRouter = router.openapi(tokenRoute, tokenHandler);
