import { createRouter } from '../../lib/create-app.ts';
import { AppError } from '../../lib/problem.ts';

/**
 * Development only (`pnpm dev`, the browser tests): POST /__dev/tick runs one scheduler tick
 * through the SCHEDULER service binding, i.e. the scheduler inside this same `wrangler dev`
 * session. One workerd then holds the local D1: a second wrangler process on the same
 * `--persist-to` file made writes fail with SQLITE_BUSY ("database is locked") while it scored.
 * Not part of the API (no OpenAPI entry); 404 unless ENVIRONMENT is "development".
 */
export const devRouter = createRouter().post('/__dev/tick', async (c) => {
  const scheduler = c.env.SCHEDULER;
  if (c.env.ENVIRONMENT !== 'development' || !scheduler) {
    throw new AppError('not_found', { zh: '没有这个地址', en: 'No such route' });
  }
  const answer = await scheduler.fetch('http://scheduler/__dev/tick', { method: 'POST' });
  // A fetched Response's headers are immutable; the security-header middleware adds its own.
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
});
