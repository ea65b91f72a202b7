import { createHash } from 'node:crypto';
import { builtInPacks } from '../src/registry.ts';
import { oracleCases } from './engine-oracle-cases.ts';
import { exercisePack } from './oracle-exercise-pack.ts';

// The engine oracle: for every case, a short hash of its input and of its output's JSON, taken
// from the engine as it was before it was optimised (test/engine-oracle.json). A faster engine
// must give every case the same bytes. Regenerate only on purpose — when a scorecard is meant to
// change (and ENGINE_VERSION with it) or a case is added:
//   node packages/standards/test/write-engine-oracle.ts

export const ORACLE_FILE = new URL('./engine-oracle.json', import.meta.url);

export interface OracleFile {
  readonly note: string;
  /** Case name → "<input hash>:<output hash>". */
  readonly cases: Readonly<Record<string, string>>;
}

export function digest(value: unknown): string {
  const json = JSON.stringify(value) ?? 'undefined';
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

/** Every case's input and output hashes, from the engine as it is now. */
export function currentOracle(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of oracleCases(builtInPacks, exercisePack)) {
    if (c.name in out) throw new Error(`duplicate oracle case ${c.name}`);
    out[c.name] = `${digest(c.input)}:${digest(c.run())}`;
  }
  return out;
}
