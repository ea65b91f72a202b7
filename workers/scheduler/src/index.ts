import { SCORING_DEAD_LETTER_QUEUE } from '@kaoping/db/scoring-messages';
import { schedulerEnv } from './env.ts';
import { consumeScoring } from './queue/consumer.ts';
import { consumeDeadLetters } from './queue/dead-letters.ts';
import { tickOutcomes } from './run/outcomes.ts';
import { tick } from './run/tick.ts';

export default {
  /** The cron trigger: one tick, awaited so the invocation lives as long as the run. */
  async scheduled(controller, env, _ctx) {
    const outcome = await tick(
      schedulerEnv(env as unknown as Record<string, unknown>),
      controller.scheduledTime,
    );
    tickOutcomes.set(controller, outcome);
  },

  /** The scoring queue and its dead-letter queue. */
  async queue(batch, env, _ctx) {
    const scheduler = schedulerEnv(env as unknown as Record<string, unknown>);
    if (batch.queue === SCORING_DEAD_LETTER_QUEUE) await consumeDeadLetters(batch, scheduler);
    else await consumeScoring(batch, scheduler);
  },

  /**
   * Development only (`pnpm dev`): POST /__dev/tick runs a tick, so scripts/dev.mjs can score
   * while you work (wrangler dev fires no crons by itself). Anywhere else: 404.
   */
  async fetch(request, env, _ctx) {
    const url = new URL(request.url);
    if (env.ENVIRONMENT !== 'development' || url.pathname !== '/__dev/tick') {
      return new Response('Not found', { status: 404 });
    }
    if (request.method !== 'POST') return new Response('Method not allowed', { status: 405 });
    const outcome = await tick(schedulerEnv(env as unknown as Record<string, unknown>), Date.now());
    return Response.json(outcome);
  },
} satisfies ExportedHandler<Env>;
