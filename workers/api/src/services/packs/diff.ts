import type { PackRef } from '@kaoping/db/pack-store';
import { diffPacks, type PackDiff } from '@kaoping/standards/diff/diff-packs';
import type { ServiceContext } from '../../auth/principal.ts';
import { visibleVersion } from './visible.ts';

/** "key@version", or a bare version of the same key as `from`. */
export function parseRef(text: string, sameKeyAs: string): PackRef {
  const at = text.lastIndexOf('@');
  return at < 0
    ? { key: sameKeyAs, version: text }
    : { key: text.slice(0, at), version: text.slice(at + 1) };
}

/**
 * What changes from one visible version to another — built-in or tailored, any two — as the
 * engine's diff: items, thresholds, points, declarations, each change in zh and en.
 */
export async function diffPackVersions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { from: PackRef; to: string };
}): Promise<PackDiff> {
  const from = await visibleVersion(ctx, input.from);
  const to = await visibleVersion(ctx, parseRef(input.to, input.from.key));
  return diffPacks(from.resolved.pack, to.resolved.pack);
}
