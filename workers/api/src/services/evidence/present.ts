import type { evidence } from '@kaoping/db/schema';
import type { Principal } from '../../auth/principal.ts';
import { presentPersonalData } from './personal-data.ts';

export type EvidenceRow = typeof evidence.$inferSelect;

export function presentEvidence(p: Principal, e: EvidenceRow) {
  return {
    id: e.id,
    submission_id: e.submissionId,
    item_id: e.itemId,
    filename: e.filename,
    content_type: e.contentType,
    size: e.size,
    sha256: e.sha256,
    personal_data: presentPersonalData(e.personalDataFlag),
    uploaded_by: p.kind === 'user' ? e.uploadedBy : null,
    created_at: e.createdAt,
    download_path: `/v1/evidence/${e.id}/content`,
  };
}

/** The R2 key of an evidence file: the tenant first, so a bucket listing is per tenant. */
export const evidenceKey = (tenantId: string, submissionId: string, evidenceId: string) =>
  `evidence/${tenantId}/${submissionId}/${evidenceId}`;
