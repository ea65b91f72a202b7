import { useState } from 'preact/hooks';
import { createInvitation } from '../../api/people.ts';
import { type CreatedInvitation, type OrgUnit, ROLES, type Role } from '../../api/types.ts';
import { FormProblem } from '../../components/problem-notice.tsx';
import { ShownOnce } from '../../components/shown-once.tsx';
import { Actions, SelectField, TextField } from '../../forms/fields.tsx';
import * as rules from '../../forms/rules.ts';
import { useForm } from '../../forms/use-form.ts';
import { t } from '../../i18n/lang.ts';
import { unitOptions } from '../../lib/unit-options.ts';
import { grantErrors } from './grant-rules.ts';
import { GrantText } from './grant-text.tsx';

const EMPTY = { email: '', role: 'reporter', org_unit_id: '', stage: '', expires_in_days: '7' };

/** Invite a person with one grant; the token is shown once, with the link to hand over. */
export function InviteForm(props: { units: OrgUnit[]; onInvited: () => void }) {
  const form = useForm(EMPTY);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const role = form.values.role as Role;

  if (created) {
    const link = `${window.location.origin}/join#token=${encodeURIComponent(created.token)}`;
    return (
      <section class="card once" aria-labelledby="invite-done">
        <h3 id="invite-done">{t('invite.done', { email: created.email })}</h3>
        <p>
          <GrantText grant={created} units={new Map(props.units.map((u) => [u.id, u]))} />
        </p>
        <p class="notice warn">{t('invite.onceWarning')}</p>
        <ShownOnce name="invitation-token" label={t('invite.token')} value={created.token} />
        <ShownOnce name="invitation-link" label={t('invite.link')} value={link} />
        <Actions>
          <button
            type="button"
            class="primary"
            onClick={() => {
              setCreated(null);
              form.reset(EMPTY);
            }}
          >
            {t('once.done')}
          </button>
        </Actions>
      </section>
    );
  }

  const unitChoices = [
    { value: '', label: role === 'reporter' ? t('grant.pickUnit') : t('grant.wholeTenant') },
    ...unitOptions(props.units, (u) => u.status === 'active'),
  ];
  return (
    <form
      id={form.id}
      class="card"
      noValidate
      aria-labelledby="invite-title"
      onSubmit={(e) =>
        form.submit(e, {
          rules: (v) => {
            const grant = grantErrors(role, v.org_unit_id!, v.stage!.trim());
            return {
              email: [rules.email],
              org_unit_id: [() => grant.org_unit_id],
              stage: [() => grant.stage],
              expires_in_days: [rules.integerBetween(1, 30)],
            };
          },
          run: async (v) => {
            const invitation = await createInvitation({
              email: v.email!.trim(),
              role,
              org_unit_id: v.org_unit_id || null,
              stage: role === 'reviewer' ? v.stage!.trim() : null,
              expires_in_days: Number(v.expires_in_days),
            });
            setCreated(invitation);
            props.onInvited();
          },
        })
      }
    >
      <h2 id="invite-title">{t('invite.title')}</h2>
      <FormProblem form={form} />
      <div class="grid-2">
        <TextField
          form={form}
          name="email"
          type="email"
          label={t('field.email')}
          required
          autoComplete="off"
        />
        <SelectField
          form={form}
          name="role"
          label={t('field.role')}
          required
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          onChange={(next) => {
            if (next === 'admin') form.set('org_unit_id', '');
            if (next !== 'reviewer') form.set('stage', '');
          }}
        />
        {role !== 'admin' && (
          <SelectField
            form={form}
            name="org_unit_id"
            label={t('field.scope')}
            hint={t(`grant.scopeHint.${role}`)}
            required={role === 'reporter'}
            options={unitChoices}
          />
        )}
        {role === 'reviewer' && (
          <TextField
            form={form}
            name="stage"
            label={t('field.stage')}
            hint={t('grant.stageHint')}
            required
            list="known-stages"
            spellcheck={false}
            mono
          />
        )}
        <TextField
          form={form}
          name="expires_in_days"
          type="number"
          label={t('invite.days')}
          hint={t('invite.daysHint')}
          min={1}
          max={30}
          inputMode="numeric"
        />
      </div>
      <Actions>
        <button type="submit" class="primary" disabled={form.submitting}>
          {t('invite.submit')}
        </button>
      </Actions>
    </form>
  );
}
