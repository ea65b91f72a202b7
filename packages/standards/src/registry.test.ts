import { describe, expect, it } from 'vitest';
import { basePack } from '../test/rule-harness.ts';
import { definePack, findPackProblems } from './pack-integrity.ts';
import {
  builtInPacks,
  compareVersions,
  findBuiltInPack,
  packRef,
  versionInEffect,
} from './registry.ts';

describe('registry', () => {
  it('holds sound, uniquely versioned packs', () => {
    const refs = builtInPacks.map(packRef);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs).toContain('gz.full-employment@2024.1');
    for (const pack of builtInPacks) expect(findPackProblems(pack)).toEqual([]);
  });

  it('finds a pack by key (latest) or key@version', () => {
    expect(findBuiltInPack('gz.full-employment')?.version).toBe('2024.1');
    expect(findBuiltInPack('gz.full-employment@2024.1')?.key).toBe('gz.full-employment');
    expect(findBuiltInPack('gz.full-employment@1999.1')).toBeUndefined();
  });

  it('orders versions numerically, pre-releases first', () => {
    expect(['2024.10', '2024.9', '2024.9-draft', '2023.1'].sort(compareVersions)).toEqual([
      '2023.1',
      '2024.9-draft',
      '2024.9',
      '2024.10',
    ]);
  });

  it('proposes the version in effect on a date', () => {
    const old = definePack(
      basePack({
        key: 'x.y',
        version: '2023.1',
        effectiveFrom: '2023-01-01',
        effectiveTo: '2023-12-31',
      }),
    );
    const current = definePack(
      basePack({ key: 'x.y', version: '2024.1', effectiveFrom: '2024-01-01' }),
    );
    expect(versionInEffect('x.y', '2023-06-30', [old, current])?.version).toBe('2023.1');
    expect(versionInEffect('x.y', '2024-03-01', [old, current])?.version).toBe('2024.1');
    expect(versionInEffect('x.y', '2022-01-01', [old, current])).toBeUndefined();
  });
});
