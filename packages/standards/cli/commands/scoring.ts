import { score, scoreCycle } from '../../src/engine.ts';
import type { Pack } from '../../src/pack-schema.ts';
import { ParameterError } from '../../src/parameters.ts';
import type { Scorecard } from '../../src/scorecard.ts';
import { type UnitKind, unitKinds } from '../../src/unit-kind.ts';
import type { ParsedArgs } from '../args.ts';
import { CliError, type CliIo } from '../io.ts';
import { loadAssessments, loadParameters, loadReferences, loadUnits } from '../load-data.ts';
import { loadPack } from '../load-pack.ts';

// Shared by `score` and `explain`: the pack, the units from --inputs, and their scorecards.
// One unit given as a JSON object is scored alone (`score`); a list is scored as a cycle
// (`scoreCycle`: ranks and computed references see every unit).

export const SCORING_VALUES = [
  'inputs',
  'parameters',
  'assessments',
  'references',
  'unit-kind',
  'lang',
];

export interface Scored {
  readonly pack: Pack;
  readonly single: boolean;
  readonly cards: Scorecard[];
}

export function scoreFromArgs(args: ParsedArgs, io: CliIo, command: string): Scored {
  const [ref] = args.positional;
  const inputsPath = args.values.inputs;
  if (!ref || !inputsPath) {
    throw new CliError(
      `用法：kaoping-pack ${command} <标准包> --inputs <文件.json|文件.csv>`,
      `usage: kaoping-pack ${command} <pack> --inputs <file.json|file.csv>`,
    );
  }
  const pack = loadPack(io, ref);
  const parameters = args.values.parameters ? loadParameters(io, args.values.parameters) : {};
  const assessments = args.values.assessments ? loadAssessments(io, args.values.assessments) : null;
  const references = args.values.references
    ? loadReferences(io, args.values.references)
    : undefined;
  const kindArg = args.values['unit-kind'];
  if (kindArg !== undefined && !(unitKinds as readonly string[]).includes(kindArg)) {
    throw new CliError(
      `--unit-kind ${kindArg} 无效（可用：${unitKinds.join('、')}）`,
      `--unit-kind ${kindArg} is not one of ${unitKinds.join(', ')}`,
    );
  }
  const defaultKind = kindArg as UnitKind | undefined;
  const { single, units } = loadUnits(io, pack, inputsPath);
  try {
    if (single) {
      const [unit] = units;
      const own = assessments?.get('') ?? assessments?.get('self');
      const card = score(pack, parameters, unit?.inputs ?? {}, {
        ...(defaultKind ? { unitKind: defaultKind } : {}),
        ...(own ? { assessments: own } : {}),
        ...(references ? { references } : {}),
      });
      return { pack, single, cards: [card] };
    }
    const withData = units.map((unit) => {
      const own = assessments?.get(unit.id);
      const kind = unit.unitKind ?? defaultKind;
      return { ...unit, ...(kind ? { unitKind: kind } : {}), ...(own ? { assessments: own } : {}) };
    });
    const cycle = scoreCycle(pack, parameters, withData, references ? { references } : {});
    return { pack, single, cards: [...cycle.units] };
  } catch (error) {
    if (error instanceof ParameterError) {
      const lines = error.issues.map((i) => `  ${i.parameter}: ${i.message.zh} / ${i.message.en}`);
      throw new CliError(`参数有误：\n${lines.join('\n')}`, 'invalid parameters');
    }
    if (error instanceof RangeError) throw new CliError(error.message, error.message);
    throw error;
  }
}
