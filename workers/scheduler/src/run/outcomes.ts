import type { TickOutcome } from './tick.ts';

/** Each tick's outcome by its controller: Cloudflare ignores what scheduled() returns. */
export const tickOutcomes = new WeakMap<ScheduledController, TickOutcome>();
