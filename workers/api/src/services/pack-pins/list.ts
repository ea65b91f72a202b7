import { packPins } from '@kaoping/db/schema';
import { compareVersions } from '@kaoping/standards';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { type PackPinRow, presentPin } from './present.ts';

/** The tenant's pins (optionally of one key), by key, then effective date, then version. */
export async function listPins({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { key?: string | undefined };
}) {
  const rows = await ctx.tdb.select(
    packPins,
    input.key === undefined ? undefined : eq(packPins.key, input.key),
  );
  const order = (a: PackPinRow, b: PackPinRow) =>
    a.key !== b.key
      ? a.key < b.key
        ? -1
        : 1
      : a.effectiveFrom !== b.effectiveFrom
        ? a.effectiveFrom < b.effectiveFrom
          ? -1
          : 1
        : compareVersions(a.version, b.version);
  return { items: rows.sort(order).map(presentPin) };
}
