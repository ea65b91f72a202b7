import { createRouter } from '../../lib/create-app.ts';
import { signUpHandler } from './signup.handlers.ts';
import { signUpRoute } from './signup.routes.ts';

/** Public: registered before authentication. */
export const signUpRouter = createRouter().openapi(signUpRoute, signUpHandler);
