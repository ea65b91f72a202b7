// Seeds the local D1 used by `pnpm dev` with the demo tenants. Idempotent:
// every statement is INSERT OR IGNORE on stable ids, so running it twice
// changes nothing the second time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoSeedStatements, toSqlScript } from '../workers/api/src/seed/demo-seed.ts';
import { bin, mustRun, persistTo } from './lib.mjs';

// `--persist-to DIR` seeds another local D1 (the browser tests' own), else pnpm dev's.
const flag = process.argv.indexOf('--persist-to');
const target = flag >= 0 && process.argv[flag + 1] ? resolve(process.argv[flag + 1]) : persistTo;

const statements = await demoSeedStatements();
// Beside the database it seeds, so two seeds of two databases never share a file.
mkdirSync(target, { recursive: true });
const file = resolve(target, 'seed.sql');
writeFileSync(file, `${toSqlScript(statements)}\n`);
await mustRun(bin('wrangler'), [
  'd1',
  'execute',
  'kaoping',
  '--local',
  '--persist-to',
  target,
  '--file',
  file,
]);
console.log(`✓ demo seed applied (${statements.length} idempotent statements)`);
