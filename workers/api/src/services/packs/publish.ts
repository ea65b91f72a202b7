import type { PackRef } from '@kaoping/db/pack-store';
import { packVersions } from '@kaoping/db/schema';
import { contentHash, definePack, type Pack, PackError, type PackInput } from '@kaoping/standards';
import { lintPack } from '@kaoping/standards/lint/lint-pack';
import { derivePack } from '@kaoping/standards/tailor/derive-pack';
import { sql } from 'drizzle-orm';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError, type FieldError } from '../../lib/problem.ts';
import { isImported } from './import.ts';
import { overridesFor, type TailoringOverrides } from './overrides.ts';
import {
  auditView,
  draftAtVersion,
  draftGuard,
  draftWhere,
  lostRace,
  parentOf,
} from './tailoring.ts';
import { type PackVersionRow, type VisibleVersion, visibleVersion } from './visible.ts';

function notPublishable(errors: FieldError[]): AppError {
  return new AppError(
    'unprocessable',
    {
      zh: `草稿未通过检查（${errors.length}个错误），不能发布；见 errors`,
      en: `The draft does not pass its checks (${errors.length} errors) and cannot be published; see errors`,
    },
    { errors },
  );
}

/** A tailored draft re-derived from its parent as the parent is now. */
async function rederived(
  ctx: ServiceContext,
  row: PackVersionRow,
): Promise<{ pack: Pack; parent: Pack }> {
  const parent = await parentOf(ctx, row);
  const overrides = (row.overrides ?? {}) as TailoringOverrides;
  try {
    return { pack: derivePack(parent, overridesFor(overrides, parent.key, row.version)), parent };
  } catch (err) {
    if (!(err instanceof PackError)) throw err;
    throw notPublishable(
      err.problems.map((p) => ({
        path: p.path,
        code: 'invalid_override',
        message: p.message.en,
        message_zh: p.message.zh,
      })),
    );
  }
}

/**
 * Publishes a tailored draft (If-Match): re-derived from its parent as it is now, linted
 * against it — the parent's mandatory and tighten-only marks enforced — and refused with
 * every lint error (422) if any. Once published the version never changes: any later write
 * is 409 (and storage triggers refuse it too). An imported draft (import.ts) has no parent:
 * it is linted as written. Admins only; audited.
 */
export async function publishPackDraft({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { ref: PackRef; expectedVersion: number };
}): Promise<VisibleVersion> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  const row = await draftAtVersion(tdb, input.ref, input.expectedVersion);
  const { pack, parent } = isImported(row)
    ? { pack: definePack(row.body as PackInput), parent: undefined }
    : await rederived(ctx, row);
  const lint = lintPack(pack, parent ? { parent } : {});
  if (lint.errors.length > 0) {
    throw notPublishable(
      lint.errors.map((f) => ({
        path: f.path,
        code: `lint.${f.check}`,
        message: f.message.en,
        message_zh: f.message.zh,
      })),
    );
  }
  const at = ctx.now.toISOString();
  const changes = {
    status: 'published' as const,
    body: pack,
    contentHash: contentHash(pack),
    publishedAt: at,
    updatedAt: at,
  };
  try {
    await commitWithAudit(
      ctx,
      [
        draftGuard(tdb, row, input.expectedVersion),
        tdb.update(
          packVersions,
          { ...changes, rowVersion: sql`${packVersions.rowVersion} + 1` },
          draftWhere(row, input.expectedVersion),
        ),
      ],
      [
        {
          action: 'pack_version.publish',
          entityType: 'pack_version',
          entityId: row.id,
          before: auditView(row),
          after: { ...auditView({ ...row, ...changes }), lint_warnings: lint.warnings.length },
        },
      ],
    );
  } catch (err) {
    throw await lostRace(tdb, row, err);
  }
  return visibleVersion(ctx, input.ref);
}
