import type { Context } from 'hono';
import { createRouter } from '../../lib/create-app.ts';
import { AppError, problemResponse } from '../../lib/problem.ts';
import type { AppBindings } from '../../lib/types.ts';

/**
 * /docs: the API reference — Swagger UI on /v1/openapi.json, self-hosted. The files are the
 * UI build's (packages/ui/build-docs.mjs copies them to dist/docs/); wrangler.toml sends
 * /docs and /docs/* to the worker first, so they leave with the API's security headers
 * (CSP script-src 'self', no inline script) rather than the static defaults. Not part of the
 * OpenAPI document: it is a page, not an API route.
 */

/**
 * The files build-docs.mjs writes, and only those: the assets' single-page-application
 * fallback would answer any other name with the UI's index.html.
 */
const FILES = new Set([
  'index.html',
  'init.js',
  'api-docs.css',
  'swagger-ui-bundle.js',
  'swagger-ui.css',
  'LICENSE',
  'NOTICE',
]);

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

const docsMissing = () =>
  new AppError('not_found', {
    zh: '接口文档页未构建（运行 pnpm --filter @kaoping/ui build）',
    en: 'The docs page is not built (run the UI build)',
  });

async function serve(c: Context<AppBindings>, file: string): Promise<Response> {
  const assets = c.env.ASSETS;
  if (!assets) return problemResponse(c, docsMissing());
  // Static assets serve …/index.html at the directory's own path.
  const path = file === 'index.html' ? '/docs/' : `/docs/${file}`;
  const found = await assets.fetch(new Request(new URL(path, c.req.url)));
  if (found.status !== 200) {
    return problemResponse(
      c,
      new AppError('not_found', { zh: '没有这个地址', en: 'No such route' }),
    );
  }
  const extension = file.slice(file.lastIndexOf('.') + 1);
  return new Response(found.body, {
    status: 200,
    headers: {
      'content-type': TYPES[extension] ?? 'text/plain; charset=utf-8',
      // The page changes with each deploy; the bundle is versioned by swagger-ui-dist's.
      'cache-control': file === 'index.html' ? 'no-cache' : 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    },
  });
}

export const docsRouter = createRouter()
  .get('/docs', (c) => serve(c, 'index.html'))
  .get('/docs/', (c) => serve(c, 'index.html'))
  .get('/docs/:file', (c) => {
    const file = c.req.param('file');
    if (!FILES.has(file) || file === 'index.html') {
      return problemResponse(
        c,
        new AppError('not_found', { zh: '没有这个地址', en: 'No such route' }),
      );
    }
    return serve(c, file);
  });
