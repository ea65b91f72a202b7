import { findTenantBySlug } from '@kaoping/db/bootstrap';
import { newId } from '@kaoping/db/ids';
import { users } from '@kaoping/db/schema';
import { TenantDb } from '@kaoping/db/tenant-db';
import { eq } from 'drizzle-orm';
import { loadUserPrincipal } from '../../auth/authenticate.ts';
import { hashPassword, type PasswordHash, verifyPassword } from '../../auth/password.ts';
import type { PublicContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/problem.ts';
import { newSession, type SessionTokens } from './session.ts';

let decoy: Promise<PasswordHash> | undefined;

/** One answer for every failure, so it does not tell which part was wrong. */
export const invalidCredentials = () =>
  new AppError('unauthorized', {
    zh: '租户、邮箱或密码不正确',
    en: 'Tenant, email or password is not correct',
  });

export interface SignInInput {
  tenant: string;
  email: string;
  password: string;
}

/**
 * Sign in with the tenant's slug, email and password. An unknown tenant or
 * email still costs one PBKDF2 derivation (against a decoy hash), so timing
 * does not reveal who exists.
 */
export async function signIn({ ctx, input }: { ctx: PublicContext; input: SignInInput }): Promise<
  SessionTokens & {
    user: { id: string; email: string; display_name: string };
    tenant: { id: string; slug: string; name: string };
  }
> {
  const tenant = await findTenantBySlug(ctx.db, input.tenant);
  const tdb = tenant ? new TenantDb(ctx.db, tenant.id) : undefined;
  const user = tdb ? await tdb.first(users, eq(users.email, input.email)) : undefined;
  decoy ??= hashPassword(crypto.randomUUID());
  const stored: PasswordHash = user
    ? { hash: user.passwordHash, salt: user.passwordSalt, iterations: user.passwordIterations }
    : await decoy;
  const matches = await verifyPassword(input.password, stored);
  if (!matches || !tenant || !tdb || !user || tenant.status !== 'active') {
    throw invalidCredentials();
  }
  const principal = await loadUserPrincipal(tdb, user.id);
  if (!principal) throw invalidCredentials();
  const familyId = newId('refreshToken');
  const session = await newSession(ctx.env, tdb, user.id, familyId, ctx.now);
  await commitWithAudit(
    { principal, tdb, requestId: ctx.requestId, now: ctx.now },
    [session.insert],
    [
      {
        action: 'auth.sign_in',
        entityType: 'session',
        entityId: familyId,
        after: { user_id: user.id },
      },
    ],
  );
  return {
    ...session.tokens,
    user: { id: user.id, email: user.email, display_name: user.displayName },
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
  };
}
