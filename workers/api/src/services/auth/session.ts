import { newId } from '@kaoping/db/ids';
import { refreshTokens } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { signAccessToken } from '../../auth/tokens.ts';
import type { AppEnv } from '../../env.ts';
import { randomSecret, sha256Hex } from '../../lib/crypto.ts';

export const REFRESH_TOKEN_PREFIX = 'kpr_';
/** A refresh token lives 30 days; each use replaces it with a new one (rotation). */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface SessionTokens {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
}

/**
 * A new access token and refresh token for a user. The refresh token's row
 * (hash only) is returned as a statement for the caller's batch, so the
 * session starts only if the rest of the write commits.
 */
export async function newSession(
  env: AppEnv,
  tdb: TenantDb,
  userId: string,
  familyId: string,
  now: Date,
) {
  const refresh = randomSecret(REFRESH_TOKEN_PREFIX);
  const id = newId('refreshToken');
  const insert = tdb.insert(refreshTokens, {
    id,
    userId,
    familyId,
    tokenHash: await sha256Hex(refresh),
    expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000).toISOString(),
    revokedAt: null,
    replacedBy: null,
    createdAt: now.toISOString(),
  });
  const access = await signAccessToken(env, { kind: 'user', tenantId: tdb.tenantId, userId }, now);
  const tokens: SessionTokens = {
    access_token: access.token,
    token_type: 'Bearer',
    expires_in: access.expiresIn,
    refresh_token: refresh,
    refresh_expires_in: REFRESH_TOKEN_TTL_SECONDS,
  };
  return { id, insert, tokens };
}
