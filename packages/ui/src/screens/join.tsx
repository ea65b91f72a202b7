import { useState } from 'preact/hooks';
import { acceptInvitation } from '../api/accounts.ts';
import { FormProblem } from '../components/problem-notice.tsx';
import { Screen } from '../components/screen.tsx';
import { Actions, TextField } from '../forms/fields.tsx';
import * as rules from '../forms/rules.ts';
import { useForm } from '../forms/use-form.ts';
import { t } from '../i18n/lang.ts';
import { navigate } from '../router/router.ts';
import { leaveSignInHint, rememberTenant } from '../session/sign-in-hint.ts';

/** The invitation link carries the token in its fragment, which never reaches a server log. */
function tokenFromFragment(): string {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  if (token) window.history.replaceState(null, '', window.location.pathname);
  return token;
}

export function Join() {
  const [token] = useState(tokenFromFragment);
  const form = useForm({ token, display_name: '', password: '', confirm: '' });
  return (
    <Screen title={t('join.title')} intro={t('join.intro')}>
      <div class="narrow">
        <form
          id={form.id}
          class="card"
          noValidate
          onSubmit={(e) =>
            form.submit(e, {
              rules: (v) => ({
                token: [rules.required],
                display_name: [rules.name(100)],
                password: [rules.newPassword],
                confirm: [rules.sameAs(() => v.password!)],
              }),
              run: async (v) => {
                const joined = await acceptInvitation({
                  token: v.token!.trim(),
                  display_name: v.display_name!.trim(),
                  password: v.password!,
                });
                rememberTenant(joined.tenant.slug);
                leaveSignInHint({
                  tenant: joined.tenant.slug,
                  email: joined.user.email,
                  notice: 'join.done',
                });
                navigate('/signin');
              },
            })
          }
        >
          <FormProblem form={form} />
          <TextField
            form={form}
            name="token"
            label={t('join.token')}
            hint={t('join.tokenHint')}
            required
            spellcheck={false}
            autoComplete="off"
            mono
            autoFocus={!token}
          />
          <TextField
            form={form}
            name="display_name"
            label={t('field.displayName')}
            required
            autoComplete="name"
            autoFocus={!!token}
          />
          <TextField
            form={form}
            name="password"
            type="password"
            label={t('field.newPassword')}
            hint={t('rule.passwordHint')}
            required
            autoComplete="new-password"
          />
          <TextField
            form={form}
            name="confirm"
            type="password"
            label={t('field.confirmPassword')}
            required
            autoComplete="new-password"
          />
          <Actions>
            <button type="submit" class="primary" disabled={form.submitting}>
              {t('join.submit')}
            </button>
          </Actions>
        </form>
      </div>
    </Screen>
  );
}
