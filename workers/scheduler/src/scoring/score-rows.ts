import { encodeScorecardJson } from '@kaoping/db/scorecard-codec';
import {
  type Assessment,
  type CycleUnit,
  canonicalJson,
  type Scorecard,
  score,
  scoreCycle,
  type UnitKind,
  unitKinds,
} from '@kaoping/standards';
import { type CycleContext, referencesFor } from './cycle-context.ts';

/** A stage row as scoring reads it. */
export interface StageRow {
  readonly submissionId: string;
  readonly stage: string;
  readonly orgUnitId: string;
  readonly rowVersion: number;
  readonly inputs: Record<string, unknown>;
  readonly assessments: Record<string, unknown>;
  /** cycle_units.unit_kind, else the org unit's own kind. */
  readonly unitKind: string | null;
}

export interface ScoredRow {
  readonly row: StageRow;
  /** What produced the score, with the pack hash and engine version: the snapshot's key. */
  readonly inputHash: string;
  /** "kz1:…": the scorecard compressed against the cycle's dictionary. */
  readonly encoded: string;
  readonly total: number;
  readonly max: number;
  readonly designationMet: 0 | 1 | null;
  readonly complete: 0 | 1;
}

export interface FailedRow {
  readonly row: StageRow;
  readonly error: string;
}

export interface ScoredRows {
  readonly scored: ScoredRow[];
  readonly failed: FailedRow[];
}

function kindOf(row: StageRow): UnitKind | undefined {
  // An unknown kind is left out; a kind the pack does not assess is the engine's to refuse.
  return row.unitKind && (unitKinds as readonly string[]).includes(row.unitKind)
    ? (row.unitKind as UnitKind)
    : undefined;
}

const encoder = new TextEncoder();

/** SHA-256 in hex through WebCrypto: the same digest as sha256Hex, ~70× faster in workerd. */
async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * The snapshot key's input hash: everything besides the pack and engine a scorecard depends
 * on — the unit, its kind, the stage's inputs and assessments, the cycle's parameters and the
 * reference values that apply to the unit. For peer-relative packs the other units matter
 * too; their effect is folded in through the scorecard itself.
 */
export async function inputHash(
  ctx: CycleContext,
  row: StageRow,
  kind: UnitKind | undefined,
  peerDigest?: string,
): Promise<string> {
  return await sha256(
    canonicalJson({
      assessments: row.assessments,
      inputs: row.inputs,
      kind: kind ?? null,
      parameters: ctx.parameters,
      ...(peerDigest ? { peers: peerDigest } : {}),
      references: referencesFor(ctx.references, row.orgUnitId),
      unit: row.orgUnitId,
      v: 1,
    }),
  );
}

async function scored(
  ctx: CycleContext,
  row: StageRow,
  kind: UnitKind | undefined,
  card: Scorecard,
): Promise<ScoredRow> {
  const json = JSON.stringify(card);
  const met = card.designation?.met;
  return {
    row,
    inputHash: await inputHash(ctx, row, kind, ctx.peerRelative ? await sha256(json) : undefined),
    encoded: encodeScorecardJson(json, ctx.dictionary),
    total: card.total,
    max: card.max,
    designationMet: met === true ? 1 : met === false ? 0 : null,
    complete: card.complete ? 1 : 0,
  };
}

function message(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * Scores rows of one cycle with packages/standards — `score` per row, the same call the API's
 * preview makes; for a peer-relative pack, `scoreCycle` over `peers` (every row of the stage).
 * A row the engine refuses (e.g. a unit kind the pack does not assess) is returned as failed;
 * errors of the pack itself were already raised by cycleContext.
 */
export async function scoreRows(ctx: CycleContext, rows: readonly StageRow[]): Promise<ScoredRows> {
  const result: ScoredRows = { scored: [], failed: [] };
  if (ctx.peerRelative) return await scorePeers(ctx, rows);
  for (const row of rows) {
    const kind = kindOf(row);
    let card: Scorecard;
    try {
      card = score(ctx.pack, ctx.parameters, row.inputs, {
        unitId: row.orgUnitId,
        ...(kind ? { unitKind: kind } : {}),
        assessments: row.assessments as Record<string, Assessment>,
        references: referencesFor(ctx.references, row.orgUnitId),
      });
    } catch (err) {
      result.failed.push({ row, error: message(err) });
      continue;
    }
    result.scored.push(await scored(ctx, row, kind, card));
  }
  return result;
}

/** All rows of one stage, scored together so rank rules and unit-wide references agree. */
async function scorePeers(ctx: CycleContext, rows: readonly StageRow[]): Promise<ScoredRows> {
  const result: ScoredRows = { scored: [], failed: [] };
  const units: CycleUnit[] = [];
  const rowOf = new Map<string, StageRow>();
  for (const row of rows) {
    const kind = kindOf(row);
    rowOf.set(row.orgUnitId, row);
    units.push({
      id: row.orgUnitId,
      ...(kind ? { unitKind: kind } : {}),
      inputs: row.inputs,
      assessments: row.assessments as Record<string, Assessment>,
      references: referencesFor(ctx.references, row.orgUnitId),
    });
  }
  let cards: readonly Scorecard[];
  try {
    cards = scoreCycle(ctx.pack, ctx.parameters, units).units;
  } catch (err) {
    for (const row of rows) result.failed.push({ row, error: message(err) });
    return result;
  }
  for (const card of cards) {
    const row = rowOf.get(card.unit.id ?? '') as StageRow;
    result.scored.push(await scored(ctx, row, card.unit.kind ?? undefined, card));
  }
  return result;
}
