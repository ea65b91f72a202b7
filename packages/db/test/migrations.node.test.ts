import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

describe('committed migrations', () => {
  it('match the drizzle schema (drizzle-kit generates nothing new)', () => {
    const out = mkdtempSync(join(tmpdir(), 'kaoping-migrations-'));
    try {
      cpSync(join(root, 'migrations'), out, { recursive: true });
      const before = readdirSync(out).sort();
      const run = spawnSync(
        join(root, 'node_modules/.bin/drizzle-kit'),
        [
          'generate',
          '--dialect=sqlite',
          `--schema=${join(root, 'packages/db/src/schema.ts')}`,
          // drizzle-kit prefixes the out dir with './', so it must be relative.
          `--out=${relative(root, out)}`,
        ],
        { cwd: root, encoding: 'utf8' },
      );
      const log = `${run.stdout}${run.stderr}`;
      expect(run.status, log).toBe(0);
      expect(readdirSync(out).sort(), log).toEqual(before);
      expect(log).toContain('No schema changes');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
