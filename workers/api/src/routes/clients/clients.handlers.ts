import { serviceContext } from '../../lib/context.ts';
import type { Handler } from '../../lib/types.ts';
import { createClient } from '../../services/api-clients/create.ts';
import { listClients } from '../../services/api-clients/list.ts';
import { readClient } from '../../services/api-clients/read.ts';
import { revokeClient } from '../../services/api-clients/revoke.ts';
import type {
  createClientRoute,
  getClientRoute,
  listClientsRoute,
  revokeClientRoute,
} from './clients.routes.ts';

export const createClientHandler: Handler<typeof createClientRoute> = async (c) => {
  const client = await createClient({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(client, 201, {
    'Cache-Control': 'no-store',
    Location: `/v1/clients/${client.id}`,
  });
};

export const listClientsHandler: Handler<typeof listClientsRoute> = async (c) => {
  return c.json(await listClients({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
};

export const getClientHandler: Handler<typeof getClientRoute> = async (c) => {
  return c.json(await readClient({ ctx: serviceContext(c), input: c.req.valid('param') }), 200);
};

export const revokeClientHandler: Handler<typeof revokeClientRoute> = async (c) => {
  await revokeClient({ ctx: serviceContext(c), input: c.req.valid('param') });
  return c.body(null, 204);
};
