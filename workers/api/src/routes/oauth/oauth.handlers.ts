import type { Context } from 'hono';
import { publicContext } from '../../lib/context.ts';
import type { AppBindings, Handler } from '../../lib/types.ts';
import { issueClientToken, OAuthError } from '../../services/api-clients/issue-token.ts';
import { TokenRequestBody, type tokenRoute } from './oauth.routes.ts';

const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

export function oauthErrorResponse(c: Context<AppBindings>, err: OAuthError) {
  const headers: Record<string, string> = { ...noStore };
  if (err.error === 'invalid_client') headers['WWW-Authenticate'] = 'Basic realm="kaoping"';
  return c.json({ error: err.error, error_description: err.message }, err.status, headers);
}

/** HTTP Basic client credentials (RFC 6749 §2.3.1: each part form-urlencoded). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  if (!header || !/^basic /i.test(header)) return null;
  try {
    const decoded = atob(header.slice(6).trim());
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new Error('no colon');
    const part = (s: string) => decodeURIComponent(s.replaceAll('+', ' '));
    return { id: part(decoded.slice(0, colon)), secret: part(decoded.slice(colon + 1)) };
  } catch {
    throw new OAuthError('invalid_client', 'Malformed HTTP Basic credentials');
  }
}

async function readBody(c: Context<AppBindings>): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  try {
    if (/^application\/x-www-form-urlencoded\b/.test(type)) {
      return Object.fromEntries(new URLSearchParams(await c.req.text()));
    }
    if (/^application\/json\b/.test(type)) return await c.req.json();
  } catch {
    throw new OAuthError('invalid_request', 'The body could not be parsed');
  }
  throw new OAuthError(
    'invalid_request',
    'Send the parameters as application/x-www-form-urlencoded (or application/json)',
  );
}

export const tokenHandler: Handler<typeof tokenRoute> = async (c) => {
  try {
    const parsed = TokenRequestBody.safeParse(await readBody(c));
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ');
      throw new OAuthError('invalid_request', `Invalid parameters: ${fields}`);
    }
    const result = await issueClientToken({
      ctx: publicContext(c),
      input: { ...parsed.data, basic: basicCredentials(c.req.header('authorization')) },
    });
    return c.json(result, 200, noStore);
  } catch (err) {
    if (err instanceof OAuthError) return oauthErrorResponse(c, err);
    throw err;
  }
};
