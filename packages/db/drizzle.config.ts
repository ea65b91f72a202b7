import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema into the top-level migrations/
// folder, where wrangler applies them (`wrangler d1 migrations apply`).
export default defineConfig({
  dialect: 'sqlite',
  schema: './packages/db/src/schema.ts',
  out: './migrations',
});
