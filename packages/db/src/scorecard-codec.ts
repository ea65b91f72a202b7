import { Buffer } from 'node:buffer';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { type Pack, type Scorecard, score, sha256Hex, type UnitKind } from '@kaoping/standards';

/**
 * How score snapshots hold their scorecards. A gz full-employment scorecard is ~20 KB of JSON
 * (titles and explanations in zh and en); 26,842 units × 3 stages × 5 years of those is ~9 GB,
 * the whole of a D1 database. Most of those bytes repeat in every scorecard of the same pack,
 * so a scorecard is deflated against a preset dictionary — the scorecard of synthetic inputs
 * under the same pack, parameters and engine — and lands at ~1.2 KB (docs/ARCHITECTURE.md has
 * the measurements). The dictionary is stored once per tenant (scorecard_dictionaries), named by
 * its content hash, so a snapshot stays readable whatever the engine does later.
 *
 * Stored form: the `scorecard` column holds a JSON string literal "kz1:<dictionary id>:<base64>",
 * so drizzle's json column reads it as that string; a plain JSON object (an older or
 * hand-written row) is read as it is. Decoding returns the engine's JSON byte for byte.
 */

const PREFIX = 'kz1:';
const DICTIONARY_ID_HEX = 32;

export interface ScorecardDictionary {
  /** The first 32 hex digits of the body's SHA-256. */
  readonly id: string;
  /** The dictionary text (a scorecard's JSON). */
  readonly body: string;
  readonly bytes: Uint8Array;
}

export function scorecardDictionary(body: string): ScorecardDictionary {
  return {
    id: sha256Hex(body).slice(0, DICTIONARY_ID_HEX),
    body,
    bytes: new Uint8Array(Buffer.from(body, 'utf8')),
  };
}

function syntheticInputs(pack: Pack): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const input of pack.inputs) {
    switch (input.kind) {
      case 'count':
      case 'number':
        inputs[input.id] = Math.max(1, input.min ?? 1);
        break;
      case 'percent':
        inputs[input.id] = 50;
        break;
      case 'boolean':
        inputs[input.id] = true;
        break;
      case 'enum':
        inputs[input.id] = input.options[0]?.value;
        break;
      case 'date':
        inputs[input.id] = pack.effectiveFrom;
        break;
      case 'text':
      case 'evidence':
        break;
    }
  }
  return inputs;
}

/**
 * The dictionary for scorecards of `pack` under `parameters`: the scorecard of synthetic inputs
 * (no unit's data), deterministic, so every worker that builds it gets the same id.
 * Throws what `score` throws for an unusable pack or bad parameters.
 */
export function buildScorecardDictionary(
  pack: Pack,
  parameters: Readonly<Record<string, unknown>> | undefined,
  unitKind?: UnitKind,
): ScorecardDictionary {
  const kind = unitKind ?? pack.unitKinds[0];
  const card = score(pack, parameters, syntheticInputs(pack), {
    unitId: 'org_00000000000000000000000000000000',
    ...(kind ? { unitKind: kind } : {}),
  });
  return scorecardDictionary(JSON.stringify(card));
}

/** The scorecard's JSON (as JSON.stringify gives it), deflated against the dictionary. */
export function encodeScorecardJson(json: string, dictionary: ScorecardDictionary): string {
  const packed = deflateRawSync(Buffer.from(json, 'utf8'), {
    dictionary: dictionary.bytes,
    level: 9,
  });
  return `${PREFIX}${dictionary.id}:${packed.toString('base64')}`;
}

export function encodeScorecard(scorecard: Scorecard, dictionary: ScorecardDictionary): string {
  return encodeScorecardJson(JSON.stringify(scorecard), dictionary);
}

/** The text to put in score_snapshots.scorecard for an encoded scorecard. */
export function storedScorecard(encoded: string): string {
  return JSON.stringify(encoded);
}

/** A stored value as drizzle returns it (a string or an object) or as raw SQL does (text). */
function unwrap(stored: unknown): string | object {
  if (typeof stored === 'object' && stored !== null) return stored;
  if (typeof stored !== 'string') throw new TypeError('not a stored scorecard');
  if (stored.startsWith('"')) return JSON.parse(stored) as string;
  return stored;
}

/** The dictionary a stored scorecard needs, or null when it is plain JSON. */
export function scorecardDictionaryId(stored: unknown): string | null {
  const value = unwrap(stored);
  if (typeof value !== 'string' || !value.startsWith(PREFIX)) return null;
  return value.slice(PREFIX.length, PREFIX.length + DICTIONARY_ID_HEX);
}

export class MissingDictionary extends Error {
  readonly dictionaryId: string;
  constructor(dictionaryId: string) {
    super(`scorecard dictionary ${dictionaryId} not found`);
    this.name = 'MissingDictionary';
    this.dictionaryId = dictionaryId;
  }
}

/** The scorecard's JSON exactly as the engine's output stringified. */
export function decodeScorecardJson(
  stored: unknown,
  dictionary: (id: string) => Uint8Array | undefined,
): string {
  const value = unwrap(stored);
  if (typeof value === 'object') return JSON.stringify(value);
  if (value.startsWith('{')) return value;
  if (!value.startsWith(PREFIX)) throw new TypeError('not a stored scorecard');
  const id = value.slice(PREFIX.length, PREFIX.length + DICTIONARY_ID_HEX);
  const bytes = dictionary(id);
  if (!bytes) throw new MissingDictionary(id);
  const packed = Buffer.from(value.slice(PREFIX.length + DICTIONARY_ID_HEX + 1), 'base64');
  return inflateRawSync(packed, { dictionary: bytes }).toString('utf8');
}

export function decodeScorecard(
  stored: unknown,
  dictionary: (id: string) => Uint8Array | undefined,
): Scorecard {
  return JSON.parse(decodeScorecardJson(stored, dictionary)) as Scorecard;
}
