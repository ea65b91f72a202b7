/**
 * Two per-isolate caches for score reads, both safe because snapshots never change:
 *
 * - rendered answers, by tenant and ETag: an ETag is a digest of everything the answer is
 *   made of (the snapshots' sequence numbers, the mutable fields beside them, the view, what
 *   is withheld from the caller, the next cursor), so the same ETag is the same bytes. A page
 *   many clients poll is decoded and assembled once per isolate, then served from here after
 *   its one metadata query.
 * - decoded scorecards, by tenant and snapshot seq: pages that overlap (the list and the feed,
 *   other limits or cursors) decode each scorecard once.
 *
 * Both are bounded by bytes and evict the least recently used; an isolate holds 128 MB.
 */

class ByteLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private used = 0;
  private readonly budget: number;
  private readonly largest: number;

  constructor(budget: number, largest: number) {
    this.budget = budget;
    this.largest = largest;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-insert: Map keeps insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, bytes: number): void {
    if (bytes > this.largest) return;
    const old = this.entries.get(key);
    if (old) {
      this.used -= old.bytes;
      this.entries.delete(key);
    }
    while (this.used + bytes > this.budget && this.entries.size > 0) {
      const oldest = this.entries.keys().next().value as string;
      this.used -= this.entries.get(oldest)?.bytes ?? 0;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { value, bytes });
    this.used += bytes;
  }
}

const answers = new ByteLru<Uint8Array>(24 * 1024 * 1024, 4 * 1024 * 1024);
const scorecards = new ByteLru<string>(16 * 1024 * 1024, 512 * 1024);

export function cachedAnswer(tenantId: string, etag: string): Uint8Array | undefined {
  return answers.get(`${tenantId} ${etag}`);
}

export function rememberAnswer(tenantId: string, etag: string, body: Uint8Array): void {
  answers.set(`${tenantId} ${etag}`, body, body.byteLength);
}

export function cachedScorecard(tenantId: string, seq: number): string | undefined {
  return scorecards.get(`${tenantId} ${seq}`);
}

export function rememberScorecard(tenantId: string, seq: number, json: string): void {
  // JS strings are UTF-16: two bytes a character.
  scorecards.set(`${tenantId} ${seq}`, json, json.length * 2);
}
