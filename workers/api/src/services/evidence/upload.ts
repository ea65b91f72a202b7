import { GuardFailed } from '@kaoping/db/batch-errors';
import { newId } from '@kaoping/db/ids';
import { evidence, submissions } from '@kaoping/db/schema';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { actorOf, commitWithAudit } from '../../lib/audit.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { WriteOutcomeUnknown } from '../../lib/d1-retry.ts';
import { AppError } from '../../lib/problem.ts';
import { packOfCycle } from '../cycles/cycle-pack.ts';
import { fieldError, invalid } from '../cycles/errors.ts';
import { loadSubmission, openCycleGuard, requireEditable } from '../submissions/access.ts';
import { guardToProblem } from '../submissions/save-inputs.ts';
import { requireEvidenceScope } from './access.ts';
import { documentText } from './document-text.ts';
import { allowedExtensions, fileTypeOf, MAX_EVIDENCE_BYTES } from './file-types.ts';
import { findPersonalData, personalDataFlag } from './personal-data.ts';
import { evidenceKey, presentEvidence } from './present.ts';

export interface UploadEvidenceInput {
  submissionId: string;
  file: File;
  itemId?: string | undefined;
}

const FORBIDDEN_IN_NAME = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}/\\]/gu;

/** The file's own name, without a path or characters that do not belong in one. */
export function cleanFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return base.replace(FORBIDDEN_IN_NAME, '').normalize('NFC').trim().slice(-200);
}

export const tooLarge = () =>
  new AppError('payload_too_large', {
    zh: `佐证材料不能超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`,
    en: `An evidence file must not exceed ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`,
  });

const wrongType = () =>
  new AppError('unsupported_media_type', {
    zh: `文件类型不受支持，或文件内容与扩展名不符。可上传：${allowedExtensions()}`,
    en: `Not an accepted file type, or its content does not match its extension. Accepted: ${allowedExtensions()}`,
  });

/**
 * Upload an evidence file for a submission, optionally for one item of the pack: by the
 * actor of the submission's current stage (the unit's reporters while it is with them, the
 * reviewers at their stage). Checked before anything is stored: size (413), type by content
 * and extension (415). Text, PDF and Office files are scanned for ID-card and mobile numbers;
 * a hit is flagged on the file and shown, not refused. The file goes to R2 first and its row to
 * D1 second; if the row cannot be written, the file is removed again.
 */
export async function uploadEvidence({
  ctx,
  input,
  bucket,
}: {
  ctx: ServiceContext;
  input: UploadEvidenceInput;
  bucket: R2Bucket;
}) {
  const s = await loadSubmission(ctx, input.submissionId);
  requireEvidenceScope(ctx.principal);
  requireEditable(ctx, s, s.submission.rowVersion);
  if (input.itemId !== undefined) {
    const pack = await packOfCycle(ctx.tdb, s.cycle);
    if (!pack.items.some((i) => i.id === input.itemId)) {
      throw invalid([
        fieldError(
          'body.item_id',
          'unknown_item',
          `the pack has no item ${input.itemId}`,
          `标准包没有指标 ${input.itemId}`,
        ),
      ]);
    }
  }
  if (input.file.size > MAX_EVIDENCE_BYTES) throw tooLarge();
  const filename = cleanFilename(input.file.name);
  if (!filename) {
    throw invalid([fieldError('body.file', 'filename', 'the file needs a name', '文件需要文件名')]);
  }
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  if (bytes.length === 0) {
    throw invalid([fieldError('body.file', 'empty', 'the file is empty', '文件为空')]);
  }
  if (bytes.length > MAX_EVIDENCE_BYTES) throw tooLarge();
  const type = fileTypeOf(bytes, filename);
  if (!type) throw wrongType();

  const flag = personalDataFlag([
    ...new Set([
      ...findPersonalData(filename),
      ...findPersonalData(await documentText(bytes, type.type.kind)),
    ]),
  ]);
  const id = newId('evidence');
  const { tdb } = ctx;
  const key = evidenceKey(tdb.tenantId, s.submission.id, id);
  const digest = await sha256Hex(bytes);
  const at = ctx.now.toISOString();
  const row = {
    id,
    submissionId: s.submission.id,
    itemId: input.itemId ?? null,
    r2Key: key,
    filename,
    contentType: type.mime,
    size: bytes.length,
    sha256: digest,
    personalDataFlag: flag,
    uploadedBy: actorOf(ctx.principal).id,
    createdAt: at,
    deletedAt: null,
  };
  await bucket.put(key, bytes, {
    httpMetadata: { contentType: type.mime },
    customMetadata: { sha256: digest, submission: s.submission.id },
  });
  try {
    await commitWithAudit(
      ctx,
      [
        // Still at the stage and status the upload was allowed at.
        tdb.guard(
          tdb.exists(
            submissions,
            eq(submissions.id, s.submission.id),
            eq(submissions.stage, s.submission.stage),
            eq(submissions.status, s.submission.status),
          ),
          'moved_on',
        ),
        openCycleGuard(tdb, s.cycle.id),
        tdb.insert(evidence, row),
      ],
      [
        {
          action: 'evidence.upload',
          entityType: 'evidence',
          entityId: id,
          after: presentEvidence(ctx.principal, { ...row, tenantId: tdb.tenantId }),
        },
      ],
    );
  } catch (err) {
    // Unless the row may have committed (its answer lost): then the file stays, an orphan at worst.
    if (!(err instanceof WriteOutcomeUnknown)) await bucket.delete(key).catch(() => undefined);
    if (err instanceof GuardFailed && err.reason === 'moved_on') {
      throw new AppError('conflict', {
        zh: '上传期间填报已进入下一阶段，未保存该文件',
        en: 'The submission moved on while uploading; the file was not kept',
      });
    }
    throw guardToProblem(err);
  }
  return presentEvidence(ctx.principal, { ...row, tenantId: tdb.tenantId });
}
