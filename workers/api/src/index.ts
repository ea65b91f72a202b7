import './lib/bilingual-zod.ts';
import { buildApp } from './app.ts';
import { validateEnv } from './env.ts';

const app = buildApp();

export default {
  fetch(request, env, ctx) {
    return app.fetch(request, validateEnv(env), ctx);
  },
} satisfies ExportedHandler<Env>;
