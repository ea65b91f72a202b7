import { newId } from '@kaoping/db/ids';
import { apiClients } from '@kaoping/db/schema';
import { requireAdmin } from '../../auth/permissions.ts';
import type { Scope, ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { randomSecret, sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/problem.ts';
import { type ApiClientRow, type ClientJson, presentClient } from './present.ts';

/** Client secrets: "kps_" + 32 random bytes, base64url (256 bits). */
export const CLIENT_SECRET_PREFIX = 'kps_';
/** Characters of the secret kept in clear to recognise it ("kps_AbCd…"). */
export const SECRET_PREFIX_LENGTH = CLIENT_SECRET_PREFIX.length + 6;

export interface CreateClientInput {
  name: string;
  scopes: Scope[];
  expires_at?: string | undefined;
}

/**
 * Create an API client. The answer holds the secret once; the database
 * keeps its SHA-256 (the secret has 256 bits of entropy, so a fast hash is
 * enough) and its first characters for recognition.
 */
export async function createClient({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateClientInput;
}): Promise<ClientJson & { client_secret: string }> {
  requireAdmin(ctx.principal);
  if (input.expires_at !== undefined && Date.parse(input.expires_at) <= ctx.now.getTime()) {
    throw new AppError(
      'validation',
      { zh: '到期时间必须晚于现在', en: 'expires_at must be in the future' },
      {
        errors: [
          {
            path: 'body.expires_at',
            code: 'too_small',
            message: 'must be in the future',
            message_zh: '必须晚于现在',
          },
        ],
      },
    );
  }
  const secret = randomSecret(CLIENT_SECRET_PREFIX);
  const { tdb, principal } = ctx;
  const row: ApiClientRow = {
    id: newId('apiClient'),
    tenantId: tdb.tenantId,
    name: input.name,
    scopes: [...new Set(input.scopes)].sort(),
    secretHash: await sha256Hex(secret),
    secretPrefix: secret.slice(0, SECRET_PREFIX_LENGTH),
    expiresAt: input.expires_at ? new Date(input.expires_at).toISOString() : null,
    revokedAt: null,
    lastUsedAt: null,
    createdBy: principal.kind === 'user' ? principal.userId : principal.clientId,
    createdAt: ctx.now.toISOString(),
  };
  const { tenantId: _t, ...insert } = row;
  const shown = presentClient(row, ctx.now);
  await commitWithAudit(
    ctx,
    [tdb.insert(apiClients, insert)],
    [{ action: 'api_client.create', entityType: 'api_client', entityId: row.id, after: shown }],
  );
  return { ...shown, client_secret: secret };
}
