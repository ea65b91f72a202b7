// JWT signing keys for the JWT_SIGNING_KEYS secret (docs/operations.md):
//
//   node workers/api/scripts/jwt-keys.mjs new            > keys.json   # first key
//   node workers/api/scripts/jwt-keys.mjs rotate < keys.json > next.json
//   node workers/api/scripts/jwt-keys.mjs prune  < keys.json > next.json
//   node workers/api/scripts/jwt-keys.mjs check  < keys.json            # kids and states only
//   node workers/api/scripts/jwt-keys.mjs revoke <kid> < keys.json > next.json  # compromised
//
// `rotate` puts a fresh key first (it signs from now on) and marks the old
// signing key retired now; it keeps verifying for the grace period. `prune`
// drops retired keys whose grace period is over. `revoke <kid>` drops that key at once, grace
// or not (a compromised key): every token it signed stops verifying; if it was the signing
// key, a fresh one signs in its place. Output is the secret's
// value: pipe it to `npx wrangler secret put JWT_SIGNING_KEYS`. Nothing here
// prints private key material except the secret value itself on stdout.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { KEY_GRACE_SECONDS, parseSigningKeys } from '../src/auth/keys.ts';

function newKey() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const day = new Date().toISOString().slice(0, 10);
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid: `${day}-${randomBytes(3).toString('hex')}`,
    alg: 'ES256',
  };
}

const stillVerifying = (key, now) =>
  key.retireAt === undefined || Date.parse(key.retireAt) + KEY_GRACE_SECONDS * 1000 > now;

const command = process.argv[2];
const now = Date.now();

if (command === 'new') {
  console.log(JSON.stringify([newKey()]));
} else if (['rotate', 'prune', 'check'].includes(command)) {
  const keys = parseSigningKeys(readFileSync(0, 'utf8'));
  if (command === 'check') {
    for (const [i, k] of keys.entries()) {
      const state =
        i === 0
          ? 'signs'
          : stillVerifying(k, now)
            ? `verifies until ${new Date(Date.parse(k.retireAt) + KEY_GRACE_SECONDS * 1000).toISOString()}`
            : 'expired: prune it';
      console.error(`${k.kid}\t${state}`);
    }
  } else {
    const [signing, ...rest] = keys;
    const kept = rest.filter((k) => stillVerifying(k, now));
    const next =
      command === 'rotate'
        ? [newKey(), { ...signing, retireAt: new Date(now).toISOString() }, ...kept]
        : [signing, ...kept];
    if (next.length > 5) {
      console.error('at most 5 keys: prune first (retired keys verify for only 16 minutes)');
      process.exit(1);
    }
    console.log(JSON.stringify(parseSigningKeys(JSON.stringify(next))));
  }
} else if (command === 'revoke') {
  const kid = process.argv[3];
  const keys = parseSigningKeys(readFileSync(0, 'utf8'));
  if (!kid || !keys.some((k) => k.kid === kid)) {
    console.error(
      `no key ${kid ?? '(none given)'} in the secret: ${keys.map((k) => k.kid).join(', ')}`,
    );
    process.exit(1);
  }
  const next = (keys[0].kid === kid ? [newKey(), ...keys] : keys).filter((k) => k.kid !== kid);
  console.log(JSON.stringify(parseSigningKeys(JSON.stringify(next))));
} else {
  console.error(
    'usage: jwt-keys.mjs new | rotate | prune | check | revoke <kid>   (keys JSON on stdin)',
  );
  process.exit(2);
}
