import { useState } from 'preact/hooks';
import type { ApiError } from '../../api/problem.ts';
import type { OrgUnit } from '../../api/types.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { formatDateTime, t } from '../../i18n/lang.ts';
import { ancestorIds } from './tree.ts';
import {
  AddChildForm,
  ArchiveButton,
  MoveForm,
  RenameForm,
  type UnitChange,
} from './unit-forms.tsx';

/** The selected unit: what it is, and for admins the forms that change it. */
export function UnitPanel(props: {
  unit: OrgUnit;
  units: OrgUnit[];
  byId: Map<string, OrgUnit>;
  canEdit: boolean;
  onChange: (change: UnitChange) => void;
}) {
  const { unit, byId } = props;
  const [error, setError] = useState<ApiError | null>(null);
  const trail = ancestorIds(unit)
    .map((id) => byId.get(id)?.name)
    .filter(Boolean)
    .join(' / ');
  const change = (c: UnitChange) => {
    if (c.kind !== 'stale') setError(null);
    props.onChange(c);
  };
  return (
    <section class="card unit-panel" aria-labelledby="unit-panel-title">
      <h2 id="unit-panel-title" tabIndex={-1}>
        {unit.name}
      </h2>
      <dl class="facts">
        <dt>{t('org.kind')}</dt>
        <dd>{t(`kind.${unit.kind}`)}</dd>
        <dt>{t('org.code')}</dt>
        <dd class="mono">{unit.code ?? '—'}</dd>
        <dt>{t('org.nameEn')}</dt>
        <dd>{unit.name_en ?? '—'}</dd>
        <dt>{t('org.parentPath')}</dt>
        <dd>{trail || '—'}</dd>
        <dt>{t('field.status')}</dt>
        <dd>{unit.status === 'active' ? t('org.active') : t('org.archived')}</dd>
        <dt>{t('org.updated')}</dt>
        <dd>{formatDateTime(unit.updated_at)}</dd>
      </dl>
      {error && <ProblemNotice error={error} />}
      {props.canEdit && unit.status === 'active' && (
        <div class="unit-forms">
          <RenameForm key={`rename-${unit.id}`} unit={unit} onChange={change} />
          <AddChildForm key={`add-${unit.id}`} parent={unit} onChange={change} />
          {unit.parent_id && (
            <>
              <MoveForm key={`move-${unit.id}`} unit={unit} units={props.units} onChange={change} />
              <ArchiveButton unit={unit} onChange={change} onError={setError} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
