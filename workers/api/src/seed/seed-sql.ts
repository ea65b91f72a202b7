/** Seed statements: SQL with bound parameters, written so applying them twice changes nothing. */

export interface SeedStatement {
  sql: string;
  params: (string | number | null)[];
}

/** A stable id from a name, so the seed writes the same rows every time. */
export async function stableId(prefix: string, ...parts: string[]): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(['kaoping-demo', prefix, ...parts].join('\u0000')),
  );
  const hex = [...new Uint8Array(digest)]
    .slice(0, 16)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  return `${prefix}_${hex}`;
}

/** When the demo data was made (the Liangkou plan's date, 000_…txt). */
export const SEEDED_AT = '2024-06-24T00:00:00.000Z';

export function insert(table: string, row: Record<string, string | number | null>): SeedStatement {
  const cols = Object.keys(row);
  return {
    sql: `INSERT OR IGNORE INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols
      .map(() => '?')
      .join(', ')})`,
    params: Object.values(row),
  };
}
