import { z } from '@hono/zod-openapi';
import { PROBLEMS, type ProblemCode } from './problem.ts';

/** RFC 9457 problem body, as lib/problem.ts writes it. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://kaoping.cn/problems/validation' }),
    status: z.number().int(),
    title: z.string(),
    title_zh: z.string(),
    detail: z.string().optional(),
    detail_zh: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string().openapi({ example: 'body.name' }),
          code: z.string(),
          message: z.string(),
          message_zh: z.string(),
        }),
      )
      .optional(),
    request_id: z.string().optional(),
  })
  .openapi('Problem');

const DESCRIPTIONS: Partial<Record<ProblemCode, string>> = {
  validation: 'The request did not pass validation; `errors` names each field',
  unauthorized: 'No valid access token',
  forbidden: 'The caller’s role or scope does not allow this',
  not_found: 'No such object in the caller’s tenant (another tenant’s answers the same)',
  conflict: 'Conflicts with the current state',
  precondition_failed: 'If-Match does not match the current ETag',
  payload_too_large: 'Body larger than the route accepts',
  unsupported_media_type: 'Content-Type not accepted by the route',
  unprocessable: 'Idempotency-Key reused with a different request',
  precondition_required: 'If-Match is required',
  rate_limited: 'Too many requests; see Retry-After',
};

/** OpenAPI `responses` entries for the problem codes a route can answer. */
export function problemResponses(...codes: ProblemCode[]) {
  const out: Record<
    number,
    { description: string; content: Record<string, { schema: typeof ProblemSchema }> }
  > = {};
  for (const code of ['validation', 'internal', ...codes] as ProblemCode[]) {
    const { status, en } = PROBLEMS[code];
    const previous = out[status]?.description;
    const description = DESCRIPTIONS[code] ?? en;
    out[status] = {
      description:
        previous && previous !== description ? `${previous}; ${description}` : description,
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return out;
}

/** Every route under /v1 that needs a token says so in the document. */
export const bearerSecurity = [{ bearer: [] }];
/** Public routes: no token. */
export const noSecurity: { [name: string]: string[] }[] = [];

/** The ETag header on responses that carry a versioned object. */
export const etagHeader = {
  ETag: {
    description: 'The object’s version; send it back in If-Match to change it',
    schema: { type: 'string' as const },
  },
};

/** The If-Match request header on routes that change a versioned object. */
export const IfMatchHeaders = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ param: { in: 'header', required: true }, example: '"3"' }),
});

/** The Idempotency-Key request header on routes that create. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({
      param: { in: 'header', required: false },
      example: '5b1f0e7c-3a52-4bb4-9f1e-2a4e9b8d6c10',
    }),
});
