// Builds the UI to dist/, which the api worker serves as static assets, and
// prints what the first page weighs gzipped (budget: 100 KB, issue 8).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { copyApiDocs } from './build-docs.mjs';
import { FIRST_PAGE_BUDGET_BYTES, firstPageReport } from './first-page-size.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(resolve(here, 'public'), out, { recursive: true });
// The API reference at /docs (Swagger UI, self-hosted): build-docs.mjs.
copyApiDocs(out);

// Screens behind sign-in load on demand (src/router/routes.ts), so the first
// page is the shell and the sign-in form; part 2's heavier screens do not
// grow it.
const result = await build({
  entryPoints: { app: resolve(here, 'src/main.tsx') },
  bundle: true,
  minify: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outdir: out,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});

const report = firstPageReport(out, result.metafile);
for (const line of report.lines) console.log(line);
if (report.worstBytes > FIRST_PAGE_BUDGET_BYTES) {
  console.error(`✗ the first page is over its ${FIRST_PAGE_BUDGET_BYTES / 1000} KB gzipped budget`);
  process.exit(1);
}
console.log('✓ UI built to packages/ui/dist');
