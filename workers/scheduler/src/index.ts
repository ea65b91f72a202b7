import { dbFor } from '@kaoping/db/client';
import { runCron } from './cron-run.ts';

export default {
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runCron(dbFor(env.DB), new Date(controller.scheduledTime)));
  },
} satisfies ExportedHandler<Env>;
