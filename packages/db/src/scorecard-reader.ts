import type { Scorecard } from '@kaoping/standards';
import { inArray } from 'drizzle-orm';
import { scorecardDictionaries } from './schema.ts';
import {
  decodeScorecard,
  decodeScorecardJson,
  scorecardDictionary,
  scorecardDictionaryId,
} from './scorecard-codec.ts';
import type { TenantDb } from './tenant-db.ts';

// Dictionaries are immutable and named by their content hash, so an isolate may keep them.
const cache = new Map<string, Uint8Array>();
const CACHE_LIMIT = 256;

function remember(key: string, bytes: Uint8Array): void {
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, bytes);
}

/**
 * Reads stored scorecards (score_snapshots.scorecard) for one tenant: loads the dictionaries
 * they were compressed with — all a page needs in one query — and decodes them.
 */
export class ScorecardReader {
  readonly tdb: TenantDb;

  constructor(tdb: TenantDb) {
    this.tdb = tdb;
  }

  private key(id: string): string {
    return `${this.tdb.tenantId}:${id}`;
  }

  private async load(stored: readonly unknown[]): Promise<void> {
    const wanted = new Set<string>();
    for (const value of stored) {
      const id = scorecardDictionaryId(value);
      if (id && !cache.has(this.key(id))) wanted.add(id);
    }
    if (wanted.size === 0) return;
    const rows = await this.tdb
      .select(scorecardDictionaries, inArray(scorecardDictionaries.id, [...wanted]))
      .all();
    for (const row of rows) remember(this.key(row.id), scorecardDictionary(row.body).bytes);
  }

  /** The scorecards, in the order given. */
  async decodeMany(stored: readonly unknown[]): Promise<Scorecard[]> {
    await this.load(stored);
    return stored.map((value) => decodeScorecard(value, (id) => cache.get(this.key(id))));
  }

  async decode(stored: unknown): Promise<Scorecard> {
    const [card] = await this.decodeMany([stored]);
    return card as Scorecard;
  }

  /**
   * The scorecards' JSON exactly as the engine produced it, in the order given: a page of them
   * loads its dictionaries in one query and is never parsed (the scores API splices the text).
   */
  async decodeManyJson(stored: readonly unknown[]): Promise<string[]> {
    await this.load(stored);
    return stored.map((value) => decodeScorecardJson(value, (id) => cache.get(this.key(id))));
  }

  /** The scorecard's JSON exactly as the engine produced it (for ETags and seals). */
  async decodeJson(stored: unknown): Promise<string> {
    await this.load([stored]);
    return decodeScorecardJson(stored, (id) => cache.get(this.key(id)));
  }
}
