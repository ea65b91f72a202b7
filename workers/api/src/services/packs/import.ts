import { newId } from '@kaoping/db/ids';
import { builtInPacks, contentHash, definePack, type Pack, PackError } from '@kaoping/standards';
import { lintPackSource } from '@kaoping/standards/lint/lint-pack';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { actorOf } from '../../lib/audit.ts';
import { AppError } from '../../lib/problem.ts';
import { field, invalidBody } from './errors.ts';
import { checkLintable } from './lint.ts';
import { insertDraft } from './tailoring.ts';
import { type VisibleVersion, visibleVersion } from './visible.ts';

/**
 * Importing a pack a tenant wrote itself (a county's own rubric, authored with
 * `pnpm kaoping-pack` and its checks): stored as a draft of the tenant's, then linted and
 * published like a tailored draft — except that it has no parent, so it is published as
 * written, and changed only by discarding the draft and importing again.
 *
 * Its key must not be Kaoping's: not a built-in pack's key, nor in a built-in pack's
 * namespace (gz., yc., province., stats.), so no tenant's pack can pass for an official one
 * or be shadowed by a later built-in release. A pack that tailors another is derived, not
 * imported (`derivedFrom` is refused), so the parent's marks are always enforced.
 */

const reservedNamespaces = new Set(builtInPacks.map((p) => p.key.split('.', 1)[0] as string));

export function keyReserved(key: string): boolean {
  return (
    builtInPacks.some((p) => p.key === key) ||
    reservedNamespaces.has(key.split('.', 1)[0] as string)
  );
}

/** The body as a pack (schema and integrity), else a 400 naming each problem under body.pack. */
function packOrRefuse(source: Record<string, unknown>): Pack {
  const checked = lintPackSource(source);
  if (checked.pack === null) {
    throw invalidBody(
      checked.errors.map((f) =>
        field(`body.pack.${f.path}`, 'invalid_pack', f.message.zh, f.message.en),
      ),
    );
  }
  checkLintable(checked.pack);
  try {
    return definePack(checked.pack);
  } catch (err) {
    if (!(err instanceof PackError)) throw err;
    throw invalidBody(
      err.problems.map((p) =>
        field(`body.pack.${p.path}`, 'invalid_pack', p.message.zh, p.message.en),
      ),
    );
  }
}

function refuseKey(pack: Pack): void {
  if (pack.derivedFrom) {
    throw invalidBody([
      field(
        'body.pack.derivedFrom',
        'derive_instead',
        '定制他人版本请用派生（POST …/derive），以保留来源版本的必选和只许收紧标记',
        'a pack that tailors another is derived (POST …/derive), so its parent’s marks hold',
      ),
    ]);
  }
  if (keyReserved(pack.key)) {
    throw new AppError(
      'conflict',
      {
        zh: `标识 ${pack.key} 属于内置标准包的命名空间，请用本单位自己的前缀，如 conghua.village-rubric`,
        en: `key ${pack.key} is in a built-in pack's namespace; use a prefix of your own, e.g. conghua.village-rubric`,
      },
      {
        errors: [
          field('body.pack.key', 'key_reserved', '内置标准包的命名空间', 'a built-in namespace'),
        ],
      },
    );
  }
}

/**
 * Stores `input.pack` as a draft version of the tenant's (admins only; audited). Lint
 * findings do not stop an import — a draft may be unfinished — but publishing is refused
 * until it lints clean.
 */
export async function importPackDraft({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { pack: Record<string, unknown> };
}): Promise<VisibleVersion> {
  requireAdmin(ctx.principal);
  const pack = packOrRefuse(input.pack);
  refuseKey(pack);
  const at = ctx.now.toISOString();
  const row = {
    id: newId('packVersion'),
    key: pack.key,
    version: pack.version,
    status: 'draft' as const,
    body: pack,
    contentHash: contentHash(pack),
    derivedFromKey: null,
    derivedFromVersion: null,
    overrides: null,
    createdBy: actorOf(ctx.principal).id,
    createdAt: at,
    updatedAt: at,
  };
  await insertDraft(ctx, row, 'pack_version.import', 'body.pack.version');
  return visibleVersion(ctx, { key: pack.key, version: pack.version });
}

/** An imported draft: no parent, no overrides. */
export function isImported(row: { derivedFromKey: string | null; overrides: unknown }): boolean {
  return row.derivedFromKey === null && row.overrides === null;
}

export function importedDraftFixed(): AppError {
  return new AppError('conflict', {
    zh: '导入的草稿没有来源版本可重新派生：请删除草稿后重新导入修改后的文件',
    en: 'An imported draft has no parent to re-derive from: discard it and import the corrected file',
  });
}
