import { z } from '@hono/zod-openapi';
import { importJWK, type JWK } from 'jose';

/**
 * JWT signing keys come from the Worker secret JWT_SIGNING_KEYS: a JSON array
 * of EC P-256 private JWKs, each with a `kid`. The first key signs; every key
 * verifies; a key with `retireAt` (ISO time it stopped signing) keeps
 * verifying until `retireAt` + KEY_GRACE_SECONDS, long enough for the last
 * token it signed to expire. Rotation steps: docs/operations.md.
 */

/** Longest access-token lifetime plus the clock tolerance. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const CLIENT_TOKEN_TTL_SECONDS = 10 * 60;
export const CLOCK_TOLERANCE_SECONDS = 60;
export const KEY_GRACE_SECONDS = ACCESS_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS;
export const SIGNING_ALGORITHM = 'ES256';

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/);

const SigningKeyJwkSchema = z.looseObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: b64url,
  y: b64url,
  d: b64url,
  kid: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  alg: z.literal(SIGNING_ALGORITHM).optional(),
  retireAt: z.iso.datetime({ offset: true }).optional(),
});

export type SigningKeyJwk = z.infer<typeof SigningKeyJwkSchema>;

export const SigningKeysSchema = z
  .array(SigningKeyJwkSchema)
  .min(1)
  .max(5)
  .refine((keys) => new Set(keys.map((k) => k.kid)).size === keys.length, 'kids must be unique')
  .refine((keys) => keys[0]?.retireAt === undefined, 'the first (signing) key cannot be retired');

/** Parse and check the secret; the error names what is wrong, never the key material. */
export function parseSigningKeys(secret: string): SigningKeyJwk[] {
  let json: unknown;
  try {
    json = JSON.parse(secret);
  } catch {
    throw new Error('JWT_SIGNING_KEYS is not JSON');
  }
  const parsed = SigningKeysSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ');
    throw new Error(`JWT_SIGNING_KEYS is not a list of EC P-256 private JWKs with kid: ${where}`);
  }
  return parsed.data;
}

export interface VerifyKey {
  kid: string;
  key: CryptoKey;
  /** Epoch seconds after which the key verifies nothing; null while it signs. */
  validUntil: number | null;
  publicJwk: JWK;
}

export interface KeySet {
  signing: { kid: string; key: CryptoKey };
  keys: Map<string, VerifyKey>;
}

function publicPart(jwk: SigningKeyJwk): JWK {
  return {
    kty: jwk.kty,
    crv: jwk.crv,
    x: jwk.x,
    y: jwk.y,
    kid: jwk.kid,
    alg: SIGNING_ALGORITHM,
    use: 'sig',
  };
}

async function build(secret: string): Promise<KeySet> {
  const jwks = parseSigningKeys(secret);
  const keys = new Map<string, VerifyKey>();
  for (const jwk of jwks) {
    const publicJwk = publicPart(jwk);
    keys.set(jwk.kid, {
      kid: jwk.kid,
      key: (await importJWK(publicJwk, SIGNING_ALGORITHM)) as CryptoKey,
      validUntil: jwk.retireAt
        ? Math.floor(Date.parse(jwk.retireAt) / 1000) + KEY_GRACE_SECONDS
        : null,
      publicJwk,
    });
  }
  const first = jwks[0]!;
  const { retireAt: _r, ...privateJwk } = first;
  const signingKey = (await importJWK(
    { ...privateJwk, alg: SIGNING_ALGORITHM },
    SIGNING_ALGORITHM,
  )) as CryptoKey;
  return { signing: { kid: first.kid, key: signingKey }, keys };
}

const cache = new Map<string, Promise<KeySet>>();

/** The key set for a secret value, imported once per isolate. */
export function loadKeySet(secret: string): Promise<KeySet> {
  let set = cache.get(secret);
  if (!set) {
    set = build(secret);
    set.catch(() => cache.delete(secret));
    if (cache.size > 8) cache.clear();
    cache.set(secret, set);
  }
  return set;
}

/** A key that may verify a token at `nowSeconds`, or undefined. */
export function usableKey(set: KeySet, kid: string | undefined, nowSeconds: number) {
  if (!kid) return undefined;
  const key = set.keys.get(kid);
  if (!key) return undefined;
  if (key.validUntil !== null && nowSeconds > key.validUntil) return undefined;
  return key;
}

/** The public keys the JWKS endpoint publishes: every key still verifying. */
export function publishedKeys(set: KeySet, nowSeconds: number): JWK[] {
  return [...set.keys.values()]
    .filter((k) => k.validUntil === null || nowSeconds <= k.validUntil)
    .map((k) => k.publicJwk);
}
