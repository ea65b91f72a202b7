import { builtInPacks, packRef } from '../../src/registry.ts';
import type { ParsedArgs } from '../args.ts';
import type { CliIo } from '../io.ts';
import { table } from '../table.ts';

/** `kaoping-pack list [--json]`: the built-in packs. */
export function listCommand(args: ParsedArgs, io: CliIo): number {
  const rows = builtInPacks.map((p) => {
    const bonus = p.categories.filter((c) => c.bonus).reduce((n, c) => n + c.max, 0);
    return {
      ref: packRef(p),
      title: p.title,
      effectiveFrom: p.effectiveFrom,
      ...(p.effectiveTo ? { effectiveTo: p.effectiveTo } : {}),
      items: p.items.length,
      total: p.total,
      bonus,
    };
  });
  if (args.switches.has('json')) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const lines = table([
    ['标准包 / pack', '生效 / from', '项 / items', '分 / points', '名称 / title'],
    ...rows.map((r) => [
      r.ref,
      r.effectiveFrom,
      String(r.items),
      r.bonus > 0 ? `${r.total}+${r.bonus}` : String(r.total),
      `${r.title.zh} / ${r.title.en}`,
    ]),
  ]);
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
