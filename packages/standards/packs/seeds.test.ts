import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// packages/standards/seeds holds the four source documents verbatim, so the packs' citation
// tests run on any clone. Beside the workspace's own ../shared/seeds, the copies must match.

const COPIES = new URL('../seeds/', import.meta.url);
const SHARED = new URL('../../../../shared/seeds/', import.meta.url);

describe('the seed documents the packs cite', () => {
  it('are kept in the repository: the four documents and their README', () => {
    expect(readdirSync(COPIES).sort()).toEqual([
      '000_802a087d396963ff.txt',
      '001_0c8b13447a812187.txt',
      '002_b07f60abaad8dab2.txt',
      '003_3099b45a35ebd968.txt',
      'README.md',
    ]);
  });

  it.skipIf(!existsSync(SHARED))('are byte for byte the shared originals', () => {
    for (const name of readdirSync(SHARED)) {
      expect(
        readFileSync(new URL(name, COPIES)).equals(readFileSync(new URL(name, SHARED))),
        name,
      ).toBe(true);
    }
  });
});
