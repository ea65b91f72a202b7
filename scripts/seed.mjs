// Seeds the local D1 used by `pnpm dev` with the demo tenants. Idempotent:
// every statement is INSERT OR IGNORE on stable ids, so running it twice
// changes nothing the second time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoSeedStatements, toSqlScript } from '../workers/api/src/seed/demo-seed.ts';
import { bin, mustRun, persistTo, root } from './lib.mjs';

const statements = await demoSeedStatements();
mkdirSync(resolve(root, '.wrangler'), { recursive: true });
const file = resolve(root, '.wrangler/seed.sql');
writeFileSync(file, `${toSqlScript(statements)}\n`);
await mustRun(bin('wrangler'), [
  'd1',
  'execute',
  'kaoping',
  '--local',
  '--persist-to',
  persistTo,
  '--file',
  file,
]);
console.log(`✓ demo seed applied (${statements.length} idempotent statements)`);
