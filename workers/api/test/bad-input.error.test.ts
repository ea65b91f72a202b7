import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCampaign, type TestCampaign } from './campaign.ts';
import {
  createTestTenant,
  databaseFingerprint,
  TEST_PASSWORD,
  type TestTenant,
} from './factories.ts';
import { call } from './http.ts';
import {
  type Fixtures,
  fields,
  type JsonSchema,
  type Operation,
  operations,
  resolve,
  sampleObject,
  typesOf,
} from './openapi-walk.ts';
import { type ScoredFixtures, scoredFixtures } from './scoring.ts';

/**
 * Bad input on every route, from the OpenAPI document: each body field
 * missing, of the wrong type (fast-check picks the values), oversize, and
 * unknown fields (tenant_id, role, status, version, score, __proto__) added;
 * each query parameter malformed, and unknown ones added. Every answer is a
 * 400 application/problem+json whose `errors` name the field, and the
 * database is byte-for-byte what it was.
 *
 * The OAuth token endpoint answers in RFC 6749's shape (invalid_request,
 * naming the parameter) and ignores unknown parameters as RFC 6749 §3.2
 * requires; it is the one exception, stated here.
 */

let t: TestTenant;
let campaign: TestCampaign;
let scored: ScoredFixtures;
const OAUTH = 'POST /v1/oauth/token';
const UNKNOWN_FIELDS = ['tenant_id', 'role', 'status', 'version', 'score', '__proto__'];

/** Valid values by field name, from the test's own tenant, so only the mutated field is wrong. */
const FIXTURES: Fixtures = {
  parent_id: () => t.units.town.id,
  org_unit_id: () => t.units.village.id,
  client_id: () => t.clients.readerClient.id,
  client_secret: () => t.clients.readerClient.secret,
  tenant: () => t.slug,
  email: () => `fuzz-${crypto.randomUUID().slice(0, 8)}@kaoping.test`,
  password: () => TEST_PASSWORD,
  token: () => `kpi_${'Z'.repeat(43)}`,
  refresh_token: () => `kpr_${'Z'.repeat(43)}`,
  grant_type: () => 'client_credentials',
  role: () => 'viewer',
  kind: () => 'village',
  stage: () => undefined,
  slug: () => `fz-${crypto.randomUUID().slice(0, 8)}`,
  code: () => undefined,
  area_code: () => undefined,
  expires_at: () => undefined,
  expires_in_days: () => 7,
  name_en: () => undefined,
  key: () => 'gz.full-employment',
  version: () => '2024.1-fuzz.1',
  effective_from: () => '2024-01-01',
  // Optional nested objects are sampled only when named here, so their fields get fuzzed too.
  parent: () => ({ key: 'gz.full-employment', version: '2024.1' }),
  overrides: () => ({ title: { zh: '样', en: 'x' }, issuer: { zh: '样', en: 'x' } }),
  title: () => ({ zh: '样', en: 'x' }),
  issuer: () => ({ zh: '样', en: 'x' }),
  submission_id: () => campaign.publicised.id,
  pack_key: () => 'gz.full-employment',
  pack_version: () => '2024.1',
  period_start: () => '2023-10-01',
  period_end: () => '2024-09-30',
  effective_date: () => '2025-01-01',
  recurrence: () => ({
    weekday: 4,
    time: '16:00',
    timezone: 'Asia/Shanghai',
    starts: '2024-07-01',
    until: '2024-11-30',
  }),
};

function pathFor(op: Operation): string {
  const ids: Record<string, string> = {
    unitId: t.units.siblingVillage.id,
    userId: t.people.viewer.id,
    clientId: t.clients.writerClient.id,
    invitationId: t.invitationId,
    key: 'gz.full-employment',
    version: '2024.1',
    pinId: 'pin_00000000000000000000000000000000',
    cycleId: campaign.cycleId,
    submissionId: campaign.draft.id,
    milestoneId: campaign.milestoneId,
    evidenceId: campaign.draft.evidenceId,
    objectionId: campaign.publicised.objectionId,
    stage: 'self',
    token: campaign.publicToken,
    snapshotId: scored.snapshotId,
    runId: scored.runId,
    deadLetterId: scored.deadLetterId,
  };
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = ids[name];
    if (!id)
      throw new Error(
        `${op.key}: add a path fixture for "${name}" in test/bad-input.error.test.ts`,
      );
    return id;
  });
}

/** Valid values for required query parameters, so only the one being tried is wrong. */
function requiredQueryValue(name: string): string | undefined {
  const values: Record<string, string> = { cycle_id: campaign.cycleId };
  return values[name];
}

function send(op: Operation, rawBody: string, query = '', contentType = 'application/json') {
  return call(`${pathFor(op)}${query}`, {
    method: op.method,
    token: op.public ? undefined : t.tokens.admin,
    body: rawBody,
    headers: { 'content-type': contentType, 'if-match': '"1"' },
  });
}

/** The answer is a 400 naming `path` (or a field below it). */
async function expectNamed(op: Operation, res: Response, path: string, what: string) {
  const text = await res.text();
  const label = `${op.key} ${what}: ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, label).toBe(400);
  if (op.key === OAUTH) {
    const body = JSON.parse(text) as { error: string; error_description: string };
    expect(body.error, label).toBe('invalid_request');
    expect(body.error_description, label).toContain(path.replace(/^body\./, ''));
    return;
  }
  expect(res.headers.get('content-type'), label).toContain('application/problem+json');
  const body = JSON.parse(text) as {
    errors?: { path: string; message: string; message_zh: string }[];
  };
  const named = (body.errors ?? []).filter((e) => e.path === path || e.path.startsWith(`${path}.`));
  expect(named.length, label).toBeGreaterThan(0);
  for (const e of named) {
    expect(e.message, label).toBeTruthy();
    expect(e.message_zh, label).toBeTruthy();
  }
}

function setAt(
  obj: Record<string, unknown>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(obj);
  let node = copy;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  if (value === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
  return copy;
}

/** JSON values whose type the field does not take. */
function wrongTypes(schema: JsonSchema) {
  const allowed = typesOf(schema);
  const fits = (v: unknown) => {
    const t =
      v === null
        ? 'null'
        : Array.isArray(v)
          ? 'array'
          : typeof v === 'number'
            ? Number.isInteger(v)
              ? 'integer'
              : 'number'
            : typeof v;
    return allowed.includes(t) || (t === 'integer' && allowed.includes('number'));
  };
  return fc
    .oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.string({ maxLength: 8 }),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
    )
    .filter((v) => !fits(v));
}

const jsonOps = () =>
  operations().filter((op) => op.body.some((b) => b.type === 'application/json'));

beforeAll(async () => {
  t = await createTestTenant();
  campaign = await createTestCampaign(t);
  scored = await scoredFixtures(t.tokens.admin, campaign.cycleId);
});

describe('bad JSON bodies on every route', () => {
  it.for(jsonOps().map((op) => [op.key, op] as const))('%s', async ([, op]) => {
    const schema = resolve(op.body.find((b) => b.type === 'application/json')!.schema);
    const base = sampleObject(schema, FIXTURES, op.key);
    const before = await databaseFingerprint();

    for (const field of fields(schema)) {
      const path = `body.${field.path.join('.')}`;
      if (field.required) {
        await expectNamed(
          op,
          await send(op, JSON.stringify(setAt(base, field.path, undefined))),
          path,
          'missing',
        );
      }
      if (typesOf(field.schema).length > 0) {
        await fc.assert(
          fc.asyncProperty(wrongTypes(field.schema), async (value) => {
            const body = JSON.stringify(setAt(base, field.path, value));
            await expectNamed(op, await send(op, body), path, `= ${JSON.stringify(value)}`);
          }),
          { numRuns: 3 },
        );
      }
      const s = resolve(field.schema);
      if (typesOf(s).includes('string')) {
        const long = s.maxLength !== undefined ? s.maxLength + 1 : 10_000;
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: long, max: long + 64 }), async (length) => {
            const body = JSON.stringify(setAt(base, field.path, 'x'.repeat(length)));
            await expectNamed(op, await send(op, body), path, `${length} characters`);
          }),
          { numRuns: 2 },
        );
      }
      if (typesOf(s).includes('array') && s.maxItems !== undefined) {
        const item = sampleObject(
          { type: 'object', properties: { x: s.items ?? {} }, required: ['x'] },
          FIXTURES,
          op.key,
        ).x;
        const body = JSON.stringify(
          setAt(
            base,
            field.path,
            Array.from({ length: s.maxItems + 1 }, () => item),
          ),
        );
        await expectNamed(op, await send(op, body), path, `${s.maxItems + 1} items`);
      }
    }

    if (op.key !== OAUTH) {
      const objects = [
        [],
        ...fields(schema)
          .filter((f) => resolve(f.schema).properties)
          .map((f) => f.path),
      ];
      for (const at of objects) {
        const owner = at.length
          ? resolve(fields(schema).find((f) => f.path.join('.') === at.join('.'))!.schema)
          : schema;
        for (const unknown of UNKNOWN_FIELDS.filter((u) => !owner.properties?.[u])) {
          // Raw JSON, so "__proto__" arrives as an own key, as an attacker would send it.
          const inner = at.reduce<Record<string, unknown>>(
            (node, key) => node[key] as Record<string, unknown>,
            base,
          );
          const text = JSON.stringify(inner)
            .replace(/^\{/, `{"${unknown}":"x",`)
            .replace(',}', '}');
          const whole = at.length
            ? JSON.stringify(setAt(base, at, '\u0000MARK')).replace('"\\u0000MARK"', text)
            : text;
          const path = ['body', ...at, unknown].join('.');
          await expectNamed(op, await send(op, whole), path, `unknown ${unknown}`);
        }
      }
    }
    expect(await databaseFingerprint(), `${op.key} changed the database`).toEqual(before);
  });
});

describe('bad query parameters on every route', () => {
  const withQuery = operations().filter((op) => op.params.some((p) => p.in === 'query'));

  it('there are list routes to try', () => {
    expect(withQuery.length).toBeGreaterThanOrEqual(5);
  });

  it.for(withQuery.map((op) => [op.key, op] as const))('%s', async ([, op]) => {
    const before = await databaseFingerprint();
    // Required parameters get a valid value, so only the one being tried is wrong.
    const required = op.params.filter((x) => x.in === 'query' && x.required);
    const get = (query: string) => {
      const base = required
        .filter((r) => !new URLSearchParams(query).has(r.name))
        .flatMap((r) => {
          const value = requiredQueryValue(r.name);
          return value === undefined ? [] : [`${r.name}=${encodeURIComponent(value)}`];
        });
      return call(`${pathFor(op)}?${[...base, query].join('&')}`, { token: t.tokens.admin });
    };
    for (const p of op.params.filter((x) => x.in === 'query')) {
      const s = resolve(p.schema);
      const bad: string[] = [];
      if (s.enum) bad.push('not-a-value', '');
      if (typesOf(s).includes('integer')) bad.push('abc', '-1', '1.5', '0', '1e3');
      if (s.format === 'date-time') bad.push('yesterday', '2026-13-01T00:00:00Z');
      if (s.maxLength !== undefined) bad.push('q'.repeat(s.maxLength + 1));
      if (p.name === 'cursor') bad.push('not-a-cursor');
      if (s.minLength) bad.push('');
      bad.push(`${encodeURIComponent('x')}&${p.name}=y`);
      for (const value of bad) {
        const query = value.includes('&')
          ? `${p.name}=${value}`
          : `${p.name}=${encodeURIComponent(value)}`;
        await expectNamed(op, await get(query), `query.${p.name}`, `?${query}`);
      }
    }
    for (const unknown of ['tenant_id', 'role', '__proto__']) {
      await expectNamed(op, await get(`${unknown}=x`), `query.${unknown}`, `?${unknown}`);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe('bad CSV on the import route', () => {
  it('random text is refused with line-numbered errors and writes nothing', async () => {
    const before = await databaseFingerprint();
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replaceAll('"', ''));
    const csv = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .array(
          fc.array(cell, { minLength: 1, maxLength: 5 }).map((r) => r.join(',')),
          { minLength: 1, maxLength: 8 },
        )
        .map((rows) => rows.join('\n')),
      fc
        .array(fc.tuple(cell, cell, cell), { maxLength: 6 })
        .map((rows) => `name,kind,parent\n${rows.map((r) => r.join(',')).join('\n')}`),
    );
    await fc.assert(
      fc.asyncProperty(csv, async (text) => {
        const res = await call('/v1/org-units/import', {
          token: t.tokens.admin,
          body: text,
          headers: { 'content-type': 'text/csv' },
        });
        const body = await res.text();
        expect(res.status, body.slice(0, 300)).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const errors = (JSON.parse(body) as { errors?: { path: string }[] }).errors ?? [];
        expect(errors.length).toBeGreaterThan(0);
        for (const e of errors) expect(e.path).toMatch(/^(line \d+|body)$/);
      }),
      { numRuns: 40 },
    );
    expect(await databaseFingerprint()).toEqual(before);
  });
});
