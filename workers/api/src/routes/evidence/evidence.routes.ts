import { createRoute, z } from '@hono/zod-openapi';
import { bi } from '../../lib/bilingual-zod.ts';
import { pathId } from '../../lib/fields.ts';
import { idempotency } from '../../lib/idempotency.ts';
import { bearerSecurity, IdempotencyHeaders, problemResponses } from '../../lib/openapi.ts';
import { allowedExtensions, MAX_EVIDENCE_BYTES } from '../../services/evidence/file-types.ts';
import { json, TextSchema } from '../cycles/cycles.schemas.ts';
import { SubmissionParams } from '../submissions/submissions.routes.ts';

const EvidenceParams = z.object({
  evidenceId: pathId('evidenceId', 'evd_5d1c0f7e2b9a4c3d8e6f1a2b3c4d5e6f'),
});

export const EvidenceSchema = z
  .object({
    id: z.string(),
    submission_id: z.string(),
    item_id: z.string().nullable(),
    filename: z.string(),
    content_type: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    personal_data: z.object({
      flagged: z.boolean(),
      kinds: z.array(z.enum(['id_card', 'mobile'])),
      warning: TextSchema.nullable(),
    }),
    uploaded_by: z.string().nullable(),
    created_at: z.string(),
    download_path: z.string(),
  })
  .openapi('Evidence');

const UploadForm = z
  .strictObject({
    file: z
      .custom<File>((v) => v instanceof File, {
        message: bi('应为上传的文件', 'must be a file'),
      })
      .openapi({ type: 'string', format: 'binary' }),
    item_id: z.string().min(1).max(40).optional().openapi({
      description: 'The pack item the file supports, e.g. 二.1',
    }),
  })
  .openapi('EvidenceUpload');

export const uploadEvidenceRoute = createRoute({
  method: 'post',
  path: '/v1/submissions/{submissionId}/evidence',
  tags: ['evidence'],
  summary: '上传佐证材料 Upload an evidence file (multipart/form-data)',
  description:
    `Up to ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB (larger: 413). Accepted: ${allowedExtensions()} — ` +
    'the type is read from the file’s bytes and must match its extension (else 415; an ' +
    'executable named .pdf is refused). Text, PDF and Office files are scanned for ID-card and ' +
    'mobile numbers: a hit is flagged in `personal_data` (evidence must not carry personal data).',
  security: bearerSecurity,
  // A retried upload with the same key stores one file, not two (test/resilience/write-faults).
  middleware: [idempotency()] as const,
  request: {
    params: SubmissionParams,
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } },
  },
  responses: {
    201: { description: 'Stored', content: json(EvidenceSchema) },
    ...problemResponses(
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
      'unprocessable',
    ),
  },
});

export const listEvidenceRoute = createRoute({
  method: 'get',
  path: '/v1/submissions/{submissionId}/evidence',
  tags: ['evidence'],
  summary: '佐证材料列表 A submission’s evidence files',
  security: bearerSecurity,
  request: { params: SubmissionParams },
  responses: {
    200: {
      description: 'Oldest first',
      content: json(z.object({ items: z.array(EvidenceSchema) })),
    },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

export const downloadEvidenceRoute = createRoute({
  method: 'get',
  path: '/v1/evidence/{evidenceId}/content',
  tags: ['evidence'],
  summary: '下载佐证材料 Download an evidence file',
  security: bearerSecurity,
  request: { params: EvidenceParams },
  responses: {
    200: {
      description: 'The file, as an attachment',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problemResponses('unauthorized', 'forbidden', 'not_found'),
  },
});

export const deleteEvidenceRoute = createRoute({
  method: 'delete',
  path: '/v1/evidence/{evidenceId}',
  tags: ['evidence'],
  summary: '删除佐证材料 Delete an evidence file while the submission is a draft',
  security: bearerSecurity,
  request: { params: EvidenceParams },
  responses: {
    204: { description: 'Deleted' },
    ...problemResponses('unauthorized', 'forbidden', 'not_found', 'conflict'),
  },
});
