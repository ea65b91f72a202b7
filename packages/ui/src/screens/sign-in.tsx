import { useState } from 'preact/hooks';
import { FormProblem } from '../components/problem-notice.tsx';
import { Screen } from '../components/screen.tsx';
import { Actions, TextField } from '../forms/fields.tsx';
import * as rules from '../forms/rules.ts';
import { useForm } from '../forms/use-form.ts';
import { t } from '../i18n/lang.ts';
import { signIn } from '../session/session.ts';
import { lastTenant, rememberTenant, takeSignInHint } from '../session/sign-in-hint.ts';

export function SignIn() {
  const [hint] = useState(takeSignInHint);
  const form = useForm({
    tenant: hint?.tenant ?? lastTenant(),
    email: hint?.email ?? '',
    password: '',
  });
  const focus = !form.values.tenant ? 'tenant' : !form.values.email ? 'email' : 'password';
  return (
    <Screen title={t('signin.title')}>
      <div class="narrow">
        {hint && (
          <p class="notice success" role="status">
            {t(hint.notice)}
          </p>
        )}
        <form
          id={form.id}
          class="card"
          noValidate
          onSubmit={(e) =>
            form.submit(e, {
              rules: () => ({
                tenant: [rules.slug],
                email: [rules.email],
                password: [rules.password],
              }),
              run: async (v) => {
                const tenant = v.tenant!.trim();
                await signIn({ tenant, email: v.email!.trim(), password: v.password! });
                rememberTenant(tenant);
              },
            })
          }
        >
          <FormProblem form={form} />
          <TextField
            form={form}
            name="tenant"
            label={t('signin.tenant')}
            hint={t('signin.tenantHint')}
            required
            autoComplete="organization"
            spellcheck={false}
            autoFocus={focus === 'tenant'}
          />
          <TextField
            form={form}
            name="email"
            type="email"
            label={t('field.email')}
            required
            autoComplete="username"
            autoFocus={focus === 'email'}
          />
          <TextField
            form={form}
            name="password"
            type="password"
            label={t('field.password')}
            required
            autoComplete="current-password"
            autoFocus={focus === 'password'}
          />
          <Actions>
            <button type="submit" class="primary" disabled={form.submitting}>
              {form.submitting ? t('signin.submitting') : t('signin.submit')}
            </button>
          </Actions>
        </form>
        <p>
          {t('signin.noTenant')} <a href="/signup">{t('signin.toSignUp')}</a>
        </p>
        <p>
          {t('signin.invited')} <a href="/join">{t('signin.toJoin')}</a>
        </p>
      </div>
    </Screen>
  );
}
