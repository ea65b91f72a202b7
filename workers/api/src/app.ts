import { authenticate } from './auth/authenticate.ts';
import { bodyGuards } from './lib/body-guards.ts';
import { cors, corsTenantCheck } from './lib/cors.ts';
import { createApp } from './lib/create-app.ts';
import { auditRouter } from './routes/audit/audit.index.ts';
import { authRouter } from './routes/auth/auth.index.ts';
import { clientsRouter } from './routes/clients/clients.index.ts';
import { cyclesRouter } from './routes/cycles/cycles.index.ts';
import { devRouter } from './routes/dev/dev.index.ts';
import { docsRouter } from './routes/docs/docs.index.ts';
import { evidenceRouter } from './routes/evidence/evidence.index.ts';
import { exportsRouter } from './routes/exports/exports.index.ts';
import { healthRouter } from './routes/health/health.index.ts';
import {
  acceptInvitationRouter,
  invitationsRouter,
} from './routes/invitations/invitations.index.ts';
import { oauthRouter } from './routes/oauth/oauth.index.ts';
import { objectionsRouter, publicObjectionsRouter } from './routes/objections/objections.index.ts';
import { orgLineageRouter } from './routes/org-lineage/org-lineage.index.ts';
import { orgUnitsRouter } from './routes/org-units/org-units.index.ts';
import { packsRouter } from './routes/packs/packs.index.ts';
import { peopleRouter } from './routes/people/people.index.ts';
import { progressReportsRouter } from './routes/progress-reports/progress-reports.index.ts';
import { rollupsRouter } from './routes/rollups/rollups.index.ts';
import { runsRouter } from './routes/runs/runs.index.ts';
import { scoresRouter } from './routes/scores/scores.index.ts';
import { signUpRouter } from './routes/signup/signup.index.ts';
import { submissionsRouter } from './routes/submissions/submissions.index.ts';
import { tenantRouter } from './routes/tenant/tenant.index.ts';

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: '考评 Kaoping API',
    version: '1',
    description: '就业工作考评 — employment-work assessment for regions of China',
  },
};

/**
 * Every route of the api worker, mounted in one place. Order matters: Hono
 * runs matching handlers in registration order, so the public routes
 * (health, JWKS, sign-up, sign-in, token refresh and sign-out, the OAuth
 * token endpoint, invitation acceptance, a cycle's public objection link, the
 * OpenAPI document) answer before
 * `authenticate()` is reached; every route registered after it needs a
 * valid token. test/isolation.security.test.ts checks each route's OpenAPI
 * `security` against what it really does.
 */
export function buildApp() {
  const app = createApp();
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An access token from /v1/auth/signin or /v1/oauth/token',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'clientBasic', {
    type: 'http',
    scheme: 'basic',
    description: 'client_id:client_secret of an API client (token endpoint only)',
  });
  // CORS first: a preflight is answered before anything else looks at the request.
  app.use('/v1/*', cors());
  app.use('/v1/*', bodyGuards());

  // Public.
  app.route('/', healthRouter);
  app.route('/', authRouter);
  app.route('/', signUpRouter);
  app.route('/', oauthRouter);
  app.route('/', acceptInvitationRouter);
  app.route('/', publicObjectionsRouter);
  app.doc31('/v1/openapi.json', OPENAPI_INFO);
  app.route('/', docsRouter);
  app.route('/', devRouter);

  // Everything below needs a token.
  app.use('/v1/*', authenticate());
  // A cross-origin request must come from an origin the token's own tenant allows.
  app.use('/v1/*', corsTenantCheck());
  app.route('/', peopleRouter);
  app.route('/', invitationsRouter);
  app.route('/', clientsRouter);
  app.route('/', orgLineageRouter);
  app.route('/', orgUnitsRouter);
  app.route('/', auditRouter);
  app.route('/', cyclesRouter);
  app.route('/', submissionsRouter);
  app.route('/', evidenceRouter);
  app.route('/', objectionsRouter);
  app.route('/', progressReportsRouter);
  app.route('/', packsRouter);
  app.route('/', scoresRouter);
  app.route('/', rollupsRouter);
  app.route('/', runsRouter);
  app.route('/', tenantRouter);
  app.route('/', exportsRouter);
  return app;
}
