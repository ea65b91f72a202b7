import { ApiError, problemFrom } from '../api/problem.ts';
import {
  type Answer,
  type ApiRequest,
  type Download,
  send,
  sendForFile,
  sendFull,
} from '../api/transport.ts';
import type { Me, Session } from '../api/types.ts';
import { createStore, useStore } from '../lib/store.ts';
import { readRefreshToken, writeRefreshToken } from './refresh-token.ts';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut'; reason?: 'expired' | 'signedOut' }
  | { status: 'signedIn'; me: Me }
  | { status: 'unreachable'; error: ApiError };

export const sessionStore = createStore<SessionState>({ status: 'restoring' });

export const useSession = (): SessionState => useStore(sessionStore);

/** The access token: in memory only, gone on reload (the refresh token brings a new one). */
let access: { token: string; expiresAt: number } | null = null;
let refreshing: Promise<boolean> | null = null;

/** Refresh this long before the access token runs out, so a request never carries a stale one. */
const EARLY_REFRESH_MS = 30_000;

function adopt(session: Session): void {
  access = { token: session.access_token, expiresAt: Date.now() + session.expires_in * 1000 };
  writeRefreshToken(session.refresh_token);
}

function forget(): void {
  access = null;
  writeRefreshToken(null);
}

/**
 * Rotate the refresh token for a new access token. Single-flight: the API
 * treats a rotated token presented twice as theft and revokes the session,
 * so concurrent requests must share one rotation.
 */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const token = readRefreshToken();
    if (!token) return false;
    try {
      adopt(await send<Session>('/v1/auth/refresh', { json: { refresh_token: token } }));
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
        forget();
        return false;
      }
      throw error;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function expired(): ApiError {
  forget();
  sessionStore.set({ status: 'signedOut', reason: 'expired' });
  return new ApiError(problemFrom(401, null));
}

/** Run a request with the bearer token; refreshes it when due and once after a 401. */
async function withToken<T>(request: (token: string) => Promise<T>): Promise<T> {
  if (!access || access.expiresAt - Date.now() < EARLY_REFRESH_MS) {
    if (!(await refresh())) throw expired();
  }
  try {
    return await request(access!.token);
  } catch (error) {
    // A 401 is refused before any handler runs, so sending again is safe.
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    if (!(await refresh())) throw expired();
    return request(access!.token);
  }
}

/** A request with the bearer token: the parsed answer. */
export function authed<T>(path: string, req: ApiRequest = {}): Promise<T> {
  return withToken((token) => send<T>(path, req, token));
}

/** A request with the bearer token: the answer and its ETag header. */
export function authedFull<T>(path: string, req: ApiRequest = {}): Promise<Answer<T>> {
  return withToken((token) => sendFull<T>(path, req, token));
}

/** A file behind the bearer token (exports, evidence): links cannot carry the token. */
export function authedFile(path: string, req: ApiRequest = {}): Promise<Download> {
  return withToken((token) => sendForFile(path, req, token));
}

async function loadMe(): Promise<void> {
  const me = await authed<Me>('/v1/me');
  sessionStore.set({ status: 'signedIn', me });
}

export interface SignInInput {
  tenant: string;
  email: string;
  password: string;
}

export async function signIn(input: SignInInput): Promise<void> {
  adopt(await send<Session>('/v1/auth/signin', { json: input }));
  await loadMe();
}

/** At start-up: a refresh token in this tab means a session to resume. */
export async function restoreSession(): Promise<void> {
  if (!readRefreshToken()) {
    sessionStore.set({ status: 'signedOut' });
    return;
  }
  try {
    if (await refresh()) await loadMe();
    else sessionStore.set({ status: 'signedOut', reason: 'expired' });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // Offline or the server failing: keep the refresh token and offer a retry
    // (unless the attempt already ended the session).
    if (sessionStore.get().status === 'restoring') {
      sessionStore.set({ status: 'unreachable', error });
    }
  }
}

/** Re-read who we are (after changing one's own grants). */
export const reloadMe = loadMe;

/**
 * Sign out: this tab forgets its tokens at once, then the API revokes the
 * refresh token's family (even if that call fails, nothing here can resume).
 */
export async function signOut(): Promise<void> {
  const token = readRefreshToken();
  forget();
  sessionStore.set({ status: 'signedOut', reason: 'signedOut' });
  if (token) {
    await send('/v1/auth/signout', { json: { refresh_token: token } }).catch(() => undefined);
  }
}

export function isAdmin(state: SessionState): boolean {
  return state.status === 'signedIn' && !!state.me.user?.grants.some((g) => g.role === 'admin');
}
