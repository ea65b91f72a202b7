import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentOracle, ORACLE_FILE, type OracleFile } from './engine-oracle.ts';

// Every case of the oracle gives, byte for byte, what the engine gave when the oracle was
// frozen (before the engine was compiled to closures): scorecards, cycles, validations, errors.

const frozen = (JSON.parse(readFileSync(ORACLE_FILE, 'utf8')) as OracleFile).cases;
const current = currentOracle();

describe('engine oracle', () => {
  it('has the same cases with the same inputs', () => {
    expect(Object.keys(current)).toEqual(Object.keys(frozen));
    const changedInputs = Object.keys(frozen).filter(
      (name) => current[name]?.split(':')[0] !== frozen[name]?.split(':')[0],
    );
    expect(changedInputs).toEqual([]);
  });

  it('gives every case the frozen output, byte for byte', () => {
    const changed = Object.keys(frozen).filter((name) => current[name] !== frozen[name]);
    expect(changed).toEqual([]);
  });

  it('covers every built-in pack and the exercise pack with hundreds of cases each', () => {
    const perPack = new Map<string, number>();
    for (const name of Object.keys(frozen)) {
      const pack = name.split('/')[0] as string;
      perPack.set(pack, (perPack.get(pack) ?? 0) + 1);
    }
    expect(perPack.size).toBe(6);
    for (const count of perPack.values()) expect(count).toBeGreaterThan(300);
  });
});
