import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../src/index.ts';
import { userToken } from '../factories.ts';
import { type CallOptions, callJson, freshIp } from '../http.ts';

/**
 * Requests to the real worker's fetch() with the D1 binding a test chooses (one that fails
 * on purpose), and the smallest tenant a write path needs, so a fault test can afford a
 * fresh tenant for every statement it fails.
 */

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
}

/** Like call(), through `db` instead of the configured D1 binding. */
export async function callThrough(
  db: D1Database | undefined,
  path: string,
  options: CallOptions = {},
): Promise<Sent> {
  const headers: Record<string, string> = { 'cf-connecting-ip': options.ip ?? freshIp() };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === 'string' || options.body instanceof Uint8Array) {
      body = options.body;
    } else {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
  }
  const request = new Request(`http://kaoping.test${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { ...headers, ...options.headers },
    body,
  });
  const ctx = createExecutionContext();
  const testEnv = (db ? { ...env, DB: db } : env) as unknown as Env;
  const res = await worker.fetch!(
    request as Request<unknown, IncomingRequestCfProperties>,
    testEnv,
    ctx,
  );
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  return { status: res.status, headers: res.headers, text };
}

function hex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

export interface LightTenant {
  id: string;
  slug: string;
  /** In every name of this tenant, replaced when two runs' states are compared. */
  marker: string;
  admin: string;
  adminId: string;
  root: { id: string; name: string };
}

/** The body of a sign-up, named after `marker`. */
export function signUpBody(marker: string) {
  return {
    tenant: {
      name: `故障测试局 ${marker}`,
      slug: `f-${marker}`,
      level: 'district',
      region_name: `故障区${marker}`,
    },
    admin: {
      email: `admin-${marker}@kaoping.test`,
      display_name: `管理员 ${marker}`,
      password: 'fault-password-2026',
    },
  };
}

/** A tenant with its root unit and first admin: one sign-up, no more. */
export async function lightTenant(): Promise<LightTenant> {
  const marker = hex(5);
  const signUp = await callJson<{
    tenant: { id: string };
    admin: { id: string };
    root_unit: { id: string; name: string };
  }>('/v1/signup', { body: signUpBody(marker), ip: freshIp() });
  return {
    id: signUp.tenant.id,
    slug: `f-${marker}`,
    marker,
    admin: await userToken(signUp.tenant.id, signUp.admin.id),
    adminId: signUp.admin.id,
    root: signUp.root_unit,
  };
}
