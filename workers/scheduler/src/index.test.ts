import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from './index.ts';

async function tick(scheduledTime: number) {
  const controller = createScheduledController({ scheduledTime, cron: '*/5 * * * *' });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

describe('scheduled()', () => {
  it('records one run per scheduled time, however often the tick is delivered', async () => {
    const at = Date.UTC(2026, 10, 22, 8, 0);
    await tick(at);
    await tick(at);
    const runs = await env.DB.prepare(
      "SELECT status, scheduled_time FROM scoring_runs WHERE trigger = 'cron'",
    ).all<{ status: string; scheduled_time: string }>();
    expect(runs.results).toEqual([{ status: 'done', scheduled_time: new Date(at).toISOString() }]);
  });
});
