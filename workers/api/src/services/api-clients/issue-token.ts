import { findApiClientById, findTenantById } from '@kaoping/db/bootstrap';
import { apiClients } from '@kaoping/db/schema';
import { TenantDb } from '@kaoping/db/tenant-db';
import { eq } from 'drizzle-orm';
import { type PublicContext, SCOPES, type Scope } from '../../auth/principal.ts';
import { signAccessToken } from '../../auth/tokens.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { sha256Hex, timingSafeEqualText } from '../../lib/crypto.ts';
import { CLIENT_SECRET_PREFIX } from './create.ts';
import { clientStatus } from './present.ts';

/**
 * RFC 6749 §5.2 errors. The token endpoint answers these in OAuth's own
 * shape ({"error", "error_description"}), because OAuth client libraries
 * parse exactly that; everything else the endpoint can answer (413, 415,
 * 429, 5xx) is our problem+json, like the rest of the API.
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

export class OAuthError extends Error {
  readonly error: OAuthErrorCode;
  constructor(error: OAuthErrorCode, description: string) {
    super(description);
    this.name = 'OAuthError';
    this.error = error;
  }
  get status(): 400 | 401 {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

export interface TokenRequest {
  grant_type: string;
  client_id?: string | undefined;
  client_secret?: string | undefined;
  scope?: string | undefined;
  /** From HTTP Basic; null when the header was absent. */
  basic: { id: string; secret: string } | null;
}

const invalidClient = () => new OAuthError('invalid_client', 'Client authentication failed');

/**
 * Client-credentials grant: the client authenticates with HTTP Basic or
 * with client_id/client_secret in the body (never both, RFC 6749 §2.3), and
 * gets a 10-minute access token carrying the scopes it asked for (all of
 * its scopes when it asks for none). Unknown id, wrong secret, revoked or
 * expired client, suspended tenant: the same invalid_client.
 */
export async function issueClientToken({
  ctx,
  input,
}: {
  ctx: PublicContext;
  input: TokenRequest;
}): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number; scope: string }> {
  if (input.grant_type !== 'client_credentials') {
    throw new OAuthError(
      'unsupported_grant_type',
      'Only grant_type=client_credentials is supported',
    );
  }
  const inBody = input.client_id !== undefined || input.client_secret !== undefined;
  if (input.basic && inBody) {
    throw new OAuthError('invalid_request', 'Use HTTP Basic or body credentials, not both');
  }
  const id = input.basic?.id ?? input.client_id;
  const secret = input.basic?.secret ?? input.client_secret;
  if (!id || !secret) throw invalidClient();

  const presented = await sha256Hex(secret);
  const client = id.length <= 80 ? await findApiClientById(ctx.db, id) : undefined;
  if (
    !client ||
    !secret.startsWith(CLIENT_SECRET_PREFIX) ||
    !timingSafeEqualText(presented, client.secretHash) ||
    clientStatus(client, ctx.now) !== 'active'
  ) {
    throw invalidClient();
  }
  const tenant = await findTenantById(ctx.db, client.tenantId);
  if (tenant?.status !== 'active') throw invalidClient();

  let scopes = client.scopes as Scope[];
  if (input.scope !== undefined && input.scope.trim() !== '') {
    const asked = [...new Set(input.scope.trim().split(/ +/))];
    const unknown = asked.filter(
      (s) => !(SCOPES as readonly string[]).includes(s) || !scopes.includes(s as Scope),
    );
    if (unknown.length > 0) {
      throw new OAuthError(
        'invalid_scope',
        `Not granted to this client: ${unknown.join(' ').slice(0, 100)}`,
      );
    }
    scopes = asked as Scope[];
  }

  const tdb = new TenantDb(ctx.db, tenant.id);
  const token = await signAccessToken(
    ctx.env,
    { kind: 'client', tenantId: tenant.id, clientId: client.id, scopes },
    ctx.now,
  );
  await commitWithAudit(
    {
      principal: { kind: 'client', tenantId: tenant.id, clientId: client.id, scopes },
      tdb,
      requestId: ctx.requestId,
      now: ctx.now,
    },
    [tdb.update(apiClients, { lastUsedAt: ctx.now.toISOString() }, eq(apiClients.id, client.id))],
    [
      {
        action: 'api_client.token',
        entityType: 'api_client',
        entityId: client.id,
        after: { scope: scopes.join(' ') },
      },
    ],
  );
  return {
    access_token: token.token,
    token_type: 'Bearer',
    expires_in: token.expiresIn,
    scope: scopes.join(' '),
  };
}
