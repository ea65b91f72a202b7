import { z } from '@hono/zod-openapi';
import { parseSigningKeys } from './auth/keys.ts';

const binding = <T>(what: string) =>
  z.custom<T>((v) => typeof v === 'object' && v !== null, `binding ${what}`);

const rateLimiter = (what: string) =>
  z.custom<RateLimit>(
    (v) =>
      typeof v === 'object' && v !== null && typeof (v as { limit?: unknown }).limit === 'function',
    `rate-limit binding ${what}`,
  );

/**
 * The api worker's bindings, vars and secrets, validated once per isolate
 * before any request is served: a missing binding or a malformed key fails
 * loudly at the first request instead of as a confusing error deep in a handler.
 */
export const EnvSchema = z.object({
  DB: binding<D1Database>('DB'),
  ASSETS: binding<Fetcher>('ASSETS').optional(),
  /** Where the UI and API are served, used as the JWT issuer and audience. */
  PUBLIC_ORIGIN: z.string().url(),
  /** Set by deploys and `pnpm dev` (git describe); "dev" otherwise. */
  BUILD_VERSION: z.string().default('dev'),
  ENVIRONMENT: z.enum(['development', 'test', 'production']).default('production'),
  /**
   * Secret: JSON array of EC P-256 private JWKs with `kid` (and `retireAt` on
   * retired ones); the first signs. `pnpm dev` writes a local one to .dev.vars.
   */
  JWT_SIGNING_KEYS: z.string().superRefine((value, ctx) => {
    try {
      parseSigningKeys(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  }),
  /** Workers rate-limiting bindings ([[ratelimits]] in wrangler.toml). */
  SIGNUP_LIMITER: rateLimiter('SIGNUP_LIMITER'),
  SIGNIN_LIMITER: rateLimiter('SIGNIN_LIMITER'),
  TOKEN_LIMITER: rateLimiter('TOKEN_LIMITER'),
  PREVIEW_LIMITER: rateLimiter('PREVIEW_LIMITER'),
  OBJECTION_LIMITER: rateLimiter('OBJECTION_LIMITER'),
  /** R2 bucket for evidence files ([[r2_buckets]] in wrangler.toml). */
  EVIDENCE: binding<R2Bucket>('EVIDENCE'),
  /**
   * Producer for the scheduler's queue `kaoping-scoring` ([[queues.producers]] in
   * wrangler.toml): on-demand re-scores and dead-letter replays.
   */
  SCORING_QUEUE: z.custom<Queue>(
    (v) => typeof v === 'object' && v !== null && typeof (v as Queue).send === 'function',
    'queue binding SCORING_QUEUE',
  ),
  /**
   * The scheduler worker ([[services]] in wrangler.toml), reached only by the development
   * route POST /__dev/tick (routes/dev): `pnpm dev` scores through it.
   */
  SCHEDULER: binding<Fetcher>('SCHEDULER').optional(),
});

export type AppEnv = z.infer<typeof EnvSchema>;

let validated: WeakSet<object> | undefined;

export function validateEnv(env: unknown): AppEnv {
  validated ??= new WeakSet();
  if (typeof env === 'object' && env !== null && validated.has(env)) return env as AppEnv;
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const fields = result.error.issues
      .map((i) => (i.path.length ? i.path.join('.') : i.message))
      .join(', ');
    throw new Error(`Worker environment is misconfigured: ${fields}`);
  }
  validated.add(env as object);
  return { ...(env as object), ...result.data } as AppEnv;
}
