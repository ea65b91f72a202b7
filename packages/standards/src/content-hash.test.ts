import { describe, expect, it } from 'vitest';
import { gzFullEmployment2024 } from '../packs/gz-full-employment-2024.ts';
import { basePack } from '../test/rule-harness.ts';
import { contentHash } from './content-hash.ts';
import { definePack } from './pack-integrity.ts';

describe('contentHash', () => {
  it('is a SHA-256 hex digest, stable for a pack', () => {
    expect(contentHash(gzFullEmployment2024)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(gzFullEmployment2024)).toBe(
      contentHash(structuredClone(gzFullEmployment2024)),
    );
  });

  it('ignores the order keys were written in, and the defaults left implicit', () => {
    const a = definePack(basePack({ total: 10 }));
    const b = definePack(
      Object.fromEntries(Object.entries(basePack({ total: 10, parameters: [] })).reverse()),
    );
    expect(contentHash(b)).toBe(contentHash(a));
  });

  it('changes with any change of content', () => {
    const changed = structuredClone(gzFullEmployment2024);
    (changed.items[0] as { max: number }).max = 9;
    expect(contentHash(changed)).not.toBe(contentHash(gzFullEmployment2024));
  });
});
