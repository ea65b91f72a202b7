import { buildApp, OPENAPI_INFO } from '../src/app.ts';

/**
 * The app's own OpenAPI document, walked: every operation with its
 * parameters and body schema. The isolation, role and bad-input tests
 * enumerate routes from here, so a route added later is covered (or fails
 * loudly, asking for a fixture) without anyone editing a list of routes.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  pattern?: string;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /v1/org-units/{unitId}. */
  path: string;
  /** "POST /v1/org-units/{unitId}/move": the key fixture tables use. */
  key: string;
  public: boolean;
  params: Parameter[];
  /** The body's media types and schemas (resolved), if it takes one. */
  body: { type: string; schema: JsonSchema }[];
}

type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, JsonSchema> };
};

export const openApiDocument = buildApp().getOpenAPI31Document(OPENAPI_INFO) as unknown as Doc;

export function resolve(schema: JsonSchema): JsonSchema {
  let s = schema;
  while (s.$ref) {
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = openApiDocument.components.schemas[name];
    if (!target) throw new Error(`unresolved ${s.$ref}`);
    s = target;
  }
  return s;
}

export function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(openApiDocument.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const security = op.security as Record<string, string[]>[] | undefined;
      const isPublic =
        !security || security.length === 0 || security.some((s) => Object.keys(s).length === 0);
      const requestBody = op.requestBody as
        | { content?: Record<string, { schema: JsonSchema }> }
        | undefined;
      const content = requestBody?.content ?? {};
      out.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        public: isPublic,
        params: (op.parameters as Parameter[] | undefined) ?? [],
        body: Object.entries(content).map(([type, c]) => ({ type, schema: resolve(c.schema) })),
      });
    }
  }
  return out;
}

export const typesOf = (s: JsonSchema): string[] => {
  const r = resolve(s);
  if (r.anyOf || r.oneOf) return (r.anyOf ?? r.oneOf)!.flatMap(typesOf);
  return r.type === undefined ? [] : Array.isArray(r.type) ? r.type : [r.type];
};

/** A value for a property: from the fixtures by name, else built from its schema. */
export type Fixtures = Record<string, () => unknown>;

export class MissingFixture extends Error {}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/**
 * Fixtures are by field name, so one name can mean two things (signin's
 * `tenant` is a slug, sign-up's an object): a fixture is used only where its
 * value fits the field's type.
 */
export function sample(
  schema: JsonSchema,
  name: string,
  fixtures: Fixtures,
  where: string,
): unknown {
  const s = resolve(schema);
  const fixture = fixtures[name];
  if (fixture) {
    const value = fixture();
    const types = typesOf(s);
    const t = jsonType(value);
    if (
      value === undefined ||
      types.length === 0 ||
      types.includes(t) ||
      (t === 'integer' && types.includes('number'))
    ) {
      return value;
    }
  }
  const types = typesOf(s).filter((t) => t !== 'null');
  if (s.enum) return s.enum[0];
  if (s.anyOf || s.oneOf) {
    const choice =
      (s.anyOf ?? s.oneOf)!.find((c) => !typesOf(c).includes('null')) ?? (s.anyOf ?? s.oneOf)![0]!;
    return sample(choice, name, fixtures, where);
  }
  switch (types[0]) {
    case 'object':
      return sampleObject(s, fixtures, where);
    case 'array': {
      const item = sample(s.items ?? {}, `${name}[]`, fixtures, where);
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => item);
    }
    case 'string':
      if (s.pattern || s.format) {
        throw new MissingFixture(
          `${where}: body field "${name}" has a pattern or format; add a fixture for it (by field name)`,
        );
      }
      return '样'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      throw new MissingFixture(
        `${where}: cannot build a value for "${name}"; add a fixture for it`,
      );
  }
}

/** Every required property, and every optional one a fixture names (ids travel there). */
export function sampleObject(
  schema: JsonSchema,
  fixtures: Fixtures,
  where: string,
): Record<string, unknown> {
  const s = resolve(schema);
  const out: Record<string, unknown> = {};
  for (const [prop, propSchema] of Object.entries(s.properties ?? {})) {
    if ((s.required ?? []).includes(prop) || fixtures[prop]) {
      const value = sample(propSchema, prop, fixtures, where);
      if (value !== undefined) out[prop] = value;
    }
  }
  return out;
}

/** Every (dotted path, schema, required) of an object schema, nested objects included. */
export function fields(
  schema: JsonSchema,
  prefix: string[] = [],
): { path: string[]; schema: JsonSchema; required: boolean }[] {
  const s = resolve(schema);
  const out: { path: string[]; schema: JsonSchema; required: boolean }[] = [];
  for (const [prop, propSchema] of Object.entries(s.properties ?? {})) {
    const path = [...prefix, prop];
    const resolved = resolve(propSchema);
    out.push({ path, schema: resolved, required: (s.required ?? []).includes(prop) });
    if (typesOf(resolved).includes('object') && resolved.properties)
      out.push(...fields(resolved, path));
  }
  return out;
}
