import { errors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../lib/problem.ts';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  CLIENT_TOKEN_TTL_SECONDS,
  CLOCK_TOLERANCE_SECONDS,
  loadKeySet,
  SIGNING_ALGORITHM,
  usableKey,
} from './keys.ts';
import type { Scope } from './principal.ts';

/** RFC 9068 access-token media type, checked on every verification. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** Anything longer is refused before it is parsed. Our tokens are ~600 bytes. */
export const MAX_TOKEN_LENGTH = 4096;

export interface TokenEnv {
  JWT_SIGNING_KEYS: string;
  PUBLIC_ORIGIN: string;
}

export type TokenSubject =
  | { kind: 'user'; tenantId: string; userId: string }
  | { kind: 'client'; tenantId: string; clientId: string; scopes: Scope[] };

export interface VerifiedToken {
  kind: 'user' | 'client';
  tenantId: string;
  subject: string;
  scopes: string[];
  jti: string;
}

function randomJti(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sign an access token: ES256, `kid` and `typ: at+jwt` in the header;
 * iss = aud = PUBLIC_ORIGIN; sub, tid, iat, nbf, exp, jti; a client's token
 * also carries client_id and scope (RFC 9068).
 */
export async function signAccessToken(
  env: TokenEnv,
  subject: TokenSubject,
  now: Date,
): Promise<{ token: string; expiresIn: number }> {
  const keys = await loadKeySet(env.JWT_SIGNING_KEYS);
  const iat = Math.floor(now.getTime() / 1000);
  const ttl = subject.kind === 'user' ? ACCESS_TOKEN_TTL_SECONDS : CLIENT_TOKEN_TTL_SECONDS;
  const claims: Record<string, unknown> = { tid: subject.tenantId };
  if (subject.kind === 'client') {
    claims.client_id = subject.clientId;
    claims.scope = subject.scopes.join(' ');
  }
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.signing.kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(env.PUBLIC_ORIGIN)
    .setAudience(env.PUBLIC_ORIGIN)
    .setSubject(subject.kind === 'user' ? subject.userId : subject.clientId)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + ttl)
    .setJti(randomJti())
    .sign(keys.signing.key);
  return { token, expiresIn: ttl };
}

export function invalidToken(): AppError {
  return new AppError(
    'unauthorized',
    { zh: '访问令牌无效或已过期', en: 'The access token is invalid or has expired' },
    { headers: { 'WWW-Authenticate': 'Bearer realm="kaoping", error="invalid_token"' } },
  );
}

/**
 * Verify an access token. Everything is explicit: the algorithm allow-list,
 * issuer, audience, `typ`, the claims that must be present, the maximum age
 * and a 60 s clock tolerance; the key is chosen by `kid` among keys still
 * valid. Any failure is the same 401, so the answer tells an attacker nothing.
 */
export async function verifyAccessToken(
  env: TokenEnv,
  token: string,
  now: Date,
): Promise<VerifiedToken> {
  if (
    token.length > MAX_TOKEN_LENGTH ||
    !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)
  ) {
    throw invalidToken();
  }
  const keys = await loadKeySet(env.JWT_SIGNING_KEYS);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = usableKey(keys, header.kid, nowSeconds);
        if (!key) throw new errors.JWKSNoMatchingKey();
        return key.key;
      },
      {
        algorithms: [SIGNING_ALGORITHM],
        issuer: env.PUBLIC_ORIGIN,
        audience: env.PUBLIC_ORIGIN,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ['iss', 'aud', 'sub', 'exp', 'iat', 'nbf', 'jti', 'tid'],
        maxTokenAge: ACCESS_TOKEN_TTL_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: now,
      },
    );
    const { sub, tid, jti } = payload;
    if (typeof sub !== 'string' || typeof tid !== 'string' || typeof jti !== 'string') {
      throw invalidToken();
    }
    const clientId = payload.client_id;
    if (sub.startsWith('usr_') && clientId === undefined && payload.scope === undefined) {
      return { kind: 'user', tenantId: tid, subject: sub, scopes: [], jti };
    }
    if (sub.startsWith('cli_') && clientId === sub && typeof payload.scope === 'string') {
      const scopes = payload.scope.split(' ').filter(Boolean);
      return { kind: 'client', tenantId: tid, subject: sub, scopes, jti };
    }
    throw invalidToken();
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof errors.JOSEError || err instanceof TypeError || err instanceof SyntaxError) {
      throw invalidToken();
    }
    throw err;
  }
}
