import type { Role } from '../../api/types.ts';
import { stage as stageRule } from '../../forms/rules.ts';
import { type Text, textOf } from '../../i18n/lang.ts';

/**
 * The API's grant rules (GrantInputSchema): admin covers the whole tenant;
 * a reviewer needs a stage; only reviewers have one; a reporter needs the
 * unit reported for. Keyed by field: "org_unit_id", "stage".
 */
export function grantErrors(role: Role, unitId: string, stage: string): Record<string, Text> {
  const errors: Record<string, Text> = {};
  if (role === 'admin' && unitId) errors.org_unit_id = textOf('grant.adminWholeTenant');
  if (role === 'reporter' && !unitId) errors.org_unit_id = textOf('grant.reporterNeedsUnit');
  if (role === 'reviewer') {
    const bad = stage ? stageRule(stage) : textOf('grant.reviewerNeedsStage');
    if (bad) errors.stage = bad;
  } else if (stage) {
    errors.stage = textOf('grant.onlyReviewerStage');
  }
  return errors;
}

/** Review stages the built-in chains use (suggestions: a cycle may name others). */
export const KNOWN_STAGES = [
  'recommended',
  'verified',
  'publicised',
  'published',
  'initial',
  'final',
] as const;
