import { resolvePack } from '@kaoping/db/pack-store';
import { scoreSnapshots } from '@kaoping/db/schema';
import { ScorecardReader } from '@kaoping/db/scorecard-reader';
import type { TenantDb } from '@kaoping/db/tenant-db';
import { type Pack, walkRules } from '@kaoping/standards';
import { type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../auth/principal.ts';
import { cachedScorecard, rememberScorecard } from './read-cache.ts';

/**
 * Stored scorecards for a page of score snapshots: fetched by sequence number in one query,
 * decoded with their dictionaries (one more query when the isolate has not seen them) and
 * returned as the engine's JSON text, which the routes splice into their answers unparsed.
 *
 * Data protection (RESILIENCE.md): an API client gets no reviewer notes — the explanation of an
 * assessed item (酌情评分) carries the assessor's reason and name — and, unless it also holds
 * `submissions:write` (the systems that report, which sent them), no evidence references.
 * Only scorecards of packs that have such items are parsed and rewritten; the rest pass as
 * stored text.
 */

export const WITHHELD_NOTES = 'assessment_reasons';
export const WITHHELD_EVIDENCE = 'evidence';

export interface Withheld {
  readonly notes: boolean;
  readonly evidence: boolean;
}

export function withheldFor(p: Principal): Withheld {
  if (p.kind === 'user') return { notes: false, evidence: false };
  return { notes: true, evidence: !p.scopes.includes('submissions:write') };
}

/** The parts of a pack's scorecards that carry notes or evidence. */
export interface PackSensitivity {
  /** Items whose rule (or a part of it) is assessed: their explanation quotes the reason. */
  readonly assessedItems: ReadonlySet<string>;
  /** Inputs of kind `evidence`: references to files. */
  readonly evidenceInputs: ReadonlySet<string>;
}

export function packSensitivity(pack: Pack): PackSensitivity {
  return {
    assessedItems: new Set(
      pack.items
        .filter((item) => walkRules(item.rule).some((rule) => rule.kind === 'assessed'))
        .map((item) => item.id),
    ),
    evidenceInputs: new Set(pack.inputs.filter((i) => i.kind === 'evidence').map((i) => i.id)),
  };
}

// Keyed by content hash: the same hash is the same pack for every tenant, forever.
const sensitivities = new Map<string, PackSensitivity>();

/** Unknown (a pack that no longer resolves): treat every item as sensitive — fail closed. */
const UNKNOWN: PackSensitivity = { assessedItems: new Set(['*']), evidenceInputs: new Set(['*']) };

async function sensitivityOf(
  tdb: TenantDb,
  ref: { key: string; version: string; hash: string },
): Promise<PackSensitivity> {
  const known = sensitivities.get(ref.hash);
  if (known) return known;
  try {
    const { pack } = await resolvePack(tdb, ref, { hash: ref.hash, drafts: true });
    const found = packSensitivity(pack);
    if (sensitivities.size > 500) sensitivities.clear();
    sensitivities.set(ref.hash, found);
    return found;
  } catch {
    return UNKNOWN;
  }
}

interface ItemJson {
  id: string;
  status: string;
  points: number | null;
  inputs: Record<string, unknown>;
  explanation: { zh: string; en: string };
}

function withheldExplanation(points: number | null): { zh: string; en: string } {
  const shown = points === null ? '' : String(points);
  return points === null
    ? {
        zh: '酌情评分（评估理由仅向本租户人员提供）',
        en: 'assessed (the assessor’s reason is shown to people of the tenant only)',
      }
    : {
        zh: `酌情评分，得${shown}分（评估理由仅向本租户人员提供）`,
        en: `assessed, ${shown} points (the assessor’s reason is shown to people of the tenant only)`,
      };
}

/** The scorecard JSON without what `withheld` keeps back; which kinds were taken out. */
export function redactScorecard(
  json: string,
  sensitivity: PackSensitivity,
  withheld: Withheld,
): { json: string; redacted: string[] } {
  const notes = withheld.notes && sensitivity.assessedItems.size > 0;
  const evidence = withheld.evidence && sensitivity.evidenceInputs.size > 0;
  if (!notes && !evidence) return { json, redacted: [] };
  const card = JSON.parse(json) as { items: ItemJson[] };
  const all = (set: ReadonlySet<string>) => set.has('*');
  for (const item of card.items) {
    if (notes && (all(sensitivity.assessedItems) || sensitivity.assessedItems.has(item.id))) {
      item.explanation = withheldExplanation(item.points);
    }
    if (evidence) {
      for (const key of Object.keys(item.inputs)) {
        const value = item.inputs[key];
        const looksLikeFile = all(sensitivity.evidenceInputs) && typeof value !== 'number';
        if (sensitivity.evidenceInputs.has(key) || looksLikeFile) delete item.inputs[key];
      }
    }
  }
  const redacted = [...(notes ? [WITHHELD_NOTES] : []), ...(evidence ? [WITHHELD_EVIDENCE] : [])];
  return { json: JSON.stringify(card), redacted };
}

/** The stored scorecards of a page, by primary key (one JSON parameter for the list). */
export function storedScorecardsSql(tenantId: string, seqs: readonly number[]): SQL {
  return sql`SELECT seq, scorecard FROM ${scoreSnapshots}
    WHERE tenant_id = ${tenantId}
      AND seq IN (SELECT value FROM json_each(${JSON.stringify(seqs)}))`;
}

export interface StoredRef {
  readonly seq: number;
  readonly packKey: string;
  readonly packVersion: string;
  readonly packHash: string;
}

/**
 * The scorecards of `rows` as JSON text for `principal`, by snapshot seq: decoded once per
 * isolate (read-cache.ts); those it has not decoded yet are read by primary key in one query,
 * with one more for dictionaries the isolate lacks.
 */
export async function scorecardTexts(
  tdb: TenantDb,
  principal: Principal,
  rows: readonly StoredRef[],
): Promise<Map<number, { json: string; redacted: string[] }>> {
  const out = new Map<number, { json: string; redacted: string[] }>();
  if (rows.length === 0) return out;
  const texts = new Map<number, string>();
  for (const r of rows) {
    const known = cachedScorecard(tdb.tenantId, r.seq);
    if (known !== undefined) texts.set(r.seq, known);
  }
  const missing = rows.filter((r) => !texts.has(r.seq));
  const read =
    missing.length === 0
      ? []
      : ((await tdb.db.all(
          storedScorecardsSql(
            tdb.tenantId,
            missing.map((r) => r.seq),
          ),
        )) as { seq: number; scorecard: string }[]);
  const stored = new Map<number, string>(read.map((r) => [r.seq, r.scorecard]));
  const toDecode = missing.filter((r) => stored.has(r.seq));
  const decoded = await new ScorecardReader(tdb).decodeManyJson(
    toDecode.map((r) => stored.get(r.seq)),
  );
  for (const [i, r] of toDecode.entries()) {
    const json = decoded[i] as string;
    rememberScorecard(tdb.tenantId, r.seq, json);
    texts.set(r.seq, json);
  }
  const withheld = withheldFor(principal);
  const needsPack = withheld.notes || withheld.evidence;
  for (const row of rows) {
    const json = texts.get(row.seq);
    if (json === undefined) continue;
    if (!needsPack) {
      out.set(row.seq, { json, redacted: [] });
      continue;
    }
    const sensitivity = await sensitivityOf(tdb, {
      key: row.packKey,
      version: row.packVersion,
      hash: row.packHash,
    });
    out.set(row.seq, redactScorecard(json, sensitivity, withheld));
  }
  return out;
}
