import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';
import { prepareWorld, type World } from './world.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    world: World;
  }
}

/** One `wrangler dev` (api + scheduler) and one prepared world for every load test file. */
export default async function setup(project: TestProject) {
  const started = performance.now();
  const server = await startServer();
  try {
    project.provide('world', await prepareWorld(server.origin));
  } catch (error) {
    await server.stop();
    throw error;
  }
  console.log(
    `load: wrangler dev (api + scheduler) on ${server.origin}, world ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return () => server.stop();
}
