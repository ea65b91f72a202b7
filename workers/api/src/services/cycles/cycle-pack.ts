import {
  PackHashMismatch,
  PackNotFound,
  type PackRef,
  type ResolvedPack,
  resolvePack,
} from '@kaoping/db/pack-store';
import type { cycles } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import {
  type Pack,
  PackError,
  ParameterError,
  resolveParameters,
  unitKinds,
} from '@kaoping/standards';
import type { ServiceContext } from '../../auth/principal.ts';
import { AppError, type FieldError } from '../../lib/problem.ts';
import { assertPackUsable } from '../packs/usable.ts';

export type CycleRow = typeof cycles.$inferSelect;

/**
 * A pack version a cycle may use (services/packs/usable.ts): built-in or the tenant's own
 * published one, and — when the tenant pins versions of the key — a pinned one in force on
 * the cycle's last day. Drafts and another tenant's versions are 404, exactly like a missing one.
 */
export async function usablePack(
  ctx: Pick<ServiceContext, 'principal' | 'tdb'>,
  ref: PackRef,
  on: string,
): Promise<ResolvedPack> {
  try {
    return await assertPackUsable(ctx, ref, { on, field: 'body.pack_version' });
  } catch (err) {
    if (err instanceof PackError || err instanceof PackHashMismatch) throw unusablePack(ref);
    throw err;
  }
}

function unusablePack(ref: PackRef): AppError {
  return new AppError('conflict', {
    zh: `标准包版本 ${ref.key}@${ref.version} 的内容已无法使用（未通过校验或与记录不符）`,
    en: `Pack version ${ref.key}@${ref.version} can no longer be used (it fails its checks or changed)`,
  });
}

/** The exact pack version a cycle pinned (by content hash). */
export async function packOfCycle(tdb: TenantDb, cycle: CycleRow): Promise<Pack> {
  const ref = { key: cycle.packKey, version: cycle.packVersion };
  try {
    return (await resolvePack(tdb, ref, { hash: cycle.packHash })).pack;
  } catch (err) {
    if (
      err instanceof PackNotFound ||
      err instanceof PackError ||
      err instanceof PackHashMismatch
    ) {
      throw unusablePack(ref);
    }
    throw err;
  }
}

/** Parameter values checked against the pack's parameters (unknown names, wrong kinds, bounds). */
export function parameterErrors(
  pack: Pack,
  given: Readonly<Record<string, unknown>>,
  path: string,
): FieldError[] {
  try {
    resolveParameters(pack, given);
    return [];
  } catch (err) {
    if (!(err instanceof ParameterError)) throw err;
    return err.issues.map((i) => ({
      path: `${path}.${i.parameter}`,
      code: 'parameter',
      message: i.message.en,
      message_zh: i.message.zh,
    }));
  }
}

/**
 * Cycle-supplied reference values (e.g. Yichun's 所在县平均就业率): each must be a reference the
 * pack declares with `source: cycle`, given as one number for every unit or as {unitId: number}
 * for some units; percentages lie in 0..100. Returns the unit ids named, to be checked.
 */
export function referenceErrors(
  pack: Pack,
  given: Readonly<Record<string, unknown>>,
  path: string,
): { errors: FieldError[]; unitIds: string[] } {
  const errors: FieldError[] = [];
  const unitIds: string[] = [];
  const declared = new Map(
    pack.references.filter((r) => r.source.from === 'cycle').map((r) => [r.id, r]),
  );
  const checkNumber = (at: string, value: unknown, percent: boolean) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({
        path: at,
        code: 'invalid_type',
        message: 'must be a finite number',
        message_zh: '应为有限数值',
      });
    } else if (value < 0 || (percent && value > 100)) {
      errors.push({
        path: at,
        code: 'too_big',
        message: percent ? 'a percentage from 0 to 100' : 'must not be negative',
        message_zh: percent ? '应为0至100之间的百分数' : '不能为负数',
      });
    }
  };
  for (const [id, value] of Object.entries(given)) {
    const reference = declared.get(id);
    const at = `${path}.${id}`;
    if (!reference) {
      errors.push({
        path: at,
        code: 'unknown_reference',
        message: `the pack takes no cycle-supplied reference "${id}"`,
        message_zh: `标准包没有由周期提供的参考值“${id}”`,
      });
      continue;
    }
    const percent = reference.format === 'percent';
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [unitId, v] of Object.entries(value)) {
        unitIds.push(unitId);
        checkNumber(`${at}.${unitId}`, v, percent);
      }
    } else {
      checkNumber(at, value, percent);
    }
  }
  return { errors, unitIds };
}

/** The kind a unit is assessed as: given, or its own if the pack assesses that kind. */
export function assessedKind(
  pack: Pack,
  orgKind: string,
  given: string | undefined,
): string | undefined {
  const kind = given ?? orgKind;
  return (unitKinds as readonly string[]).includes(kind) &&
    (pack.unitKinds as readonly string[]).includes(kind)
    ? kind
    : undefined;
}
