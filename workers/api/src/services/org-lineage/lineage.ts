import { cycles, orgUnitLineage, orgUnits, submissions } from '@kaoping/db/schema';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { canReadUnit } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { unitNotFound } from '../org-units/errors.ts';

export type LineageRow = typeof orgUnitLineage.$inferSelect;

export function presentLineage(l: LineageRow) {
  return {
    id: l.id,
    from_unit_id: l.fromUnitId,
    to_unit_id: l.toUnitId,
    change: l.change,
    effective_date: l.effectiveDate,
    note: l.note,
  };
}

/** Lineage is followed this many changes deep at most (a unit renamed yearly for 30 years). */
const MAX_DEPTH = 30;

export interface Lineage {
  /** The unit and every unit it came from or turned into, transitively. */
  unitIds: string[];
  /** Every lineage edge among them, oldest change first. */
  edges: LineageRow[];
}

/**
 * A unit's lineage: the units it descends from (merged, split, renamed or reclassified into
 * it) and those it turned into, following org_unit_lineage both ways. Multi-year views use
 * it to put a unit's earlier cycles (under its old ids) beside its current ones.
 */
export async function unitLineage(tdb: TenantDb, unitId: string): Promise<Lineage> {
  const seen = new Set([unitId]);
  const edges = new Map<string, LineageRow>();
  let frontier = [unitId];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const rows = await tdb.select(
      orgUnitLineage,
      or(inArray(orgUnitLineage.fromUnitId, frontier), inArray(orgUnitLineage.toUnitId, frontier)),
    );
    const next: string[] = [];
    for (const row of rows) {
      edges.set(row.id, row);
      for (const id of [row.fromUnitId, row.toUnitId]) {
        if (!seen.has(id)) {
          seen.add(id);
          next.push(id);
        }
      }
    }
    frontier = next.slice(0, 90);
  }
  return {
    unitIds: [...seen],
    edges: [...edges.values()].sort((a, b) =>
      a.effectiveDate === b.effectiveDate
        ? a.createdAt.localeCompare(b.createdAt)
        : a.effectiveDate.localeCompare(b.effectiveDate),
    ),
  };
}

/**
 * GET …/lineage: the unit, its lineage (units and changes with their dates), and every
 * submission of any unit in it across cycles — a multi-year view that follows the unit
 * through 区划调整, old submissions resolving under their old ids.
 */
export async function readLineage({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { unitId: string };
}) {
  const { tdb } = ctx;
  const unit = await tdb.first(orgUnits, eq(orgUnits.id, input.unitId));
  if (!unit || !canReadUnit(ctx.principal, unit.path)) throw unitNotFound();
  const lineage = await unitLineage(tdb, unit.id);
  const ids = lineage.unitIds.slice(0, 90);
  const [units, history] = await Promise.all([
    tdb.select(orgUnits, inArray(orgUnits.id, ids)),
    tdb.db
      .select({
        cycleId: cycles.id,
        cycleName: cycles.name,
        periodStart: cycles.periodStart,
        periodEnd: cycles.periodEnd,
        packKey: cycles.packKey,
        packVersion: cycles.packVersion,
        submissionId: submissions.id,
        orgUnitId: submissions.orgUnitId,
        status: submissions.status,
        publishedAt: submissions.publishedAt,
        revokedAt: submissions.revokedAt,
        sealedHash: submissions.sealedHash,
      })
      .from(submissions)
      .innerJoin(
        cycles,
        and(eq(cycles.tenantId, submissions.tenantId), eq(cycles.id, submissions.cycleId)),
      )
      .where(tdb.where(submissions, inArray(submissions.orgUnitId, ids)))
      .orderBy(asc(cycles.periodStart), asc(submissions.orgUnitId)),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const brief = (id: string) => {
    const u = byId.get(id);
    return u
      ? {
          id: u.id,
          name: u.name,
          kind: u.kind,
          code: u.code,
          status: u.status,
          valid_from: u.validFrom,
          valid_to: u.validTo,
        }
      : { id, name: null, kind: null, code: null, status: null, valid_from: null, valid_to: null };
  };
  return {
    unit: brief(unit.id),
    units: ids.map(brief),
    changes: lineage.edges.map(presentLineage),
    history: history.map((h) => ({
      cycle_id: h.cycleId,
      cycle_name: h.cycleName,
      period: { start: h.periodStart, end: h.periodEnd },
      pack: { key: h.packKey, version: h.packVersion },
      submission_id: h.submissionId,
      org_unit_id: h.orgUnitId,
      unit_name: byId.get(h.orgUnitId)?.name ?? null,
      status: h.status,
      published_at: h.publishedAt,
      revoked_at: h.revokedAt,
      sealed_hash: h.sealedHash,
    })),
  };
}
