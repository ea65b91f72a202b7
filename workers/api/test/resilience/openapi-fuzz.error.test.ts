import { env } from 'cloudflare:workers';
import { findBuiltInPack } from '@kaoping/standards';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ResilienceFamily,
  type ResilienceRecord,
  record,
} from '../../../../scripts/resilience/record.ts';
import { signAccessToken } from '../../src/auth/tokens.ts';
import { gzFullEmploymentInputs } from '../../src/seed/invented-inputs.ts';
import {
  createTestCampaign,
  etagOf,
  invitePerson,
  multipart,
  pdfBytes,
  type TestCampaign,
} from '../campaign.ts';
import {
  createTailoredPack,
  createTestTenant,
  TEST_PASSWORD,
  type TestTenant,
} from '../factories.ts';
import { call, callJson, freshIp } from '../http.ts';
import {
  type Fixtures,
  fields,
  type JsonSchema,
  type Operation,
  operations,
  resolve,
  sampleObject,
  typesOf,
} from '../openapi-walk.ts';
import { scoredFixtures } from '../scoring.ts';
import {
  anyJsonValue,
  BAD_FILES,
  deepJson,
  EDGE_NUMBERS,
  EDGE_QUERY,
  edgeString,
  FORBIDDEN_FIELDS,
  HUGE_ARRAY,
  invalidUtf8,
  setRaw,
  withField,
} from './fuzz-inputs.ts';
import { ChangeWatch, tenantFingerprint } from './tenant-state.ts';

/**
 * RESILIENCE.md, "Bad inputs tried", as property-based fuzzing of every route of the
 * OpenAPI document: fast-check draws, for each operation, requests that are wrong in one
 * way — a bad token, another tenant's id, a missing or stale If-Match, a wrong type, a
 * boundary number, an edge-of-Unicode string, 100-deep JSON, a 10,000-element array,
 * duplicate keys, a truncated body, the wrong content type, a forbidden field, a malformed
 * query, a bad file, a malformed CSV or pack — and sends it to the real worker.
 *
 * Every answer must be a 4xx application/problem+json (OAuth's own JSON on the token
 * endpoint) or a correct 2xx — never a 5xx; a request that must be refused is; nothing a
 * request was refused for (or a read) changes the tenant's rows (a fingerprint of all of
 * them, taken after every request) or any audited row anywhere; no answer carries the
 * other tenant's ids. Seeded: the same seed sends the same requests (FUZZ_SEED below).
 */

const FUZZ_SEED = 20_261_122;
/** At least 5,000 requests per run, spread evenly over the operations. */
const FUZZ_REQUESTS = 5_000;

let a: TestTenant;
let b: TestTenant;
let ac: TestCampaign;
let bc: TestCampaign;
let aDraft: { key: string; version: string };
let aScored: Awaited<ReturnType<typeof scoredFixtures>>;
let bSnapshotId: string;
let revokedClient: { id: string; secret: string };
let badTokens: { what: string; header: string | undefined }[];

type Who =
  | 'admin'
  | 'reviewer'
  | 'reporter'
  | 'viewer'
  | 'readerClient'
  | 'writerClient'
  | 'foreignAdmin';

interface Attempt {
  family: ResilienceFamily;
  what: string;
  /** The request is wrong in a way the API must refuse (4xx). */
  mustRefuse: boolean;
  /** Sent with the other tenant's token. */
  foreign: boolean;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

interface Base {
  op: Operation;
  /** The path with tenant A's ids, and the query every call needs. */
  path: string;
  query: URLSearchParams;
  /** A's ids in the path, by parameter name. */
  pathIds: Record<string, string>;
  json?: { schema: JsonSchema; body: Record<string, unknown> };
  /** For the CSV import and the evidence upload. */
  raw?: { body: string | Uint8Array; type: string };
  ifMatch: boolean;
  idempotent: boolean;
  readOnly: boolean;
}

const ID = /^[a-z]{2,5}_[0-9a-f]{32}$/;

function missingLike(id: string): string {
  const prefix = id.includes('_') ? id.slice(0, id.indexOf('_') + 1) : '';
  return `${prefix}${'0'.repeat(32)}`;
}

/** Valid values by field name, from tenant A, so only the mutated part is wrong. */
const FIXTURES: Fixtures = {
  parent_id: () => a.units.town.id,
  org_unit_id: () => a.units.village.id,
  client_id: () => a.clients.readerClient.id,
  client_secret: () => a.clients.readerClient.secret,
  tenant: () => a.slug,
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
  version: () => undefined,
  effective_from: () => '2024-01-01',
  parent: () => ({ key: 'gz.full-employment', version: '2024.1' }),
  overrides: () => ({ title: { zh: '样', en: 'x' } }),
  title: () => ({ zh: '样', en: 'x' }),
  issuer: () => ({ zh: '样', en: 'x' }),
  submission_id: () => ac.publicised.id,
  pack_key: () => 'gz.full-employment',
  pack_version: () => '2024.1',
  period_start: () => '2023-10-01',
  period_end: () => '2024-09-30',
  effective_date: () => '2025-01-01',
  milestone_id: () => ac.reportMilestoneId,
  inputs: () => gzFullEmploymentInputs('甲村', 'village', 0.8),
  pack: () => findBuiltInPack('gz.full-employment@2024.1'),
  recurrence: () => ({
    weekday: 4,
    time: '16:00',
    timezone: 'Asia/Shanghai',
    starts: '2024-07-01',
    until: '2024-11-30',
  }),
};

function pathIdsFor(op: Operation): Record<string, string> {
  const ids: Record<string, string> = {
    unitId: a.units.siblingVillage.id,
    userId: a.people.viewer.id,
    clientId: a.clients.writerClient.id,
    invitationId: a.invitationId,
    key: aDraft.key,
    version: aDraft.version,
    pinId: 'pin_00000000000000000000000000000000',
    cycleId: ac.cycleId,
    submissionId: ac.draft.id,
    milestoneId: ac.milestoneId,
    evidenceId: ac.draft.evidenceId,
    objectionId: ac.publicised.objectionId,
    stage: 'self',
    token: ac.publicToken,
    snapshotId: aScored.snapshotId,
    runId: aScored.runId,
    deadLetterId: aScored.deadLetterId,
  };
  const out: Record<string, string> = {};
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const id = ids[p.name];
    if (!id) throw new Error(`${op.key}: add a path fixture for "${p.name}" in ${import.meta.url}`);
    out[p.name] = id;
  }
  return out;
}

/** The other tenant's object of the same kind, where one exists. */
function foreignIdFor(name: string): string | undefined {
  const ids: Record<string, string> = {
    unitId: b.units.village.id,
    userId: b.people.viewer.id,
    clientId: b.clients.readerClient.id,
    invitationId: b.invitationId,
    cycleId: bc.cycleId,
    submissionId: bc.draft.id,
    milestoneId: bc.milestoneId,
    evidenceId: bc.draft.evidenceId,
    objectionId: bc.publicised.objectionId,
    snapshotId: bSnapshotId,
  };
  return ids[name];
}

/** B's id with the same prefix as one of A's (for ids that travel in bodies and queries). */
function foreignIdLike(id: string): string {
  const prefix = id.slice(0, id.indexOf('_') + 1);
  const candidates = [
    ...Object.values(b.units).map((u) => u.id),
    ...Object.values(b.people).map((p) => p.id),
    ...Object.values(b.clients).map((c) => c.id),
    bc.cycleId,
    bc.draft.id,
    bc.publicised.id,
    bc.milestoneId,
    bc.draft.evidenceId,
  ];
  return candidates.find((c) => c.startsWith(prefix)) ?? missingLike(id);
}

const REQUIRED_QUERY: Record<string, () => string> = {
  cycle_id: () => ac.cycleId,
  to: () => 'gz.full-employment@2024.1',
};

function baseFor(op: Operation): Base {
  const pathIds = pathIdsFor(op);
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => pathIds[name]!);
  const query = new URLSearchParams();
  for (const p of op.params.filter((x) => x.in === 'query' && x.required)) {
    const value = REQUIRED_QUERY[p.name];
    if (!value) throw new Error(`${op.key}: add a required query fixture for "${p.name}"`);
    query.set(p.name, value());
  }
  const headers = op.params.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
  const jsonBody = op.body.find((x) => x.type === 'application/json');
  const base: Base = {
    op,
    path,
    query,
    pathIds,
    ifMatch: headers.includes('if-match'),
    idempotent: headers.includes('idempotency-key'),
    // Exports are reads that leave an audit row (who took the tenant's data), by design.
    readOnly:
      (op.method === 'GET' && !op.path.endsWith('/export')) ||
      op.key.endsWith('/score') ||
      op.key === 'POST /v1/packs/lint' ||
      op.key.endsWith('/lint'),
  };
  if (jsonBody) {
    base.json = { schema: jsonBody.schema, body: sampleObject(jsonBody.schema, FIXTURES, op.key) };
  } else if (op.body.some((x) => x.type === 'text/csv')) {
    base.raw = {
      body: `name,kind,parent\n模糊村,village,${a.units.town.code}\n`,
      type: 'text/csv',
    };
  }
  return base;
}

/** ETags of the objects a route changes: fetched when needed, forgotten after any 2xx write. */
const etags = new Map<string, string | null>();

async function currentEtag(base: Base): Promise<string | null> {
  if (etags.has(base.op.key)) return etags.get(base.op.key)!;
  const segments = base.path.split('/');
  let found: string | null = null;
  for (let n = segments.length; n > 2 && !found; n--) {
    const res = await call(segments.slice(0, n).join('/'), { token: a.tokens.admin });
    await res.text();
    if (res.status === 200) found = res.headers.get('etag');
  }
  etags.set(base.op.key, found);
  return found;
}

const tokenOf = (who: Who): string =>
  who === 'foreignAdmin' ? b.tokens.admin : a.tokens[who as keyof TestTenant['tokens']];

/** The request as the base describes it, with overrides. */
async function build(
  base: Base,
  family: ResilienceFamily,
  what: string,
  mustRefuse: boolean,
  change: {
    who?: Who | 'none';
    authorization?: string;
    path?: string;
    query?: URLSearchParams | string;
    headers?: Record<string, string | undefined>;
    body?: string | Uint8Array;
    contentType?: string;
  } = {},
): Promise<Attempt> {
  const who = change.who ?? 'admin';
  const headers: Record<string, string> = {};
  if (change.authorization !== undefined) headers.authorization = change.authorization;
  else if (!base.op.public && who !== 'none') headers.authorization = `Bearer ${tokenOf(who)}`;
  if (base.ifMatch) headers['if-match'] = (await currentEtag(base)) ?? '"1"';
  let body: string | Uint8Array | undefined = change.body;
  let contentType = change.contentType;
  if (body === undefined && base.json) {
    body = JSON.stringify(base.json.body);
    contentType ??= 'application/json';
  } else if (body === undefined && base.raw) {
    body = base.raw.body;
    contentType ??= base.raw.type;
  }
  if (body !== undefined && contentType) headers['content-type'] = contentType;
  for (const [k, v] of Object.entries(change.headers ?? {})) {
    if (v === undefined) delete headers[k];
    else headers[k] = v;
  }
  const query = change.query ?? base.query;
  const q = typeof query === 'string' ? query : query.toString();
  return {
    family,
    what,
    mustRefuse,
    foreign: who === 'foreignAdmin',
    method: base.op.method,
    url: `${change.path ?? base.path}${q ? `?${q}` : ''}`,
    headers,
    body,
  };
}

type Gen = fc.Arbitrary<(base: Base) => Promise<Attempt>>;

const OAUTH = 'POST /v1/oauth/token';

/** Tokens, for every route that needs one. */
function tokenAttempts(): Gen {
  return fc.constantFrom(...badTokens).map(
    (t) => (base: Base) =>
      build(base, 'tokens', `token: ${t.what}`, true, {
        authorization: t.header ?? '',
        who: 'none',
      }),
  );
}

/** Another tenant's objects and tokens, missing and malformed ids, other roles. */
function authzAttempts(base: Base): Gen[] {
  const gens: Gen[] = [];
  const names = Object.keys(base.pathIds);
  if (names.length > 0) {
    const replacements = fc.constantFrom(...names).chain((name) => {
      const id = base.pathIds[name]!;
      const options = [
        ...(foreignIdFor(name) ? [['the other tenant’s', foreignIdFor(name)!]] : []),
        ['a missing', missingLike(id)],
        ['a malformed', encodeURIComponent('../x')],
        ['a malformed', encodeURIComponent("' OR 1=1 --")],
        ['a malformed', encodeURIComponent('\u202E\u0000')],
        ['an overlong', 'x'.repeat(400)],
        ['a full-width', encodeURIComponent('ｏｒｇ＿１')],
      ] as [string, string][];
      return fc.constantFrom(...options).map(([kind, value]) => ({ name, kind, value }));
    });
    gens.push(
      replacements.map(({ name, kind, value }) => (b2: Base) => {
        const path = b2.op.path.replace(/\{(\w+)\}/g, (_, n: string) =>
          n === name ? value : b2.pathIds[n]!,
        );
        // A public link's token that was never issued reads like a missing one: 404 too.
        return build(b2, 'authz', `${kind} ${name} in the path`, true, { path });
      }),
    );
  }
  if (!base.op.public) {
    // B's admin with A's ids: refused when an id is in the path, or in the body of a write.
    const bodyIds = /_[0-9a-f]{32}/.test(JSON.stringify(base.json?.body ?? {}));
    const refuse = names.length > 0 || (bodyIds && !base.readOnly);
    gens.push(
      fc.constant((b2: Base) =>
        build(b2, 'authz', 'the other tenant’s admin token', refuse, { who: 'foreignAdmin' }),
      ),
      fc
        .constantFrom<Who>('reviewer', 'reporter', 'viewer', 'readerClient', 'writerClient')
        .map((who) => (b2: Base) => build(b2, 'authz', `as ${who}`, false, { who })),
    );
  }
  const json = base.json;
  if (json && !base.op.public) {
    const text = JSON.stringify(json.body);
    const ids = [...new Set(text.match(/[a-z]{2,5}_[0-9a-f]{32}/g) ?? [])].filter((i) =>
      ID.test(i),
    );
    if (ids.length > 0) {
      gens.push(
        fc.constantFrom(...ids).chain((id) =>
          fc.constantFrom(foreignIdLike(id), missingLike(id)).map(
            (other) => (b2: Base) =>
              build(b2, 'authz', `body id ${id.slice(0, 4)}… → ${other.slice(0, 8)}…`, true, {
                body: JSON.stringify(b2.json!.body).replace(id, other),
                contentType: 'application/json',
              }),
          ),
        ),
      );
    }
  }
  return gens;
}

/** Whether a raw JSON value fits a schema's types (loosely: the generator aims for misfits). */
function jsonType(raw: string): string {
  const v = JSON.parse(raw) as unknown;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function misfits(schema: JsonSchema, raw: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return true;
  }
  if (typeof parsed === 'number' && !Number.isFinite(parsed)) return true;
  const allowed = typesOf(schema);
  if (allowed.length === 0) return false;
  const t = jsonType(raw);
  return !(allowed.includes(t) || (t === 'integer' && allowed.includes('number')));
}

/** Bodies wrong in shape or size. */
function shapeAttempts(base: Base): Gen[] {
  const gens: Gen[] = [];
  const json = base.json;
  const oauth = base.op.key === OAUTH;
  if (!json) {
    if (base.raw || base.op.method === 'GET') return gens;
    // A route that takes no body, sent one it cannot take.
    gens.push(
      fc
        .constantFrom('text/plain', 'application/xml')
        .map(
          (type) => (b2: Base) =>
            build(b2, 'shapes', `a ${type} body`, true, { body: 'junk', contentType: type }),
        ),
    );
    return gens;
  }
  const all = fields(json.schema);
  const text = () => JSON.stringify(json.body);
  if (all.length > 0) {
    const field = fc.constantFrom(...all);
    gens.push(
      fc.tuple(field, anyJsonValue).map(([f, raw]) => (b2: Base) => {
        const bad = misfits(f.schema, raw);
        return build(b2, 'shapes', `${f.path.join('.')} = ${raw}`, bad, {
          body: setRaw(json.body, f.path, raw),
        });
      }),
      fc.tuple(field, fc.boolean()).map(
        ([f, objects]) =>
          (b2: Base) =>
            build(b2, 'shapes', `${f.path.join('.')} 100 deep`, true, {
              body: setRaw(json.body, f.path, deepJson(100, objects)),
            }),
      ),
      field.map(
        (f) => (b2: Base) =>
          build(b2, 'shapes', `${f.path.join('.')} a 10,000-element array`, true, {
            body: setRaw(json.body, f.path, HUGE_ARRAY),
          }),
      ),
      fc.tuple(field, edgeString).map(([f, s]) => (b2: Base) => {
        const fitsString = typesOf(f.schema).includes('string');
        return build(
          b2,
          'shapes',
          `${f.path.join('.')} = ${JSON.stringify(s).slice(0, 40)}`,
          !fitsString,
          {
            body: setRaw(json.body, f.path, JSON.stringify(s)),
          },
        );
      }),
    );
    const top = all.filter((f) => f.path.length === 1);
    if (top.length > 0) {
      gens.push(
        fc
          .tuple(fc.constantFrom(...top), anyJsonValue, fc.boolean())
          .map(([f, raw, badLast]) => (b2: Base) => {
            const good = JSON.stringify(json.body[f.path[0]!] ?? null);
            const bad = misfits(f.schema, raw);
            const last = badLast ? raw : good;
            const first = badLast ? good : raw;
            const body = withField(setRaw(json.body, f.path, first), f.path[0]!, last);
            return build(
              b2,
              'shapes',
              `duplicate key ${f.path[0]} (${first} then ${last})`,
              badLast && bad,
              {
                body,
              },
            );
          }),
      );
    }
  }
  if (!oauth) {
    gens.push(
      fc.constantFrom(...FORBIDDEN_FIELDS).map(
        ([field, raw]) =>
          (b2: Base) =>
            build(b2, 'shapes', `forbidden field ${field}`, true, {
              body: withField(text(), field, raw),
            }),
      ),
    );
  }
  gens.push(
    fc
      .constantFrom('[]', '"x"', '1', 'null', 'true', '[{}]')
      .map((raw) => (b2: Base) => build(b2, 'shapes', `body ${raw}`, true, { body: raw })),
    fc.integer({ min: 1, max: 1_000 }).map((cut) => (b2: Base) => {
      const full = text();
      return build(b2, 'shapes', `truncated at ${cut % full.length || 1}`, true, {
        body: full.slice(0, cut % full.length || 1),
      });
    }),
    fc
      .constantFrom('', '   ')
      .map((empty) => (b2: Base) => build(b2, 'shapes', 'an empty body', true, { body: empty })),
    fc
      .constantFrom(
        'text/plain',
        'application/xml',
        'text/csv',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
      )
      .map(
        (type) => (b2: Base) =>
          build(b2, 'shapes', `content type ${type}`, true, {
            contentType: type,
          }),
      ),
    fc.constant((b2: Base) =>
      build(b2, 'shapes', 'bytes that are not UTF-8', false, { body: invalidUtf8(text()) }),
    ),
    fc.constant((b2: Base) =>
      build(b2, 'shapes', 'a body over 64 KB', b2.op.key !== 'POST /v1/packs/lint', {
        body: withField(text(), 'padding', JSON.stringify('填'.repeat(70_000))),
      }),
    ),
  );
  return gens;
}

/** Numbers, dates and enums at and beyond their edges. */
function domainAttempts(base: Base): Gen[] {
  const gens: Gen[] = [];
  const json = base.json;
  if (!json) return gens;
  const all = fields(json.schema);
  const numeric = all.filter((f) =>
    typesOf(f.schema).some((t) => t === 'integer' || t === 'number'),
  );
  if (numeric.length > 0) {
    gens.push(
      fc
        .tuple(fc.constantFrom(...numeric), fc.constantFrom(...EDGE_NUMBERS))
        .map(([f, raw]) => (b2: Base) => {
          const s = resolve(f.schema) as JsonSchema & { maximum?: number };
          const value = (() => {
            try {
              return JSON.parse(raw) as unknown;
            } catch {
              return undefined;
            }
          })();
          const outOfRange =
            typeof value === 'number' &&
            ((s.minimum !== undefined && value < s.minimum) ||
              (s.maximum !== undefined && value > s.maximum) ||
              (typesOf(s).includes('integer') &&
                !typesOf(s).includes('number') &&
                !Number.isInteger(value)));
          return build(
            b2,
            'domain',
            `${f.path.join('.')} = ${raw}`,
            misfits(s, raw) || outOfRange,
            {
              body: setRaw(json.body, f.path, raw),
            },
          );
        }),
    );
  }
  const enums = all.filter((f) => resolve(f.schema).enum);
  if (enums.length > 0) {
    gens.push(
      fc
        .tuple(
          fc.constantFrom(...enums),
          fc.constantFrom('"maybe"', '""', '"ADMIN"', '"published "', '"草稿"'),
        )
        .map(
          ([f, raw]) =>
            (b2: Base) =>
              build(
                b2,
                'domain',
                `${f.path.join('.')} = ${raw}`,
                !resolve(f.schema).enum!.includes(JSON.parse(raw)),
                {
                  body: setRaw(json.body, f.path, raw),
                },
              ),
        ),
    );
  }
  const dates = all.filter((f) => {
    const s = resolve(f.schema);
    return (
      s.format === 'date' ||
      s.format === 'date-time' ||
      /(_at|_start|_end|_date|_from|since|until|starts)$/.test(f.path.at(-1)!)
    );
  });
  if (dates.length > 0) {
    gens.push(
      fc
        .tuple(
          fc.constantFrom(...dates),
          fc.constantFrom(
            '"2023-02-30"',
            '"2024-13-01"',
            '"0000-00-00"',
            '"9999-99-99T99:99:99Z"',
            '"yesterday"',
            '"2024-07-01T16:00:00+25:00"',
            '"２０２４-０１-０１"',
          ),
        )
        .map(
          ([f, raw]) =>
            (b2: Base) =>
              build(b2, 'domain', `${f.path.join('.')} = ${raw}`, true, {
                body: setRaw(json.body, f.path, raw),
              }),
        ),
    );
  }
  if (json.body.inputs && typeof json.body.inputs === 'object') {
    // The pack's own inputs: counts and yes/no answers with values no ledger has.
    const inputs = json.body.inputs as Record<string, unknown>;
    const keys = Object.keys(inputs);
    gens.push(
      fc
        .tuple(
          fc.constantFrom(...keys),
          fc.constantFrom(
            '-1',
            '1e309',
            '"85"',
            '"８５"',
            '"NaN"',
            '"maybe"',
            '1.5',
            '9007199254740993',
            '[]',
            '{}',
          ),
        )
        .map(([key, raw]) => (b2: Base) => {
          // Yes/no answers take nothing but true and false; counts no strings, no infinities,
          // nothing negative. 1.5 and 2^53+1 are left to the pack (some inputs are numbers).
          const bool = typeof inputs[key] === 'boolean';
          const refuse = bool || !['1.5', '9007199254740993'].includes(raw);
          return build(b2, 'domain', `inputs.${key} = ${raw}`, refuse, {
            body: setRaw(json.body, ['inputs', key], raw),
          });
        }),
      fc.constant((b2: Base) =>
        build(b2, 'domain', 'an input the pack does not have', true, {
          body: setRaw(json.body, ['inputs', '不存在的指标'], '1'),
        }),
      ),
    );
  }
  return gens;
}

/** Query strings: bad values for each parameter, repeated and unknown parameters. */
function limitAttempts(base: Base): Gen[] {
  const gens: Gen[] = [];
  const params = base.op.params.filter((p) => p.in === 'query');
  if (params.length === 0) {
    if (base.op.method !== 'GET') return gens;
    gens.push(
      fc
        .constantFrom('tenant_id=x', 'limit=100000', '__proto__[role]=admin')
        .map(
          (q) => (b2: Base) =>
            build(b2, 'limits', `?${q} where no query is taken`, false, { query: q }),
        ),
    );
    return gens;
  }
  gens.push(
    fc
      .tuple(fc.constantFrom(...params), fc.constantFrom(...EDGE_QUERY))
      .map(([p, value]) => (b2: Base) => {
        const s = resolve(p.schema);
        const query = new URLSearchParams(b2.query);
        query.set(p.name, value);
        const integer = typesOf(s).includes('integer');
        // What the bad-input walker asserts too: integers in range, enum members, lengths, and
        // cursors in their alphabet. 100000 must be clamped or refused, either will do.
        const bad =
          (integer && value !== '' && value !== '100000' && !/^[1-9]\d{0,2}$/.test(value)) ||
          (s.enum !== undefined && !s.enum.includes(value)) ||
          (s.maxLength !== undefined && value.length > s.maxLength) ||
          (p.name === 'cursor' && value !== '' && !/^[A-Za-z0-9_-]+$/.test(value));
        return build(b2, 'limits', `?${p.name}=${value.slice(0, 30)}`, bad, { query });
      }),
    fc.constantFrom(...params).map((p) => (b2: Base) => {
      const query = `${b2.query.toString()}&${p.name}=1&${p.name}=2`.replace(/^&/, '');
      return build(b2, 'limits', `?${p.name} twice`, false, { query });
    }),
    fc
      .constantFrom(
        'tenant_id=tn_00000000000000000000000000000000',
        'role=admin',
        '__proto__=x',
        'constructor[prototype]=1',
      )
      .map(
        (q) => (b2: Base) =>
          build(b2, 'limits', `unknown query ${q}`, true, {
            query: `${b2.query.toString()}&${q}`.replace(/^&/, ''),
          }),
      ),
  );
  const idParams = params.filter((p) => p.name.endsWith('_id') || p.name === 'root');
  if (idParams.length > 0) {
    gens.push(
      fc.constantFrom(...idParams).map((p) => (b2: Base) => {
        const query = new URLSearchParams(b2.query);
        const foreign =
          p.name === 'cycle_id'
            ? bc.cycleId
            : p.name === 'milestone_id'
              ? bc.milestoneId
              : b.units.village.id;
        query.set(p.name, foreign);
        return build(b2, 'authz', `?${p.name}= the other tenant’s`, false, { query });
      }),
    );
  }
  return gens;
}

/** If-Match and Idempotency-Key, missing, stale and malformed. */
function concurrencyAttempts(base: Base): Gen[] {
  const gens: Gen[] = [];
  if (base.ifMatch) {
    gens.push(
      fc
        .constantFrom<[string, string | undefined, boolean]>(
          ['missing If-Match', undefined, true],
          ['stale If-Match', '"0"', true],
          ['future If-Match', '"999999"', true],
          ['malformed If-Match', 'abc', true],
          ['two ETags', '"1", "2"', false],
          ['weak ETag', 'W/"0"', true],
          ['empty If-Match', '', true],
          ['If-Match *', '*', false],
        )
        .map(
          ([what, value, refuse]) =>
            (b2: Base) =>
              build(b2, 'concurrency', what, refuse, { headers: { 'if-match': value } }),
        ),
    );
  }
  if (base.idempotent) {
    gens.push(
      fc
        .constantFrom(
          'short',
          'x'.repeat(300),
          '密钥密钥密钥密钥',
          'a b c d e f g h',
          '\t'.repeat(8),
        )
        .map(
          (key) => (b2: Base) =>
            build(b2, 'concurrency', `Idempotency-Key ${JSON.stringify(key.slice(0, 12))}`, true, {
              headers: { 'idempotency-key': encodeHeader(key) },
            }),
        ),
    );
  }
  return gens;
}

/** Header values must be ByteStrings: non-Latin-1 text is sent as its UTF-8 bytes. */
function encodeHeader(value: string): string {
  return String.fromCharCode(...new TextEncoder().encode(value)).replace(/[\r\n]/g, '?');
}

/** The OAuth token endpoint: secrets wrong in each way a leaked or guessed one can be. */
function secretAttempts(): Gen {
  const cases: [string, Record<string, string>, Record<string, string | undefined>][] = [
    [
      'wrong prefix',
      {
        client_id: a.clients.readerClient.id,
        client_secret: a.clients.readerClient.secret.replace('kps_', 'kpx_'),
      },
      {},
    ],
    [
      'right id, wrong secret',
      { client_id: a.clients.readerClient.id, client_secret: `kps_${'A'.repeat(43)}` },
      {},
    ],
    [
      'another client’s secret',
      { client_id: a.clients.readerClient.id, client_secret: a.clients.writerClient.secret },
      {},
    ],
    [
      'the other tenant’s client with this secret',
      { client_id: b.clients.readerClient.id, client_secret: a.clients.readerClient.secret },
      {},
    ],
    ['a revoked client', { client_id: revokedClient.id, client_secret: revokedClient.secret }, {}],
    [
      'a missing client',
      {
        client_id: missingLike(a.clients.readerClient.id),
        client_secret: a.clients.readerClient.secret,
      },
      {},
    ],
    ['an empty secret', { client_id: a.clients.readerClient.id, client_secret: '' }, {}],
    [
      'a scope the client lacks',
      {
        client_id: a.clients.readerClient.id,
        client_secret: a.clients.readerClient.secret,
        scope: 'submissions:write',
      },
      {},
    ],
    [
      'a 16 KB secret',
      { client_id: a.clients.readerClient.id, client_secret: `kps_${'A'.repeat(16_384)}` },
      {},
    ],
    [
      'Basic with a wrong secret',
      {},
      { authorization: `Basic ${btoa(`${a.clients.readerClient.id}:kps_${'B'.repeat(43)}`)}` },
    ],
    ['Basic that is not base64', {}, { authorization: 'Basic %%%' }],
    [
      'Basic and body both',
      { client_id: a.clients.readerClient.id, client_secret: a.clients.readerClient.secret },
      {
        authorization: `Basic ${btoa(`${b.clients.readerClient.id}:${b.clients.readerClient.secret}`)}`,
      },
    ],
  ];
  return fc
    .tuple(fc.constantFrom(...cases), fc.boolean())
    .map(([[what, fieldsOf, headers], form]) => (b2: Base) => {
      const body = { grant_type: 'client_credentials', ...fieldsOf };
      return build(b2, 'secrets', `${what} (${form ? 'form' : 'JSON'})`, true, {
        body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
        contentType: form ? 'application/x-www-form-urlencoded' : 'application/json',
        headers,
      });
    });
}

/** Evidence uploads of files that must be refused. */
function evidenceAttempts(): Gen {
  return fc.oneof(
    fc.constantFrom(...BAD_FILES).map((file) => async (b2: Base) => {
      const form = new FormData();
      form.append('file', new File([file.bytes], file.name, { type: file.type }));
      form.append('item_id', '一.1');
      const m = await multipart(form);
      return build(b2, 'evidence', `file ${JSON.stringify(file.name.slice(0, 30))}`, true, {
        body: m.bytes,
        contentType: m.type,
      });
    }),
    fc
      .constantFrom('no file part', 'item_id too long', 'an item the pack lacks')
      .map((what) => async (b2: Base) => {
        const form = new FormData();
        if (what !== 'no file part')
          form.append('file', new File([pdfBytes('x')], '台账.pdf', { type: 'application/pdf' }));
        form.append(
          'item_id',
          what === 'item_id too long'
            ? 'x'.repeat(41)
            : what === 'an item the pack lacks'
              ? '九.9'
              : '一.1',
        );
        const m = await multipart(form);
        return build(b2, 'evidence', what, true, { body: m.bytes, contentType: m.type });
      }),
  );
}

/** Org-unit CSV files that must be refused. */
function csvAttempts(): Gen {
  const cell = fc.string({ maxLength: 12 }).map((s) => s.replaceAll('"', ''));
  const town = () => a.units.town.code!;
  return fc.oneof(
    fc
      .string({ maxLength: 300 })
      .map(
        (text) => (b2: Base) =>
          build(b2, 'imports', 'CSV: random text', true, { body: `x${text}` }),
      ),
    fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 6 }).map(
      (rows) => (b2: Base) =>
        build(b2, 'imports', 'CSV: random rows', true, {
          body: `name,kind,parent\n${rows.map((r) => `${r[0]},bad-kind-${r[1]},${r[2]}`).join('\n')}`,
        }),
    ),
    fc
      .constantFrom(
        'name,kind\n甲村,village',
        'name,kind,parent,parent\n甲村,village,x,y',
        '\uFEFF名称,类型,上级\n甲\u202E村,村,',
        'name,kind,parent\n"unterminated,village,x',
        'name,kind,parent\n甲村,village,000000000000',
      )
      .map(
        (csv) => (b2: Base) =>
          build(b2, 'imports', `CSV: ${csv.split('\n')[1]?.slice(0, 20)}`, true, { body: csv }),
      ),
    fc.constant((b2: Base) =>
      build(b2, 'imports', 'CSV: GBK bytes', true, {
        body: new Uint8Array([
          0x6e,
          0x61,
          0x6d,
          0x65,
          0x2c,
          0x6b,
          0x69,
          0x6e,
          0x64,
          0x2c,
          0x70,
          0x61,
          0x72,
          0x65,
          0x6e,
          0x74,
          0x0a,
          0xbc,
          0xd7,
          0xb4,
          0xe5,
          0x2c,
          0x76,
          0x69,
          0x6c,
          0x6c,
          0x61,
          0x67,
          0x65,
          0x2c,
          ...new TextEncoder().encode(town()),
        ]),
      }),
    ),
  );
}

/** Pack files damaged in one place, to the stateless linter. */
function packAttempts(): Gen {
  const pack = findBuiltInPack('gz.full-employment@2024.1') as unknown as Record<string, unknown>;
  const keys = Object.keys(pack);
  return fc
    .tuple(
      fc.constantFrom(...keys),
      fc.oneof(anyJsonValue, fc.constantFrom(deepJson(100, true), HUGE_ARRAY, '"\u0000"', 'null')),
      fc.boolean(),
    )
    .map(([key, raw, drop]) => (b2: Base) => {
      const damaged = structuredClone(pack);
      delete damaged[key];
      const body = drop
        ? JSON.stringify({ pack: damaged })
        : `{"pack":${setRaw(pack, [key], raw)}}`;
      return build(b2, 'imports', `pack ${drop ? 'without' : 'with bad'} ${key}`, false, { body });
    });
}

function attemptsFor(base: Base): Gen {
  const key = base.op.key;
  const gens: Gen[] = [];
  if (!base.op.public) gens.push(tokenAttempts());
  gens.push(...authzAttempts(base));
  if (key === OAUTH) gens.push(secretAttempts(), secretAttempts());
  if (key === 'POST /v1/submissions/{submissionId}/evidence')
    gens.push(evidenceAttempts(), evidenceAttempts());
  if (key === 'POST /v1/org-units/import') gens.push(csvAttempts(), csvAttempts());
  if (key === 'POST /v1/packs/lint') gens.push(packAttempts(), packAttempts());
  gens.push(
    ...shapeAttempts(base),
    ...domainAttempts(base),
    ...limitAttempts(base),
    ...concurrencyAttempts(base),
  );
  if (gens.length === 0) throw new Error(`${key}: nothing to try`);
  return fc.oneof(...gens);
}

/** Strings of one tenant that must not show in answers to the other. */
function secretsOf(t: TestTenant, c: TestCampaign): string[] {
  return [
    t.marker,
    t.id,
    ...Object.values(t.units).map((u) => u.id),
    ...Object.values(t.people).flatMap((p) => [p.id, p.email]),
    ...Object.values(t.clients).map((x) => x.id),
    t.invitationId,
    c.cycleId,
    c.draft.id,
    c.draft.evidenceId,
    c.publicised.id,
    c.publicised.objectionId,
  ];
}

interface Tally {
  tried: number;
  fiveXX: number;
  stateChanges: number;
  foreignIds: number;
}

let changes: ChangeWatch;
/** The change counters as the last request left them. */
let counted = '';

async function tryAttempt(
  attempt: Attempt,
  base: Base,
  tally: Map<ResilienceFamily, Tally>,
  failures: string[],
): Promise<'accepted write' | 'accepted foreign write' | 'no write'> {
  const t = tally.get(attempt.family) ?? { tried: 0, fiveXX: 0, stateChanges: 0, foreignIds: 0 };
  tally.set(attempt.family, t);
  t.tried += 1;
  const res = await call(attempt.url, {
    method: attempt.method,
    headers: attempt.headers,
    body: attempt.body,
    ip: freshIp(),
  });
  // Decoded by hand: files and spreadsheets are answers too, and res.text() warns on them.
  const text = new TextDecoder().decode(await res.arrayBuffer());
  const label = `${base.op.key} [${attempt.family}: ${attempt.what}] → ${res.status} ${text.slice(0, 160)}`;
  if (res.status >= 500) {
    t.fiveXX += 1;
    failures.push(label);
  }
  const refused = res.status >= 400;
  if (attempt.mustRefuse && !refused) failures.push(`accepted: ${label}`);
  if (refused) {
    const type = res.headers.get('content-type') ?? '';
    if (base.op.key === OAUTH && type.startsWith('application/json')) {
      if (!/"error"/.test(text)) failures.push(`not an OAuth error: ${label}`);
    } else if (!type.includes('application/problem+json')) {
      failures.push(`not problem+json (${type}): ${label}`);
    } else {
      const p = JSON.parse(text) as { type?: string; status?: number; title_zh?: string };
      if (!p.type || p.status !== res.status || !p.title_zh) failures.push(`bad problem: ${label}`);
    }
  }
  const sent = `${attempt.url} ${typeof attempt.body === 'string' ? attempt.body : ''} ${JSON.stringify(attempt.headers)}`;
  const other = attempt.foreign ? secretsOf(a, ac) : secretsOf(b, bc);
  for (const s of other) {
    if (!sent.includes(s) && text.includes(s)) {
      t.foreignIds += 1;
      failures.push(`leaks ${s}: ${label}`);
    }
  }
  // Any row of any tenant inserted, updated or deleted (trigger counters, per tenant and '*').
  const after = await changes.read();
  if ((refused || base.readOnly) && after !== counted) {
    t.stateChanges += 1;
    failures.push(`changed the database (${counted} → ${after}): ${label}`);
  }
  counted = after;
  if (refused || base.readOnly) return 'no write';
  etags.clear();
  return attempt.foreign ? 'accepted foreign write' : 'accepted write';
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
  [ac, bc] = await Promise.all([createTestCampaign(a), createTestCampaign(b)]);
  aScored = await scoredFixtures(a.tokens.admin, ac.cycleId);
  const bSnapshot = await env.DB.prepare(
    'SELECT id FROM score_snapshots WHERE tenant_id = ? LIMIT 1',
  )
    .bind(b.id)
    .first<{ id: string }>();
  bSnapshotId = bSnapshot?.id ?? 'snp_00000000000000000000000000000000';
  aDraft = await createTailoredPack(a, { publish: false });
  const revoked = await callJson<{ id: string; client_secret: string }>('/v1/clients', {
    token: a.tokens.admin,
    body: { name: '已吊销客户端', scopes: ['scores:read'] },
  });
  await callJson(`/v1/clients/${revoked.id}`, {
    method: 'DELETE',
    token: a.tokens.admin,
    expect: 204,
  });
  revokedClient = { id: revoked.id, secret: revoked.client_secret };
  const removed = await invitePerson(a, { role: 'viewer' });
  await callJson(`/v1/people/${removed.id}`, {
    method: 'DELETE',
    token: a.tokens.admin,
    headers: { 'if-match': await etagOf(`/v1/people/${removed.id}`, a.tokens.admin) },
    expect: 204,
  });
  const now = Date.now();
  const user = { kind: 'user' as const, tenantId: a.id, userId: a.people.admin.id };
  const real = a.tokens.admin;
  const [h, p, s] = real.split('.') as [string, string, string];
  const claims = JSON.parse(atob(p.replace(/-/g, '+').replace(/_/g, '/'))) as Record<
    string,
    unknown
  >;
  const b64 = (v: unknown) =>
    btoa(JSON.stringify(v)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const header = JSON.parse(atob(h.replace(/-/g, '+').replace(/_/g, '/'))) as Record<
    string,
    unknown
  >;
  badTokens = [
    { what: 'none', header: undefined },
    { what: 'empty Bearer', header: 'Bearer ' },
    { what: 'not a JWT', header: 'Bearer x.y.z' },
    { what: '16 KB', header: `Bearer ${'A'.repeat(16_384)}` },
    { what: 'Basic scheme', header: `Basic ${btoa('admin:password')}` },
    { what: 'alg none', header: `Bearer ${b64({ ...header, alg: 'none' })}.${p}.` },
    { what: 'tid edited', header: `Bearer ${h}.${b64({ ...claims, tid: b.id })}.${s}` },
    { what: 'broken base64url', header: `Bearer ${h}.${p}.${s.slice(0, -4)}*!*!` },
    { what: 'truncated', header: `Bearer ${real.slice(0, real.length - 20)}` },
    {
      what: 'expired',
      header: `Bearer ${(await signAccessToken(env, user, new Date(now - 2 * 3600_000))).token}`,
    },
    {
      what: 'from the future',
      header: `Bearer ${(await signAccessToken(env, user, new Date(now + 10 * 60_000))).token}`,
    },
    { what: 'a client secret', header: `Bearer ${a.clients.readerClient.secret}` },
    { what: 'a refresh-token shape', header: `Bearer kpr_${'Q'.repeat(43)}` },
    { what: 'a removed person’s', header: `Bearer ${removed.token}` },
    { what: 'a revoked client’s secret', header: `Bearer ${revoked.client_secret}` },
  ];
  changes = await ChangeWatch.install();
  await changes.watch(a.id);
  await changes.watch(b.id);
  counted = await changes.read();
}, 180_000);

describe('fuzzing every route of the OpenAPI document', { timeout: 120_000 }, () => {
  const ops = operations();
  const perOperation = Math.ceil(FUZZ_REQUESTS / ops.length);

  it.for(ops.map((op, i) => [op.key, op, i] as const))('%s', async ([, op, index], { task }) => {
    const base = baseFor(op);
    const tally = new Map<ResilienceFamily, Tally>();
    const failures: string[] = [];
    const [before, beforeB] = [await tenantFingerprint(a.id), await tenantFingerprint(b.id)];
    counted = await changes.read();
    const writes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(attemptsFor(base), async (make) => {
        writes.add(await tryAttempt(await make(base), base, tally, failures));
      }),
      { numRuns: perOperation, seed: FUZZ_SEED + index },
    );
    for (const [family, t] of tally) {
      const entry: ResilienceRecord = { family, ...t };
      record(task, entry);
    }
    // And the net state, row by row: unchanged unless some request was accepted.
    if (!writes.has('accepted write') && (await tenantFingerprint(a.id)) !== before) {
      failures.push(`${op.key}: tenant A's rows changed though no write of A's was accepted`);
    }
    if (!writes.has('accepted foreign write') && (await tenantFingerprint(b.id)) !== beforeB) {
      failures.push(`${op.key}: tenant B's rows changed though no write of B's was accepted`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
