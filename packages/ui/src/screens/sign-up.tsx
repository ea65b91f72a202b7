import { signUp } from '../api/accounts.ts';
import { ApiError } from '../api/problem.ts';
import { TENANT_LEVELS, type TenantLevel } from '../api/types.ts';
import { FormProblem } from '../components/problem-notice.tsx';
import { Screen } from '../components/screen.tsx';
import { Actions, SelectField, TextField } from '../forms/fields.tsx';
import * as rules from '../forms/rules.ts';
import { useForm } from '../forms/use-form.ts';
import { t } from '../i18n/lang.ts';
import { navigate } from '../router/router.ts';
import { leaveSignInHint, rememberTenant } from '../session/sign-in-hint.ts';

/** The one conflict sign-up has is a slug already taken: say so beside that field. */
function slugTakenBesideField(error: unknown): never {
  if (error instanceof ApiError && error.status === 409 && !error.problem.errors) {
    const { detail, detail_zh, ...problem } = error.problem;
    throw new ApiError({
      ...problem,
      errors: [
        {
          path: 'body.tenant.slug',
          code: 'conflict',
          message: detail ?? problem.title,
          message_zh: detail_zh ?? problem.title_zh,
        },
      ],
    });
  }
  throw error;
}

export function SignUp() {
  const form = useForm({
    'tenant.name': '',
    'tenant.slug': '',
    'tenant.level': 'district',
    'tenant.region_name': '',
    'tenant.area_code': '',
    'admin.email': '',
    'admin.display_name': '',
    'admin.password': '',
    confirm: '',
  });
  return (
    <Screen title={t('signup.title')} intro={t('signup.intro')}>
      <form
        id={form.id}
        class="card narrow-wide"
        noValidate
        onSubmit={(e) =>
          form.submit(e, {
            rules: (v) => ({
              'tenant.name': [rules.name(100)],
              'tenant.slug': [rules.slug],
              'tenant.region_name': [rules.name(100)],
              'tenant.area_code': [rules.areaCode],
              'admin.email': [rules.email],
              'admin.display_name': [rules.name(100)],
              'admin.password': [rules.newPassword],
              confirm: [rules.sameAs(() => v['admin.password']!)],
            }),
            run: async (v) => {
              const areaCode = rules.normaliseDigits(v['tenant.area_code']!);
              const result = await signUp({
                tenant: {
                  name: v['tenant.name']!.trim(),
                  slug: v['tenant.slug']!,
                  level: v['tenant.level'] as TenantLevel,
                  region_name: v['tenant.region_name']!.trim(),
                  ...(areaCode ? { area_code: areaCode } : {}),
                },
                admin: {
                  email: v['admin.email']!.trim(),
                  display_name: v['admin.display_name']!.trim(),
                  password: v['admin.password']!,
                },
              }).catch(slugTakenBesideField);
              rememberTenant(result.tenant.slug);
              leaveSignInHint({
                tenant: result.tenant.slug,
                email: result.admin.email,
                notice: 'signup.done',
              });
              navigate('/signin');
            },
          })
        }
      >
        <FormProblem form={form} />
        <fieldset class="group">
          <legend>{t('signup.tenantSection')}</legend>
          <TextField
            form={form}
            name="tenant.name"
            label={t('signup.tenantName')}
            hint={t('signup.tenantNameHint')}
            required
            autoFocus
          />
          <TextField
            form={form}
            name="tenant.slug"
            label={t('signup.slug')}
            hint={t('rule.slugHint')}
            required
            spellcheck={false}
            autoComplete="off"
            mono
          />
          <SelectField
            form={form}
            name="tenant.level"
            label={t('signup.level')}
            required
            options={TENANT_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          />
          <TextField
            form={form}
            name="tenant.region_name"
            label={t('signup.region')}
            hint={t('signup.regionHint')}
            required
          />
          <TextField
            form={form}
            name="tenant.area_code"
            label={t('signup.areaCode')}
            hint={t('signup.areaCodeHint')}
            inputMode="numeric"
            mono
          />
        </fieldset>
        <fieldset class="group">
          <legend>{t('signup.adminSection')}</legend>
          <TextField
            form={form}
            name="admin.display_name"
            label={t('field.displayName')}
            required
            autoComplete="name"
          />
          <TextField
            form={form}
            name="admin.email"
            type="email"
            label={t('field.email')}
            required
            autoComplete="email"
          />
          <TextField
            form={form}
            name="admin.password"
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
        </fieldset>
        <Actions>
          <button type="submit" class="primary" disabled={form.submitting}>
            {form.submitting ? t('signup.submitting') : t('signup.submit')}
          </button>
          <a href="/signin">{t('signup.haveAccount')}</a>
        </Actions>
      </form>
    </Screen>
  );
}
