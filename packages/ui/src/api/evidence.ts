// Evidence files (佐证材料): multipart upload, list, download behind the token, delete.
import type { Text } from '../i18n/messages.ts';
import { authed, authedFile } from '../session/session.ts';

export interface Evidence {
  id: string;
  submission_id: string;
  item_id: string | null;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  personal_data: { flagged: boolean; kinds: ('id_card' | 'mobile')[]; warning: Text | null };
  uploaded_by: string | null;
  created_at: string;
  download_path: string;
}

/** The API's limit (docs/campaigns.md#evidence): checked here first so nothing is sent in vain. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** What the file picker offers; the API decides by the file's bytes. */
export const EVIDENCE_ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.gif,.webp,.heic,.docx,.xlsx,.pptx,.doc,.xls,.ppt,.wps,.et,.txt,.csv';

const base = (submissionId: string) =>
  `/v1/submissions/${encodeURIComponent(submissionId)}/evidence`;

export const listEvidence = (submissionId: string) =>
  authed<{ items: Evidence[] }>(base(submissionId)).then((r) => r.items);

export function uploadEvidence(submissionId: string, file: File, itemId: string | null) {
  const form = new FormData();
  form.set('file', file, file.name);
  if (itemId) form.set('item_id', itemId);
  return authed<Evidence>(base(submissionId), { method: 'POST', form });
}

export const deleteEvidence = (evidence: Evidence) =>
  authed<void>(`/v1/evidence/${encodeURIComponent(evidence.id)}`, { method: 'DELETE' });

export const downloadEvidence = (evidence: Evidence) => authedFile(evidence.download_path);
