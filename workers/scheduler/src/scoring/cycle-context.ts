import { dbFor } from '@kaoping/db/client';
import { resolvePack } from '@kaoping/db/pack-store';
import { buildScorecardDictionary, type ScorecardDictionary } from '@kaoping/db/scorecard-codec';
import type { CyclePin } from '@kaoping/db/scoring-messages';
import { TenantDb } from '@kaoping/db/tenant-db';
import { type Pack, walkRules } from '@kaoping/standards';
import { type Sql, stmt } from '../d1.ts';

/** The cycle columns scoring reads. */
export interface CycleRow {
  readonly id: string;
  readonly tenant_id: string;
  readonly pack_key: string;
  readonly pack_version: string;
  readonly pack_hash: string;
  readonly parameters: string;
  readonly references: string;
  readonly stages: string;
  readonly scoring_epoch: number;
}

export async function loadCycle(sql: Sql, tenantId: string, cycleId: string) {
  return await sql.first<CycleRow>(
    stmt(
      `SELECT id, tenant_id, pack_key, pack_version, pack_hash, parameters, "references", stages,
              scoring_epoch
       FROM cycles WHERE tenant_id = ? AND id = ?`,
      tenantId,
      cycleId,
    ),
  );
}

export function pinOf(cycle: CycleRow): CyclePin {
  return {
    packKey: cycle.pack_key,
    packVersion: cycle.pack_version,
    packHash: cycle.pack_hash,
    epoch: cycle.scoring_epoch,
  };
}

export function samePin(a: CyclePin, b: CyclePin): boolean {
  return (
    a.packKey === b.packKey &&
    a.packVersion === b.packVersion &&
    a.packHash === b.packHash &&
    a.epoch === b.epoch
  );
}

/** Everything needed to score a cycle's rows under one pin. */
export interface CycleContext {
  readonly tenantId: string;
  readonly cycleId: string;
  readonly pin: CyclePin;
  readonly pack: Pack;
  readonly parameters: Record<string, unknown>;
  /** `{id: number}` for the whole cycle, `{id: {orgUnitId: number}}` per unit. */
  readonly references: Record<string, unknown>;
  /** The last stage of the review chain: its score decides the designation. */
  readonly finalStage: string | null;
  /** Rank rules or references computed over units: a stage is scored whole (scoreCycle). */
  readonly peerRelative: boolean;
  readonly dictionary: ScorecardDictionary;
}

function parseObject(text: string): Record<string, unknown> {
  const value = JSON.parse(text) as unknown;
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The review chain's stage keys in order ([{key}] or plain strings). */
export function stageKeys(stagesJson: string): string[] {
  const value = JSON.parse(stagesJson) as unknown;
  if (!Array.isArray(value)) return [];
  return value.flatMap((s) =>
    typeof s === 'string'
      ? [s]
      : s && typeof s === 'object' && typeof (s as { key?: unknown }).key === 'string'
        ? [(s as { key: string }).key]
        : [],
  );
}

function peerRelative(pack: Pack): boolean {
  if (pack.references.some((r) => r.source.from === 'units')) return true;
  return pack.items.some((item) => [...walkRules(item.rule)].some((r) => r.kind === 'rank'));
}

const dictionaries = new Map<string, ScorecardDictionary>();

/**
 * Resolves the pinned pack (built-in, or the tenant's own, by content hash) and the
 * scorecard dictionary for its parameters. Throws PackNotFound / PackHashMismatch / PackError /
 * ParameterError — a cycle that cannot be scored at all.
 */
export async function cycleContext(
  sql: Sql,
  cycle: CycleRow,
  pin: CyclePin = pinOf(cycle),
): Promise<CycleContext> {
  const tdb = new TenantDb(dbFor(sql.db), cycle.tenant_id);
  sql.charge(1);
  const resolved = await resolvePack(
    tdb,
    { key: pin.packKey, version: pin.packVersion },
    { hash: pin.packHash },
  );
  const parameters = parseObject(cycle.parameters);
  const dictionaryKey = `${pin.packHash}\u0000${cycle.parameters}`;
  let dictionary = dictionaries.get(dictionaryKey);
  if (!dictionary) {
    dictionary = buildScorecardDictionary(resolved.pack, parameters);
    if (dictionaries.size > 64) dictionaries.clear();
    dictionaries.set(dictionaryKey, dictionary);
  }
  const stages = stageKeys(cycle.stages);
  return {
    tenantId: cycle.tenant_id,
    cycleId: cycle.id,
    pin,
    pack: resolved.pack,
    parameters,
    references: parseObject(cycle.references),
    finalStage: stages.at(-1) ?? null,
    peerRelative: peerRelative(resolved.pack),
    dictionary,
  };
}

/** The reference values that apply to one unit: cycle-wide numbers and its own per-unit ones. */
export function referencesFor(
  references: Record<string, unknown>,
  orgUnitId: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, value] of Object.entries(references)) {
    if (typeof value === 'number') out[id] = value;
    else if (value && typeof value === 'object') {
      const own = (value as Record<string, unknown>)[orgUnitId];
      if (typeof own === 'number') out[id] = own;
    }
  }
  return out;
}
