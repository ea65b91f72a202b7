import type { MessageKey } from '../i18n/messages.ts';

/**
 * What the sign-in form starts with: after sign-up or joining, the tenant and
 * email just used (handed over in memory, never in the URL); otherwise the
 * tenant this browser signed in to last (a slug, not a secret).
 */
export interface SignInHint {
  tenant: string;
  email: string;
  notice: MessageKey;
}

let pending: SignInHint | null = null;
const LAST_TENANT = 'kaoping.tenant';

export function leaveSignInHint(hint: SignInHint): void {
  pending = hint;
}

export function takeSignInHint(): SignInHint | null {
  const hint = pending;
  pending = null;
  return hint;
}

export function lastTenant(): string {
  try {
    return localStorage.getItem(LAST_TENANT) ?? '';
  } catch {
    return '';
  }
}

export function rememberTenant(slug: string): void {
  try {
    localStorage.setItem(LAST_TENANT, slug);
  } catch {
    // storage refused: nothing to remember
  }
}
