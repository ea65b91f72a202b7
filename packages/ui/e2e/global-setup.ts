import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
  }
}

/** One server for every browser test file; stopped when the run ends. */
export default async function setup(project: TestProject) {
  const server = await startServer();
  project.provide('origin', server.origin);
  return () => server.stop();
}
