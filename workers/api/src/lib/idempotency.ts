import { auditLog, idempotencyKeys } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { and, eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { fromBase64Url, toBase64Url } from '../auth/password.ts';
import type { Principal } from '../auth/principal.ts';
import { sha256Hex } from './crypto.ts';
import { backoffMs, D1_WRITE_ATTEMPTS, d1Trouble, d1Unavailable, pause } from './d1-retry.ts';
import { AppError } from './problem.ts';
import type { AppBindings } from './types.ts';

/**
 * Idempotency-Key for POSTs that create (IETF draft-ietf-httpapi-idempotency-key-header):
 * - same key, same method, path and body → the first answer again (status,
 *   body, ETag/Location), with `Idempotent-Replayed: true`, and no second row;
 * - same key, different request → 422;
 * - same key while the first request is still running → 409, retry later.
 *
 * A request that died after its write committed but before its answer was kept (the
 * Worker stopped, D1 failed afterwards) must not run twice: the reservation holds the
 * request id, every audited write carries it (lib/audit.ts), so a 5xx keeps the key
 * reserved unless the audit log shows the request wrote nothing, and taking over a stale
 * reservation first looks for that request's audit rows — found, the retry is told the
 * write was done (409 naming the object) instead of doing it again.
 *
 * The key is reserved (a row with status 0) before the handler runs, in a
 * statement that either inserts or finds the existing row, so two
 * concurrent requests cannot both run. Only 2xx answers are kept; anything
 * else frees the key so a corrected request can use it. Keys are kept for 24
 * hours, per principal and tenant.
 *
 * Stored answers may carry a secret shown once (an API client's secret, an
 * invitation token), so the table holds SHA-256(key) and the answer
 * AES-GCM-encrypted under a key derived (HKDF) from the Idempotency-Key
 * itself: only the holder of the key can get the answer back.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A reservation older than this belongs to a request that died; it may be taken over. */
export const IN_FLIGHT_STALE_MS = 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;
const KEPT_HEADERS = ['content-type', 'etag', 'location'];

function principalId(p: Principal): string {
  return p.kind === 'user' ? p.userId : p.clientId;
}

async function cipherKey(rawKey: string, salt: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(rawKey),
    'HKDF',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new TextEncoder().encode(salt),
      info: new TextEncoder().encode('kaoping idempotency v1'),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function seal(key: CryptoKey, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(text),
  );
  const out = new Uint8Array(12 + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), 12);
  return toBase64Url(out);
}

async function open(key: CryptoKey, stored: string): Promise<string> {
  const bytes = fromBase64Url(stored);
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes.slice(0, 12) },
    key,
    bytes.slice(12),
  );
  return new TextDecoder().decode(plain);
}

function badKey(): AppError {
  return new AppError(
    'validation',
    {
      zh: 'Idempotency-Key 应为 8–255 个可见 ASCII 字符',
      en: 'Idempotency-Key must be 8–255 visible ASCII characters',
    },
    {
      errors: [
        {
          path: 'header.idempotency-key',
          code: 'invalid_format',
          message: '8–255 visible ASCII characters, e.g. a UUID',
          message_zh: '8–255 个可见 ASCII 字符，例如 UUID',
        },
      ],
    },
  );
}

/** Route middleware for creating POSTs; runs after authentication. */
export function idempotency(): MiddlewareHandler<AppBindings> {
  return (c, next) => keyed(c, next, c.var.tdb, principalId(c.var.principal));
}

/** Whose keys a public request's are: the tenant it reaches, and the actor its audit rows name. */
export interface KeyScope {
  tdb: TenantDb;
  who: string;
}

/**
 * The same for a route anyone may call without signing in (a cycle's public objection link):
 * `scope` finds the tenant from the request and names the actor that route audits as, so a
 * request that died after its write is still recognised. It runs only when a key was sent, and
 * before anything is reserved: a request it refuses (an unknown link) reserves nothing.
 */
export function publicIdempotency(
  scope: (c: Context<AppBindings>) => Promise<KeyScope>,
): MiddlewareHandler<AppBindings> {
  return async (c, next) => {
    if (c.req.header('idempotency-key') === undefined) return next();
    const { tdb, who } = await scope(c);
    return keyed(c, next, tdb, who);
  };
}

async function keyed(
  c: Context<AppBindings>,
  next: Next,
  tdb: TenantDb,
  who: string,
): Promise<Response | undefined> {
  const raw = c.req.header('idempotency-key');
  if (raw === undefined) {
    await next();
    return undefined;
  }
  if (!KEY_PATTERN.test(raw)) throw badKey();
  const keyHash = await sha256Hex(`idempotency\u0000${raw}`);
  const method = c.req.method;
  const path = c.req.path;
  // The body's bytes, not its text: decoding here would hide bytes that are
  // not UTF-8 from the handler, which reads the same cached body.
  const head = new TextEncoder().encode(`${method} ${path}\n`);
  const body = new Uint8Array(await c.req.arrayBuffer());
  const request = new Uint8Array(head.length + body.length);
  request.set(head);
  request.set(body, head.length);
  const bodyHash = await sha256Hex(request);
  const mine = and(eq(idempotencyKeys.principal, who), eq(idempotencyKeys.key, keyHash));
  const now = Date.now();
  const reservedAt = new Date(now).toISOString();

  const requestId = c.var.requestId;
  const reserve = () =>
    tdb
      .insert(idempotencyKeys, {
        principal: who,
        key: keyHash,
        method,
        path,
        bodyHash,
        status: 0,
        // While pending: the id of the request holding the key (see requestWrote).
        response: requestId,
        headers: {},
        createdAt: reservedAt,
      })
      .onConflictDoNothing();

  let reserved = (await reserve()).meta.changes === 1;
  if (!reserved) {
    const row = await tdb.first(idempotencyKeys, mine);
    if (!row) {
      reserved = (await reserve()).meta.changes === 1;
    } else if (Date.parse(row.createdAt) < now - IDEMPOTENCY_TTL_MS) {
      // Expired: forget it and start over under the same key.
      await tdb.delete(idempotencyKeys, mine, eq(idempotencyKeys.createdAt, row.createdAt));
      reserved = (await reserve()).meta.changes === 1;
    } else if (row.bodyHash !== bodyHash) {
      throw new AppError('unprocessable', {
        zh: '该 Idempotency-Key 已用于另一个请求',
        en: 'This Idempotency-Key was used for a different request',
      });
    } else if (row.status === 0) {
      if (Date.parse(row.createdAt) > now - IN_FLIGHT_STALE_MS) {
        throw new AppError(
          'conflict',
          {
            zh: '使用该 Idempotency-Key 的请求仍在处理中',
            en: 'A request with this Idempotency-Key is still in progress',
          },
          { headers: { 'Retry-After': '1' } },
        );
      }
      // Its request died. If it wrote before dying, say so instead of writing again.
      const wrote = await requestWrote(tdb, who, row.response);
      if (wrote === undefined) throw d1Unavailable();
      if (wrote) throw alreadyDone(wrote);
      // Else take the reservation over, if nobody else did.
      const taken = await tdb.update(
        idempotencyKeys,
        { createdAt: reservedAt, response: requestId },
        mine,
        eq(idempotencyKeys.status, 0),
        eq(idempotencyKeys.createdAt, row.createdAt),
      );
      reserved = taken.meta.changes === 1;
    } else {
      const key = await cipherKey(raw, `${tdb.tenantId}\u0000${who}`);
      const headers = new Headers(row.headers);
      headers.set('Idempotent-Replayed', 'true');
      return new Response(await open(key, row.response), { status: row.status, headers });
    }
  }
  if (!reserved) {
    throw new AppError('conflict', undefined, { headers: { 'Retry-After': '1' } });
  }

  await next();

  const res = c.res;
  if (res.status >= 200 && res.status < 300) {
    const key = await cipherKey(raw, `${tdb.tenantId}\u0000${who}`);
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) {
      const v = res.headers.get(h);
      if (v !== null) headers[h] = v;
    }
    const answer = { status: res.status, response: await seal(key, await res.clone().text()) };
    // Keeping the answer is idempotent: retried on D1 trouble like an audited write.
    for (let attempt = 1; ; attempt++) {
      try {
        await tdb.update(idempotencyKeys, { ...answer, headers }, mine);
        break;
      } catch (err) {
        if (!d1Trouble(err) || attempt >= D1_WRITE_ATTEMPTS) throw err;
        await pause(backoffMs(attempt));
      }
    }
  } else if (res.status < 500 || (await requestWrote(tdb, who, requestId)) === false) {
    // Refused, or failed before writing anything: free the key for a corrected request.
    await tdb.delete(idempotencyKeys, mine, eq(idempotencyKeys.status, 0));
  }
}

/**
 * The first object an earlier request of this principal wrote (its audit row), false when
 * it wrote nothing, undefined when D1 cannot say.
 */
async function requestWrote(
  tdb: TenantDb,
  who: string,
  requestId: string,
): Promise<{ entityType: string; entityId: string } | false | undefined> {
  if (!requestId) return false;
  try {
    const row = await tdb.first(
      auditLog,
      eq(auditLog.actorId, who),
      eq(auditLog.requestId, requestId),
    );
    return row ? { entityType: row.entityType, entityId: row.entityId } : false;
  } catch {
    return undefined;
  }
}

function alreadyDone(wrote: { entityType: string; entityId: string }): AppError {
  const what = `${wrote.entityType} ${wrote.entityId}`;
  return new AppError('conflict', {
    zh: `使用该 Idempotency-Key 的请求已完成（${what}），但其响应已丢失；请读取该对象，不要重试`,
    en: `The request with this Idempotency-Key was completed (${what}) but its answer was lost; read the object instead of retrying`,
  });
}
