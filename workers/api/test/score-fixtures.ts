import type { TestTenant, TestUnit } from './factories.ts';
import { callJson } from './http.ts';

/**
 * Larger org trees for score tests, through the real CSV import: `count` villages (or
 * communities) under `parent` (one with a code, or a town right below the root), named
 * `<prefix><n>`, returned in the order of their names.
 */
export async function importUnits(
  t: TestTenant,
  parent: TestUnit,
  count: number,
  options: { prefix?: string; kind?: 'village' | 'community' } = {},
): Promise<TestUnit[]> {
  const prefix = options.prefix ?? `导入村${t.marker}-`;
  const kind = options.kind ?? 'village';
  // The parent by its code, else by its name path from the root (a town right below it).
  const ref = parent.code ?? `${t.units.root.name}/${parent.name}`;
  const names = Array.from(
    { length: count },
    (_, i) => `${prefix}${String(i + 1).padStart(4, '0')}`,
  );
  await callJson('/v1/org-units/import', {
    token: t.tokens.admin,
    body: `name,kind,parent\n${names.map((n) => `${n},${kind},${ref}`).join('\n')}\n`,
    headers: { 'content-type': 'text/csv' },
    expect: 200,
  });
  const wanted = new Set(names);
  const found: TestUnit[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: TestUnit[]; next_cursor: string | null } = await callJson(
      `/v1/org-units?root=${parent.id}&kind=${kind}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      { token: t.tokens.admin },
    );
    found.push(...page.items.filter((u) => wanted.has(u.name)));
    cursor = page.next_cursor;
  } while (cursor);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
