import { describe, expect, it } from 'vitest';
import { openApiDocument, operations } from './openapi-walk.ts';

/**
 * House rule 5: every route lists the error responses it can give. Checked
 * for every route in the document, so later routes follow it too.
 */
describe('the OpenAPI document', () => {
  it('is served at /v1/openapi.json as OpenAPI 3.1', () => {
    expect((openApiDocument as unknown as { openapi: string }).openapi).toBe('3.1.0');
  });

  it.for(operations().map((op) => [op.key, op] as const))(
    '%s lists its error responses',
    ([, op]) => {
      const doc = openApiDocument.paths[op.path]![op.method.toLowerCase()] as {
        responses: Record<string, unknown>;
        security?: unknown[];
      };
      const statuses = Object.keys(doc.responses);
      const need = ['500'];
      if (op.params.length > 0 || op.body.length > 0) need.push('400');
      if (!op.public) need.push('401');
      if (op.body.length > 0) need.push('413', '415');
      if (op.params.some((p) => p.in === 'path')) need.push('404');
      if (op.params.some((p) => p.in === 'header' && p.name === 'if-match'))
        need.push('412', '428');
      if (op.params.some((p) => p.in === 'header' && p.name === 'idempotency-key'))
        need.push('422');
      for (const status of need) expect(statuses, `${op.key} lists ${status}`).toContain(status);
      expect(doc.security, `${op.key} states its security`).toBeDefined();
    },
  );
});
