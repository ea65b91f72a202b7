import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Everything the CLI does to the outside world goes through this, so tests run commands
// in-process and see exactly what a terminal would.

export interface CliIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
}

export function nodeIo(cwd = process.cwd()): CliIo {
  return {
    cwd,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(resolve(cwd, path), 'utf8'),
    writeFile: (path, text) => writeFileSync(resolve(cwd, path), text),
  };
}

/** Lines to print, zh and en — the CLI's user-facing failure. Exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
  readonly zh: string;
  readonly en: string;
  constructor(zh: string, en: string) {
    super(en);
    this.zh = zh;
    this.en = en;
  }
}
