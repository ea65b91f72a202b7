import { ID_PATTERN, type LoadTenant, type World } from './world.ts';

/**
 * Requests of a load test, measured and checked: each answer's latency and status, every
 * 5xx, every answer not among those expected, and every id in a body that belongs to a
 * tenant other than the caller's.
 */
export interface Answer {
  status: number;
  text: string;
  headers: Headers;
  ms: number;
}

export class Traffic {
  readonly latencies: number[] = [];
  readonly byKind = new Map<string, number[]>();
  requests = 0;
  /** 5xx answers nobody designed: 500s, or a 503 without Retry-After. */
  fiveXX = 0;
  /** 503 with Retry-After: the designed answer to overload (the client waits and retries). */
  designed503 = 0;
  readonly unexpected: string[] = [];
  readonly leaks: string[] = [];
  private readonly world: World;

  constructor(world: World) {
    this.world = world;
  }

  async send(
    tenant: LoadTenant,
    kind: string,
    path: string,
    init: RequestInit,
    expected: readonly number[],
  ): Promise<Answer> {
    const started = performance.now();
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.world.origin}${path}`, init);
      text = await res.text();
    } catch (err) {
      this.requests += 1;
      this.unexpected.push(`${init.method ?? 'GET'} ${path}: ${(err as Error).message}`);
      return { status: 0, text: '', headers: new Headers(), ms: performance.now() - started };
    }
    const ms = performance.now() - started;
    this.requests += 1;
    this.latencies.push(ms);
    const list = this.byKind.get(kind) ?? [];
    list.push(ms);
    this.byKind.set(kind, list);
    if (res.status === 503 && res.headers.has('retry-after')) this.designed503 += 1;
    else if (res.status >= 500) this.fiveXX += 1;
    if (!expected.includes(res.status)) {
      this.unexpected.push(`${init.method ?? 'GET'} ${path} → ${res.status} ${text.slice(0, 200)}`);
    }
    for (const id of text.match(ID_PATTERN) ?? []) {
      const owner = this.world.owners[id];
      if (owner && owner !== tenant.slug) {
        this.leaks.push(`${tenant.slug} got ${owner}'s ${id} from ${path}`);
      }
    }
    return { status: res.status, text, headers: res.headers, ms };
  }
}

export const bearer = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  ...extra,
});

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded PRNG (mulberry32): the same seed, the same mix of requests. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
