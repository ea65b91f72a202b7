import type { Grant, OrgUnit } from '../../api/types.ts';
import { t } from '../../i18n/lang.ts';
import { KNOWN_STAGES } from './grant-rules.ts';

export function stageLabel(stage: string): string {
  return (KNOWN_STAGES as readonly string[]).includes(stage)
    ? `${t(`stage.${stage as (typeof KNOWN_STAGES)[number]}`)} (${stage})`
    : stage;
}

/** "审核员 · 阶段 区核定 (verified) · 范围 良口镇" */
export function GrantText(props: { grant: Grant; units: Map<string, OrgUnit> | null }) {
  const { grant, units } = props;
  const unit = grant.org_unit_id ? units?.get(grant.org_unit_id) : undefined;
  return (
    <span class="grant">
      <span class={`role role-${grant.role}`}>{t(`role.${grant.role}`)}</span>
      {grant.stage && <span> · {t('grant.stage', { stage: stageLabel(grant.stage) })}</span>}
      <span>
        {' · '}
        {grant.org_unit_id
          ? t('grant.scope', { unit: unit?.name ?? grant.org_unit_id })
          : t('grant.wholeTenant')}
      </span>
    </span>
  );
}

/** Suggestions for the stage fields (list="known-stages"); any stage name may be typed. */
export function KnownStages() {
  return (
    <datalist id="known-stages">
      {KNOWN_STAGES.map((s) => (
        <option key={s} value={s}>
          {stageLabel(s)}
        </option>
      ))}
    </datalist>
  );
}
