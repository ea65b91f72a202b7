// The API reference at /docs: Swagger UI, self-hosted (no CDN), copied from swagger-ui-dist
// into the UI's build output under docs/, with the page and its tiny external init script
// from api-docs/. The api worker serves these files at /docs with script-src 'self'.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** swagger-ui-dist's files the page loads (its bundle includes React; no standalone preset). */
const SWAGGER_FILES = ['swagger-ui-bundle.js', 'swagger-ui.css', 'LICENSE', 'NOTICE'];
const PAGE_FILES = ['index.html', 'init.js', 'api-docs.css'];

/** Writes dist/docs/: the Swagger UI files and the page. */
export function copyApiDocs(out) {
  const target = resolve(out, 'docs');
  mkdirSync(target, { recursive: true });
  const swagger = dirname(require.resolve('swagger-ui-dist/package.json'));
  for (const file of SWAGGER_FILES) copyFileSync(resolve(swagger, file), resolve(target, file));
  for (const file of PAGE_FILES)
    copyFileSync(resolve(here, 'api-docs', file), resolve(target, file));
  return target;
}
