import { sha256Hex } from '../../lib/crypto.ts';

/** An id as packages/db/src/ids.ts makes them: a short prefix and 128 bits in hex. */
const ID = /^([a-z]{2,4})_([0-9a-f]{32})$/;
/** A materialised org path: "/org_…/org_…/". */
const PATH = /^\/(?:[a-z]{2,4}_[0-9a-f]{32}\/)+$/;

export const RESTORE_ID_DOMAIN = 'kaoping-restore/1';

/**
 * How a restore renames ids: every id of the export becomes
 * `<same prefix>_<first 32 hex of SHA-256("kaoping-restore/1" NUL <target tenant> NUL <old id>)>`,
 * except the few mapped onto rows the target already has (`fixed`: the source tenant → the
 * target tenant, the source root unit → the target's root, people whose email the target
 * already knows → those people). So the mapping needs no table: anyone holding the export and
 * the target tenant's id can recompute it (a sealed document names the old ids), a page sent
 * twice produces the same ids, and two restores of one export into two tenants never collide
 * with each other or with the source, whose ids remain in the same database.
 */
export class IdMap {
  readonly targetTenantId: string;
  readonly #fixed: ReadonlyMap<string, string>;
  readonly #cache = new Map<string, string>();

  constructor(targetTenantId: string, fixed: ReadonlyMap<string, string>) {
    this.targetTenantId = targetTenantId;
    this.#fixed = fixed;
  }

  static isId(value: string): boolean {
    return ID.test(value);
  }

  /** Compute the new ids of every id found in `values` (deeply), so `map`/`rewrite` are sync. */
  async prepare(values: unknown): Promise<void> {
    const found = new Set<string>();
    const visit = (v: unknown): void => {
      if (typeof v === 'string') {
        if (ID.test(v)) found.add(v);
        else if (PATH.test(v)) for (const part of v.split('/').filter(Boolean)) found.add(part);
      } else if (Array.isArray(v)) {
        for (const x of v) visit(x);
      } else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          visit(k);
          visit(x);
        }
      }
    };
    visit(values);
    await Promise.all(
      [...found]
        .filter((id) => !this.#fixed.has(id) && !this.#cache.has(id))
        .map(async (id) => {
          const prefix = ID.exec(id)![1]!;
          const digest = await sha256Hex(
            `${RESTORE_ID_DOMAIN}\u0000${this.targetTenantId}\u0000${id}`,
          );
          this.#cache.set(id, `${prefix}_${digest.slice(0, 32)}`);
        }),
    );
  }

  /** The new id of `id` (prepared before). */
  map(id: string): string {
    const mapped = this.#fixed.get(id) ?? this.#cache.get(id);
    if (mapped === undefined) throw new Error(`IdMap: ${id} was not prepared`);
    return mapped;
  }

  /** `value` with every id in it renamed: id strings, org paths and object keys, at any depth. */
  rewrite<T>(value: T): T {
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') {
        if (ID.test(v)) return this.map(v);
        if (PATH.test(v)) {
          return `/${v
            .split('/')
            .filter(Boolean)
            .map((p) => this.map(p))
            .join('/')}/`;
        }
        return v;
      }
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[ID.test(k) ? this.map(k) : k] = walk(x);
        return out;
      }
      return v;
    };
    return walk(value) as T;
  }
}
