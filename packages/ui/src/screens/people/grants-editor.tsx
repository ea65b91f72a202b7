import { setGrants } from '../../api/people.ts';
import { type Grant, type OrgUnit, type Person, ROLES, type Role } from '../../api/types.ts';
import { FormProblem } from '../../components/problem-notice.tsx';
import { Actions, SelectField, TextField } from '../../forms/fields.tsx';
import type { Rule } from '../../forms/rules.ts';
import { useForm, type Values } from '../../forms/use-form.ts';
import { t } from '../../i18n/lang.ts';
import { unitOptions } from '../../lib/unit-options.ts';
import { grantErrors } from './grant-rules.ts';

function toValues(grants: Grant[]): Values {
  const values: Values = { count: String(grants.length) };
  grants.forEach((g, i) => {
    values[`grants.${i}.role`] = g.role;
    values[`grants.${i}.org_unit_id`] = g.org_unit_id ?? '';
    values[`grants.${i}.stage`] = g.stage ?? '';
  });
  return values;
}

function fromValues(values: Values): Grant[] {
  const count = Number(values.count ?? 0);
  return Array.from({ length: count }, (_, i) => {
    const role = values[`grants.${i}.role`] as Role;
    return {
      role,
      org_unit_id: role === 'admin' ? null : values[`grants.${i}.org_unit_id`] || null,
      stage: role === 'reviewer' ? values[`grants.${i}.stage`]!.trim() || null : null,
    };
  });
}

/**
 * Replace a person's grants (PUT with If-Match). Field names follow the
 * API's error paths, "grants.0.stage", so its answer lands beside the field.
 */
export function GrantsEditor(props: {
  person: Person;
  units: OrgUnit[];
  onSaved: (person: Person) => void;
  onCancel: () => void;
}) {
  const form = useForm(toValues(props.person.grants));
  const grants = fromValues(form.values);
  const options = unitOptions(props.units, (u) => u.status === 'active');
  const restructure = (next: Grant[]) => form.reset(toValues(next));
  return (
    <form
      id={form.id}
      class="grants-editor"
      noValidate
      aria-label={t('grants.editFor', { name: props.person.display_name })}
      onSubmit={(e) =>
        form.submit(e, {
          rules: () => {
            const found: Record<string, Rule[]> = {};
            grants.forEach((g, i) => {
              const errors = grantErrors(g.role, g.org_unit_id ?? '', g.stage ?? '');
              found[`grants.${i}.org_unit_id`] = [() => errors.org_unit_id];
              found[`grants.${i}.stage`] = [() => errors.stage];
            });
            return found;
          },
          run: async () => props.onSaved(await setGrants(props.person, grants)),
        })
      }
    >
      <FormProblem form={form} />
      {grants.length === 0 && <p class="hint">{t('grants.none')}</p>}
      {grants.map((g, i) => (
        <fieldset class="grant-row" key={i}>
          <legend>{t('grants.row', { n: i + 1 })}</legend>
          <SelectField
            form={form}
            name={`grants.${i}.role`}
            label={t('field.role')}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          {g.role !== 'admin' && (
            <SelectField
              form={form}
              name={`grants.${i}.org_unit_id`}
              label={t('field.scope')}
              options={[
                {
                  value: '',
                  label: g.role === 'reporter' ? t('grant.pickUnit') : t('grant.wholeTenant'),
                },
                ...options,
              ]}
            />
          )}
          {g.role === 'reviewer' && (
            <TextField
              form={form}
              name={`grants.${i}.stage`}
              label={t('field.stage')}
              list="known-stages"
              spellcheck={false}
              mono
            />
          )}
          <button
            type="button"
            class="link-button"
            onClick={() => restructure(grants.filter((_, j) => j !== i))}
          >
            {t('grants.removeRow')}
          </button>
        </fieldset>
      ))}
      <Actions>
        <button
          type="button"
          onClick={() =>
            restructure([...grants, { role: 'viewer', org_unit_id: null, stage: null }])
          }
        >
          {t('grants.addRow')}
        </button>
        <button type="submit" class="primary" disabled={form.submitting}>
          {t('action.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('action.cancel')}
        </button>
      </Actions>
    </form>
  );
}
