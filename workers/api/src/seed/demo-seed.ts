import { hashPassword } from '../auth/password.ts';
import { demoCampaignStatements } from './demo-campaigns.ts';
import { DEMO_PASSWORD, DEMO_TENANTS, type DemoTenant, type DemoUnit } from './demo-data.ts';
import { insert, SEEDED_AT, type SeedStatement, stableId } from './seed-sql.ts';

export type { SeedStatement } from './seed-sql.ts';

/** A unit and its subtree as org_units rows on stable ids; `ids` maps each name to its id. */
export async function unitStatements(
  tenant: DemoTenant,
  tenantId: string,
  unit: DemoUnit,
  parent: { id: string; path: string; depth: number } | null,
  ids: Map<string, string>,
): Promise<SeedStatement[]> {
  const id = await stableId('org', tenant.slug, parent?.id ?? '', unit.name);
  ids.set(unit.name, id);
  const path = `${parent?.path ?? '/'}${id}/`;
  const depth = parent ? parent.depth + 1 : 0;
  const out = [
    insert('org_units', {
      id,
      tenant_id: tenantId,
      parent_id: parent?.id ?? null,
      kind: unit.kind,
      name: unit.name,
      name_en: unit.nameEn ?? null,
      code: unit.code ?? null,
      path,
      depth,
      status: 'active',
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
    }),
  ];
  for (const child of unit.children ?? []) {
    out.push(...(await unitStatements(tenant, tenantId, child, { id, path, depth }, ids)));
  }
  return out;
}

/**
 * The demo data as idempotent statements (INSERT OR IGNORE on stable ids and
 * natural keys): applying them twice leaves the same rows as applying them once.
 */
export async function demoSeedStatements(): Promise<SeedStatement[]> {
  const out: SeedStatement[] = [];
  for (const tenant of DEMO_TENANTS) {
    const tenantId = await stableId('tn', tenant.slug);
    out.push(
      insert('tenants', {
        id: tenantId,
        slug: tenant.slug,
        name: tenant.name,
        name_en: tenant.nameEn,
        level: tenant.level,
        area_code: tenant.areaCode,
        status: 'active',
        shard: 'DB',
        cors_origins: '[]',
        created_at: SEEDED_AT,
        updated_at: SEEDED_AT,
      }),
    );
    const ids = new Map<string, string>();
    out.push(...(await unitStatements(tenant, tenantId, tenant.root, null, ids)));
    for (const user of tenant.users) {
      const userId = await stableId('usr', tenant.slug, user.email);
      // A salt derived from the email keeps the seed deterministic; real users get random salts.
      const salt = new Uint8Array(
        await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`salt:${user.email}`)),
      ).slice(0, 16);
      const pw = await hashPassword(DEMO_PASSWORD, salt);
      out.push(
        insert('users', {
          id: userId,
          tenant_id: tenantId,
          email: user.email,
          display_name: user.displayName,
          password_hash: pw.hash,
          password_salt: pw.salt,
          password_iterations: pw.iterations,
          status: 'active',
          created_at: SEEDED_AT,
          updated_at: SEEDED_AT,
        }),
      );
      const scopeId = user.scope ? (ids.get(user.scope) ?? null) : null;
      if (user.scope && !scopeId) throw new Error(`demo user ${user.email}: no unit ${user.scope}`);
      out.push(
        insert('role_grants', {
          id: await stableId('grt', tenant.slug, user.email, user.role, user.stage ?? ''),
          tenant_id: tenantId,
          user_id: userId,
          role: user.role,
          org_unit_id: scopeId,
          stage: user.stage ?? null,
          created_at: SEEDED_AT,
        }),
      );
    }
    out.push(...(await demoCampaignStatements(tenant, tenantId, ids)));
  }
  return out;
}

/** SQL text with the parameters inlined, for `wrangler d1 execute --file`. */
export function toSqlScript(statements: SeedStatement[]): string {
  const literal = (v: string | number | null) =>
    v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;
  return statements
    .map((s) => {
      let i = 0;
      return `${s.sql.replace(/\?/g, () => literal(s.params[i++]!))};`;
    })
    .join('\n');
}
