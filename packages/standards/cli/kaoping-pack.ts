#!/usr/bin/env node
// kaoping-pack — list, lint, diff, score, explain, document and derive standard packs.
// Run from the repository root: `npx -y pnpm@10 kaoping-pack <command> …` (Node ≥ 22 strips
// the types). All I/O lives in cli/; the package's src/ stays pure.
import { nodeIo } from './io.ts';
import { main } from './main.ts';

process.exitCode = main(process.argv.slice(2), nodeIo());
