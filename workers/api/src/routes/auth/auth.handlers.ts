import { loadKeySet, publishedKeys } from '../../auth/keys.ts';
import { publicContext } from '../../lib/context.ts';
import type { Handler } from '../../lib/types.ts';
import { refreshSession } from '../../services/auth/refresh.ts';
import { signIn } from '../../services/auth/sign-in.ts';
import { signOut } from '../../services/auth/sign-out.ts';
import type { jwksRoute, refreshRoute, signInRoute, signOutRoute } from './auth.routes.ts';

/** Token responses must not be cached (RFC 6749 §5.1). */
const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

export const signInHandler: Handler<typeof signInRoute> = async (c) => {
  const session = await signIn({ ctx: publicContext(c), input: c.req.valid('json') });
  return c.json(session, 200, noStore);
};

export const refreshHandler: Handler<typeof refreshRoute> = async (c) => {
  const session = await refreshSession({ ctx: publicContext(c), input: c.req.valid('json') });
  return c.json(session, 200, noStore);
};

export const signOutHandler: Handler<typeof signOutRoute> = async (c) => {
  await signOut({ ctx: publicContext(c), input: c.req.valid('json') });
  return c.body(null, 204);
};

export const jwksHandler: Handler<typeof jwksRoute> = async (c) => {
  const keys = await loadKeySet(c.env.JWT_SIGNING_KEYS);
  const published = publishedKeys(keys, Math.floor(Date.now() / 1000)).map((k) => ({
    kty: String(k.kty),
    crv: String(k.crv),
    x: String(k.x),
    y: String(k.y),
    kid: String(k.kid),
    alg: String(k.alg),
    use: String(k.use),
  }));
  return c.json({ keys: published }, 200, { 'Cache-Control': 'public, max-age=300' });
};
