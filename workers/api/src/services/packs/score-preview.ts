import type { PackRef } from '@kaoping/db/pack-store';
import {
  type Assessment,
  ParameterError,
  type Scorecard,
  score,
  type UnitKind,
  validateInputs,
} from '@kaoping/standards';
import { unitKindLabels } from '@kaoping/standards/unit-kind';
import { requireScope } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { field, invalidBody } from './errors.ts';
import { visibleVersion } from './visible.ts';

export interface ScorePreviewInput {
  ref: PackRef;
  unitKind: UnitKind;
  parameters?: Record<string, string | number | boolean> | undefined;
  inputs: Record<string, unknown>;
  assessments?: Record<string, Assessment> | undefined;
  references?: Record<string, number> | undefined;
}

/**
 * Scores one unit's data under a pack version and stores nothing: what a reporter sees while
 * typing and what an integrator tests against. The inputs are checked with the pack's own
 * input schema in draft mode — a value of the wrong type or out of bounds is a 400 naming
 * `body.inputs.<id>`, while an input not given is simply missing (the scorecard names it) and
 * a failed consistency check is reported in the scorecard's `issues`, as a scheduled run
 * would. Then the same engine call the scheduler makes: `score(pack, parameters, inputs,
 * { unitKind, assessments, references })`.
 */
export async function previewScore({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ScorePreviewInput;
}): Promise<Scorecard> {
  requireScope(ctx.principal, 'scores:read');
  const { pack } = (await visibleVersion(ctx, input.ref)).resolved;
  if (!pack.unitKinds.includes(input.unitKind)) {
    const kind = unitKindLabels[input.unitKind];
    const assessed = pack.unitKinds.map((k) => unitKindLabels[k]);
    throw invalidBody([
      field(
        'body.unitKind',
        'unit_kind_not_assessed',
        `该标准不考核${kind.zh}（考核：${assessed.map((k) => k.zh).join('、')}）`,
        `this pack does not assess a ${kind.en} (it assesses: ${assessed.map((k) => k.en).join(', ')})`,
      ),
    ]);
  }
  const checked = validateInputs(pack, input.unitKind, input.inputs, { mode: 'draft' });
  if (!checked.ok) {
    const wrong = checked.issues.filter((issue) => issue.code !== 'constraint');
    if (wrong.length > 0) {
      throw invalidBody(
        wrong.map((issue) =>
          field(
            issue.field ? `body.inputs.${issue.field}` : 'body.inputs',
            issue.code,
            issue.message.zh,
            issue.message.en,
          ),
        ),
      );
    }
  }
  try {
    return score(pack, input.parameters ?? {}, input.inputs, {
      unitKind: input.unitKind,
      ...(input.assessments ? { assessments: input.assessments } : {}),
      ...(input.references ? { references: input.references } : {}),
    });
  } catch (err) {
    if (!(err instanceof ParameterError)) throw err;
    throw invalidBody(
      err.issues.map((issue) =>
        field(
          `body.parameters.${issue.parameter}`,
          'invalid_parameter',
          `${issue.parameter}：${issue.message.zh}`,
          `${issue.parameter}: ${issue.message.en}`,
        ),
      ),
    );
  }
}
