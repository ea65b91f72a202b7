import { z } from '@hono/zod-openapi';

/**
 * The api worker's bindings and vars, validated once per isolate before any
 * request is served: a missing binding fails loudly at the first request
 * instead of as a confusing error deep in a handler.
 */
export const EnvSchema = z.object({
  DB: z.custom<D1Database>((v) => typeof v === 'object' && v !== null, 'D1 binding DB'),
  ASSETS: z.custom<Fetcher>((v) => typeof v === 'object' && v !== null).optional(),
  /** Where the UI and API are served, used as the JWT issuer and audience. */
  PUBLIC_ORIGIN: z.string().url(),
  /** Set by deploys and `pnpm dev` (git describe); "dev" otherwise. */
  BUILD_VERSION: z.string().default('dev'),
  ENVIRONMENT: z.enum(['development', 'test', 'production']).default('production'),
});

export type AppEnv = z.infer<typeof EnvSchema>;

let validated: WeakSet<object> | undefined;

export function validateEnv(env: unknown): AppEnv {
  validated ??= new WeakSet();
  if (typeof env === 'object' && env !== null && validated.has(env)) return env as AppEnv;
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const fields = result.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Worker environment is misconfigured: ${fields}`);
  }
  validated.add(env as object);
  return { ...(env as object), ...result.data } as AppEnv;
}
