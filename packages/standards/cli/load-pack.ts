import { definePack, PackError } from '../src/pack-integrity.ts';
import type { Pack } from '../src/pack-schema.ts';
import { builtInPacks, findBuiltInPack, packRef } from '../src/registry.ts';
import { CliError, type CliIo } from './io.ts';

// A pack on the command line: a JSON file (anything ending in .json, or containing a slash),
// or a built-in `key` (its latest version) or `key@version`.

export function isPackFile(ref: string): boolean {
  return ref.endsWith('.json') || ref.includes('/') || ref.includes('\\');
}

/** The pack as authored (unvalidated), for the linter, which reports what is wrong. */
export function readPackSource(io: CliIo, ref: string): unknown {
  if (!isPackFile(ref)) return builtIn(ref);
  let text: string;
  try {
    text = io.readFile(ref);
  } catch {
    throw new CliError(`无法读取标准包文件 ${ref}`, `cannot read the pack file ${ref}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `标准包文件 ${ref} 不是有效的 JSON：${(error as Error).message}`,
      `the pack file ${ref} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function builtIn(ref: string): Pack {
  const pack = findBuiltInPack(ref);
  if (!pack) {
    const known = builtInPacks.map(packRef).join(', ');
    throw new CliError(
      `没有内置标准包 ${ref}（可用：${known}）`,
      `no built-in pack ${ref} (available: ${known})`,
    );
  }
  return pack;
}

/** A usable pack: schema and integrity checked (run `lint` for the rest). */
export function loadPack(io: CliIo, ref: string): Pack {
  const source = readPackSource(io, ref);
  if (!isPackFile(ref)) return source as Pack;
  try {
    return definePack(source);
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    const lines = error.problems.map((p) => `  ${p.path}: ${p.message.zh} / ${p.message.en}`);
    throw new CliError(
      `标准包 ${ref} 无法使用（运行 lint 查看详情）：\n${lines.join('\n')}`,
      `the pack ${ref} cannot be used (run lint for details)`,
    );
  }
}
