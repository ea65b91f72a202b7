import { createRouter } from '../../lib/create-app.ts';
import {
  listObjectionsHandler,
  publicPageHandler,
  raiseObjectionHandler,
  resolveObjectionHandler,
} from './objections.handlers.ts';
import {
  listObjectionsRoute,
  publicPageRoute,
  raiseObjectionRoute,
  resolveObjectionRoute,
} from './objections.routes.ts';

/** The public link (公示): mounted before authentication. */
export const publicObjectionsRouter = createRouter()
  .openapi(publicPageRoute, publicPageHandler)
  .openapi(raiseObjectionRoute, raiseObjectionHandler);

export const objectionsRouter = createRouter()
  .openapi(listObjectionsRoute, listObjectionsHandler)
  .openapi(resolveObjectionRoute, resolveObjectionHandler);
