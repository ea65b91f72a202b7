import { authed } from '../session/session.ts';
import { allPages } from './paging.ts';
import { newIdempotencyKey } from './transport.ts';
import type { ApiClient, ClientStatus, CreatedApiClient, Page, Scope } from './types.ts';

export const listClients = (status: ClientStatus | 'all') =>
  allPages((cursor) =>
    authed<Page<ApiClient>>('/v1/clients', { query: { status, cursor, limit: 200 } }),
  );

export interface NewApiClient {
  name: string;
  scopes: Scope[];
  expires_at?: string;
}

export const createClient = (input: NewApiClient) =>
  authed<CreatedApiClient>('/v1/clients', { json: input, idempotencyKey: newIdempotencyKey() });

export const revokeClient = (client: ApiClient) =>
  authed<void>(`/v1/clients/${encodeURIComponent(client.id)}`, { method: 'DELETE' });
