import { describe, expect, it } from 'vitest';
import { type JsonSchema, openApiDocument, operations, resolve } from './openapi-walk.ts';

/**
 * The document a person reads at /docs: every route says what it does in Chinese and in
 * English, sits under a tag, states its security, and every parameter carries an example (or
 * an enum or default to pick from; cursors are opaque and come from the previous page). The scores API's own routes (issue 6) also give an example
 * of each body they answer with, so an integrator sees a whole answer before calling.
 */

type Op = {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: {
    name: string;
    in: string;
    example?: unknown;
    schema?: JsonSchema & { example?: unknown };
  }[];
  responses: Record<
    string,
    { content?: Record<string, { schema: JsonSchema; example?: unknown }> }
  >;
};

const HAN = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]{3,}/;
const SCORES_TAGS = new Set(['scores', 'rollups', 'runs', 'exports']);

const all = operations().map((op) => {
  const doc = openApiDocument.paths[op.path]![op.method.toLowerCase()] as unknown as Op;
  return [op.key, doc] as const;
});

describe('the OpenAPI document, as people read it', () => {
  it.for(all)('%s: summary in zh and en, a tag, its security, parameter examples', ([, op]) => {
    expect(op.summary, 'summary').toMatch(HAN);
    expect(op.summary, 'summary').toMatch(LATIN);
    expect(op.tags?.length ?? 0, 'tags').toBeGreaterThan(0);
    expect(op.security, 'security').toBeDefined();
    // A cursor is opaque: it comes from the previous page, never written by hand.
    for (const p of (op.parameters ?? []).filter((x) => x.name !== 'cursor')) {
      const schema = p.schema ? resolve(p.schema) : undefined;
      const documented =
        p.example !== undefined ||
        p.schema?.example !== undefined ||
        schema?.enum !== undefined ||
        schema?.default !== undefined;
      expect(documented, `${p.in} parameter ${p.name} has an example`).toBe(true);
    }
  });

  it.for(all.filter(([, op]) => op.tags?.some((t) => SCORES_TAGS.has(t))))(
    '%s: its JSON answers come with an example',
    ([, op]) => {
      for (const [status, response] of Object.entries(op.responses)) {
        const json = response.content?.['application/json'];
        if (!status.startsWith('2') || !json) continue;
        const schema = resolve(json.schema) as JsonSchema & {
          example?: unknown;
          properties?: Record<string, JsonSchema & { example?: unknown; items?: JsonSchema }>;
        };
        // A page's example is its item's: the items schema carries one.
        const item = schema.properties?.items?.items;
        const example =
          json.example ??
          schema.example ??
          (item ? (resolve(item) as { example?: unknown }).example : undefined);
        expect(example, `${status} example`).toBeDefined();
      }
    },
  );
});
