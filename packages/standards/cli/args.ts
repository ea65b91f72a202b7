import { CliError } from './io.ts';

// `command positional… --flag value --switch`: small and strict — an unknown flag is an error,
// so a typo never silently does something else.

export interface ParsedArgs {
  readonly positional: string[];
  readonly values: Record<string, string>;
  readonly switches: Set<string>;
}

export function parseArgs(
  argv: readonly string[],
  spec: { values?: readonly string[]; switches?: readonly string[] },
): ParsedArgs {
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  const positional: string[] = [];
  const valueFlags = new Set(spec.values ?? []);
  const switchFlags = new Set(spec.switches ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split('=', 2);
    if (switchFlags.has(name) && inline === undefined) {
      switches.add(name);
    } else if (valueFlags.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliError(`--${name} 缺少取值`, `--${name} needs a value`);
      values[name] = value;
    } else {
      throw new CliError(`未知选项 --${name}`, `unknown option --${name}`);
    }
  }
  return { positional, values, switches };
}
