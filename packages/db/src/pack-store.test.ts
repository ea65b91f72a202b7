import { env } from 'cloudflare:test';
import {
  contentHash,
  definePack,
  findBuiltInPack,
  type Pack,
  type PackInput,
} from '@kaoping/standards';
import { describe, expect, it } from 'vitest';
import { dbFor } from './client.ts';
import { newId } from './ids.ts';
import { PackHashMismatch, PackNotFound, resolvePack } from './pack-store.ts';
import { packVersions } from './schema.ts';
import { TenantDb } from './tenant-db.ts';

// One resolver for the scheduler's runs and the API's preview: built-in packs by key@version,
// the tenant's own versions from pack_versions, pinned by content hash.

const gz = findBuiltInPack('gz.full-employment@2024.1') as Pack;
const now = '2026-11-22T00:00:00.000Z';

async function tenantWith(pack: Pack, status: 'draft' | 'published', hash = contentHash(pack)) {
  const tdb = new TenantDb(dbFor(env.DB), newId('tenant'));
  await tdb.insert(packVersions, {
    id: newId('packVersion'),
    key: pack.key,
    version: pack.version,
    status,
    body: pack,
    contentHash: hash,
    createdBy: 'usr_test',
    createdAt: now,
    updatedAt: now,
    publishedAt: status === 'published' ? now : null,
  });
  return tdb;
}

describe('resolvePack', () => {
  it('finds a built-in pack by key and version, with its content hash', async () => {
    const tdb = new TenantDb(dbFor(env.DB), newId('tenant'));
    const found = await resolvePack(tdb, { key: 'gz.full-employment', version: '2024.1' });
    expect(found).toMatchObject({ origin: 'built-in', status: 'published', hash: contentHash(gz) });
    expect(found.pack).toBe(gz);
    await expect(
      resolvePack(tdb, { key: 'gz.full-employment', version: '2024.1' }, { hash: 'f'.repeat(64) }),
    ).rejects.toBeInstanceOf(PackHashMismatch);
  });

  it('finds a tenant’s published version, only for that tenant; drafts only when asked', async () => {
    const tailored = definePack({ ...(gz as unknown as PackInput), version: '2024.1-lk1' });
    const owner = await tenantWith(tailored, 'published');
    const found = await resolvePack(owner, { key: tailored.key, version: tailored.version });
    expect(found).toMatchObject({ origin: 'tenant', hash: contentHash(tailored) });
    // Parsed once per isolate: the same object comes back, so the engine's caches stay warm.
    expect((await resolvePack(owner, { key: tailored.key, version: tailored.version })).pack).toBe(
      found.pack,
    );
    const stranger = new TenantDb(dbFor(env.DB), newId('tenant'));
    await expect(
      resolvePack(stranger, { key: tailored.key, version: tailored.version }),
    ).rejects.toBeInstanceOf(PackNotFound);

    const draft = definePack({ ...(gz as unknown as PackInput), version: '2024.3-draft' });
    const drafting = await tenantWith(draft, 'draft');
    const refused = resolvePack(drafting, { key: draft.key, version: draft.version });
    await expect(refused).rejects.toBeInstanceOf(PackNotFound);
    await expect(refused).rejects.toMatchObject({
      text: { zh: expect.stringContaining('尚未发布') },
    });
    expect(
      (await resolvePack(drafting, { key: draft.key, version: draft.version }, { drafts: true }))
        .status,
    ).toBe('draft');
  });

  it('refuses a stored body whose content hash is not the one recorded', async () => {
    const tailored = definePack({ ...(gz as unknown as PackInput), version: '2024.1-lk2' });
    const tdb = await tenantWith(tailored, 'published', 'a'.repeat(64));
    await expect(
      resolvePack(tdb, { key: tailored.key, version: tailored.version }),
    ).rejects.toBeInstanceOf(PackHashMismatch);
  });
});
