// `pnpm dev`: build the UI, migrate and seed the local D1, then run the api and
// scheduler workers in one wrangler session on http://127.0.0.1:8787. Scoring runs
// are ticked every 30 s (scripts/dev-scheduler.mjs: wrangler dev fires no crons).
import { resolve } from 'node:path';
import { startSchedulerTicker } from './dev-scheduler.mjs';
import {
  bin,
  ensureDevSigningKey,
  localVersion,
  mustRun,
  prepareLocalDbCommands,
  root,
  run,
  wranglerDevArgs,
} from './lib.mjs';

const version = localVersion();
ensureDevSigningKey();

await mustRun(process.execPath, [resolve(root, 'packages/ui/build.mjs')]);
for (const [cmd, args] of prepareLocalDbCommands()) await mustRun(cmd, args);

console.log(`\n考评 Kaoping ${version} → http://127.0.0.1:8787  (API /v1, docs /docs)\n`);
const ticker = startSchedulerTicker({ origin: `http://127.0.0.1:${process.env.PORT ?? '8787'}` });
const code = await run(bin('wrangler'), [
  ...wranglerDevArgs({ port: process.env.PORT ?? '8787', version }),
  '--test-scheduled',
  ...process.argv.slice(2),
]);
ticker.stop();
process.exit(code);
