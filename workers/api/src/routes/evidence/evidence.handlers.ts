import { serviceContext } from '../../lib/context.ts';
import type { Handler as H } from '../../lib/types.ts';
import { deleteEvidence } from '../../services/evidence/delete.ts';
import { downloadEvidence } from '../../services/evidence/download.ts';
import { listEvidence } from '../../services/evidence/list.ts';
import { uploadEvidence } from '../../services/evidence/upload.ts';
import type {
  deleteEvidenceRoute,
  downloadEvidenceRoute,
  listEvidenceRoute,
  uploadEvidenceRoute,
} from './evidence.routes.ts';

export const uploadEvidenceHandler: H<typeof uploadEvidenceRoute> = async (c) => {
  const form = c.req.valid('form');
  const file = await uploadEvidence({
    ctx: serviceContext(c),
    input: {
      submissionId: c.req.valid('param').submissionId,
      file: form.file,
      itemId: form.item_id,
    },
    bucket: c.env.EVIDENCE,
  });
  return c.json(file, 201, { Location: file.download_path });
};

export const listEvidenceHandler: H<typeof listEvidenceRoute> = async (c) =>
  c.json(await listEvidence({ ctx: serviceContext(c), input: c.req.valid('param') }), 200);

/** RFC 6266: an ASCII fallback and the UTF-8 name (Chinese file names survive). */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const downloadEvidenceHandler: H<typeof downloadEvidenceRoute> = async (c) => {
  const { file, body } = await downloadEvidence({
    ctx: serviceContext(c),
    input: c.req.valid('param'),
    bucket: c.env.EVIDENCE,
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.size),
      'content-disposition': contentDisposition(file.filename),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; sandbox",
    },
  }) as never;
};

export const deleteEvidenceHandler: H<typeof deleteEvidenceRoute> = async (c) => {
  await deleteEvidence({
    ctx: serviceContext(c),
    input: c.req.valid('param'),
    bucket: c.env.EVIDENCE,
  });
  return c.body(null, 204);
};
