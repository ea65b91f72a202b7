import { createRouter } from '../../lib/create-app.ts';
import {
  createClientHandler,
  getClientHandler,
  listClientsHandler,
  revokeClientHandler,
} from './clients.handlers.ts';
import {
  createClientRoute,
  getClientRoute,
  listClientsRoute,
  revokeClientRoute,
} from './clients.routes.ts';

export const clientsRouter = createRouter()
  .openapi(createClientRoute, createClientHandler)
  .openapi(listClientsRoute, listClientsHandler)
  .openapi(getClientRoute, getClientHandler)
  .openapi(revokeClientRoute, revokeClientHandler);
