import type { ServiceContext } from '../../auth/principal.ts';
import { evidenceNotFound, loadEvidence } from './access.ts';

/**
 * An evidence file's bytes, for whoever may read its submission (users) or reports (clients
 * with submissions:write). Served as an attachment with the type decided at upload.
 */
export async function downloadEvidence({
  ctx,
  input,
  bucket,
}: {
  ctx: ServiceContext;
  input: { evidenceId: string };
  bucket: R2Bucket;
}) {
  const { file } = await loadEvidence(ctx, input.evidenceId);
  const object = await bucket.get(file.r2Key);
  if (!object) throw evidenceNotFound();
  return { file, body: object.body };
}
