// The whole D1 schema. drizzle-kit reads this file to generate migrations/.
export * from './schema/campaigns.ts';
export * from './schema/guards.ts';
export * from './schema/org.ts';
export * from './schema/packs.ts';
export * from './schema/scheduler.ts';
export * from './schema/scoring.ts';
export * from './schema/tenancy.ts';
