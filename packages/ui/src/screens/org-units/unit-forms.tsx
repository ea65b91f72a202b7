import { archiveOrgUnit, createOrgUnit, moveOrgUnit, updateOrgUnit } from '../../api/org-units.ts';
import { ApiError } from '../../api/problem.ts';
import type { OrgUnit, OrgUnitKind } from '../../api/types.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { FormProblem } from '../../components/problem-notice.tsx';
import { Actions, SelectField, TextField } from '../../forms/fields.tsx';
import * as rules from '../../forms/rules.ts';
import { useForm } from '../../forms/use-form.ts';
import { t } from '../../i18n/lang.ts';
import { unitOptions } from '../../lib/unit-options.ts';
import { childKinds, moveTargets } from './tree.ts';

/**
 * What happened, for the screen to reload the tree and say so; `stale`: the
 * unit changed elsewhere (412), so the screen reloads it and the form keeps
 * what was typed for a second try with the new ETag.
 */
export type UnitChange =
  | { kind: 'updated' | 'created' | 'moved' | 'archived'; unit: OrgUnit }
  | { kind: 'stale' };

async function reportStale<T>(work: Promise<T>, onChange: (c: UnitChange) => void): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ApiError && error.status === 412) onChange({ kind: 'stale' });
    throw error;
  }
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function RenameForm(props: { unit: OrgUnit; onChange: (c: UnitChange) => void }) {
  const { unit } = props;
  const form = useForm({ name: unit.name, name_en: unit.name_en ?? '', code: unit.code ?? '' });
  return (
    <form
      id={form.id}
      noValidate
      aria-labelledby={`${form.id}-title`}
      onSubmit={(e) =>
        form.submit(e, {
          rules: () => ({
            name: [rules.name(100)],
            name_en: [rules.optionalName(200)],
            code: [rules.unitCode],
          }),
          run: async (v) => {
            const changes: { name?: string; name_en?: string | null; code?: string | null } = {};
            if (v.name!.trim() !== unit.name) changes.name = v.name!.trim();
            if (orNull(v.name_en!) !== unit.name_en) changes.name_en = orNull(v.name_en!);
            const code = orNull(rules.normaliseDigits(v.code!));
            if (code !== unit.code) changes.code = code;
            if (Object.keys(changes).length === 0) return;
            props.onChange({
              kind: 'updated',
              unit: await reportStale(updateOrgUnit(unit, changes), props.onChange),
            });
          },
        })
      }
    >
      <h3 id={`${form.id}-title`}>{t('org.renameTitle')}</h3>
      <FormProblem form={form} />
      <TextField form={form} name="name" label={t('org.name')} required />
      <TextField form={form} name="name_en" label={t('org.nameEn')} />
      <TextField
        form={form}
        name="code"
        label={t('org.code')}
        hint={t('rule.unitCodeHint')}
        inputMode="numeric"
        mono
      />
      <Actions>
        <button type="submit" class="primary" disabled={form.submitting}>
          {t('action.save')}
        </button>
      </Actions>
    </form>
  );
}

export function AddChildForm(props: { parent: OrgUnit; onChange: (c: UnitChange) => void }) {
  const kinds = childKinds(props.parent.kind);
  const empty = { kind: kinds[0] ?? '', name: '', name_en: '', code: '' };
  const form = useForm(empty);
  if (kinds.length === 0) return <p class="hint">{t('org.noChildKinds')}</p>;
  return (
    <form
      id={form.id}
      noValidate
      aria-labelledby={`${form.id}-title`}
      onSubmit={(e) =>
        form.submit(e, {
          rules: () => ({
            name: [rules.name(100)],
            name_en: [rules.optionalName(200)],
            code: [rules.unitCode],
          }),
          run: async (v) => {
            const unit = await createOrgUnit({
              parent_id: props.parent.id,
              kind: v.kind as OrgUnitKind,
              name: v.name!.trim(),
              name_en: orNull(v.name_en!),
              code: orNull(rules.normaliseDigits(v.code!)),
            });
            form.reset(empty);
            props.onChange({ kind: 'created', unit });
          },
        })
      }
    >
      <h3 id={`${form.id}-title`}>{t('org.addChildTitle', { name: props.parent.name })}</h3>
      <FormProblem form={form} />
      <SelectField
        form={form}
        name="kind"
        label={t('org.kind')}
        required
        options={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      <TextField form={form} name="name" label={t('org.name')} required />
      <TextField form={form} name="name_en" label={t('org.nameEn')} />
      <TextField
        form={form}
        name="code"
        label={t('org.code')}
        hint={t('rule.unitCodeHint')}
        inputMode="numeric"
        mono
      />
      <Actions>
        <button type="submit" class="primary" disabled={form.submitting}>
          {t('org.addChild')}
        </button>
      </Actions>
    </form>
  );
}

export function MoveForm(props: {
  unit: OrgUnit;
  units: OrgUnit[];
  onChange: (c: UnitChange) => void;
}) {
  const targets = moveTargets(props.units, props.unit);
  const form = useForm({ parent_id: '' });
  if (targets.length === 0) return null;
  return (
    <form
      id={form.id}
      noValidate
      aria-labelledby={`${form.id}-title`}
      onSubmit={(e) =>
        form.submit(e, {
          rules: () => ({ parent_id: [rules.required] }),
          run: async (v) => {
            props.onChange({
              kind: 'moved',
              unit: await reportStale(moveOrgUnit(props.unit, v.parent_id!), props.onChange),
            });
            form.reset({ parent_id: '' });
          },
        })
      }
    >
      <h3 id={`${form.id}-title`}>{t('org.moveTitle')}</h3>
      <FormProblem form={form} />
      <SelectField
        form={form}
        name="parent_id"
        label={t('org.newParent')}
        required
        options={[{ value: '', label: t('org.pickParent') }, ...unitOptions(targets)]}
      />
      <Actions>
        <button type="submit" disabled={form.submitting}>
          {t('org.move')}
        </button>
      </Actions>
    </form>
  );
}

export function ArchiveButton(props: {
  unit: OrgUnit;
  onChange: (c: UnitChange) => void;
  onError: (e: ApiError) => void;
}) {
  return (
    <div class="archive">
      <h3>{t('org.archiveTitle')}</h3>
      <p class="hint">{t('org.archiveHint')}</p>
      <ConfirmButton
        label={t('org.archive')}
        question={t('org.archiveQuestion', { name: props.unit.name })}
        onConfirm={async () => {
          try {
            props.onChange({
              kind: 'archived',
              unit: await reportStale(archiveOrgUnit(props.unit), props.onChange),
            });
          } catch (e) {
            props.onError(e as ApiError);
          }
        }}
      />
    </div>
  );
}
