/**
 * Where the refresh token lives between page loads: this tab's
 * sessionStorage. Not a cookie (nothing for a cross-site request to carry,
 * so no CSRF), not localStorage (it ends with the tab). The access token
 * never leaves memory (session.ts).
 */
const KEY = 'kaoping.refresh';

export function readRefreshToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function writeRefreshToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage refused: the session lasts until this page is closed or reloaded
  }
}
