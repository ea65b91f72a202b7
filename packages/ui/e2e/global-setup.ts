import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
  }
}

/**
 * One server for every browser test file; stopped when the run ends. A 5xx anywhere in the
 * run fails it, even one no screen showed (a scheduler tick, a background refresh).
 */
export default async function setup(project: TestProject) {
  const server = await startServer();
  project.provide('origin', server.origin);
  return async () => {
    const errors = server.serverErrors();
    await server.stop();
    if (errors.length > 0) {
      throw new Error(
        `the api answered ${errors.length} request(s) with a 5xx during the browser tests:\n${errors.slice(0, 10).join('\n')}`,
      );
    }
  };
}
