import { cycles } from '@kaoping/db/schema';
import { desc, eq, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../auth/principal.ts';
import { formatETag } from '../../lib/etag.ts';
import { afterKey, decodeCursor, toPage } from '../../lib/pagination.ts';
import type { CycleRow } from './cycle-pack.ts';
import { parseChain } from './review-chain.ts';
import { canReadCycles } from './versioned-write.ts';

export function presentCycleSummary(c: CycleRow) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    pack: { key: c.packKey, version: c.packVersion, content_hash: c.packHash },
    period: { start: c.periodStart, end: c.periodEnd },
    stages: parseChain(c.stages).map((s) => ({ key: s.key, title: s.title, step: s.step })),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    etag: formatETag(c.rowVersion),
  };
}

/** The tenant's cycles, newest first. */
export async function listCycles({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    status?: 'draft' | 'open' | 'closed' | 'all' | undefined;
    cursor?: string | undefined;
    limit: number;
  };
}) {
  if (!canReadCycles(ctx.principal)) return { items: [], next_cursor: null };
  const conditions: (SQL | undefined)[] = [];
  if (input.status && input.status !== 'all') conditions.push(eq(cycles.status, input.status));
  if (input.cursor !== undefined) {
    const [createdAt, id] = decodeCursor(input.cursor, 2);
    conditions.push(afterKey([cycles.createdAt, cycles.id], [createdAt!, id!], 'desc'));
  }
  const rows = await ctx.tdb
    .select(cycles, ...conditions)
    .orderBy(desc(cycles.createdAt), desc(cycles.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (c) => [c.createdAt, c.id]);
  return { items: page.items.map(presentCycleSummary), next_cursor: page.next_cursor };
}
