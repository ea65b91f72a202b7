import { readOrgUnit } from '../api/org-units.ts';
import { Screen } from '../components/screen.tsx';
import { t } from '../i18n/lang.ts';
import { unitsById } from '../lib/unit-options.ts';
import { useAsync } from '../lib/use-async.ts';
import { isAdmin, useSession } from '../session/session.ts';
import { GrantText } from './people/grant-text.tsx';

export function Home() {
  const session = useSession();
  // The names of the units one's grants are scoped to: those few, not the whole tree.
  const scoped =
    session.status === 'signedIn'
      ? [...new Set((session.me.user?.grants ?? []).flatMap((g) => g.org_unit_id ?? []))]
      : [];
  const units = useAsync(() => Promise.all(scoped.map(readOrgUnit)), [scoped.join()]);
  if (session.status !== 'signedIn') return null;
  const { tenant, user } = session.me;
  return (
    <Screen title={t('home.title')}>
      <section class="card" aria-labelledby="home-tenant">
        <h2 id="home-tenant">{tenant.name}</h2>
        <dl class="facts">
          <dt>{t('home.slug')}</dt>
          <dd class="mono">{tenant.slug}</dd>
          <dt>{t('home.level')}</dt>
          <dd>{t(`level.${tenant.level}`)}</dd>
          <dt>{t('home.areaCode')}</dt>
          <dd class="mono">{tenant.area_code ?? '—'}</dd>
        </dl>
      </section>
      {user && (
        <section class="card" aria-labelledby="home-me">
          <h2 id="home-me">{t('home.you', { name: user.display_name })}</h2>
          <p class="mono">{user.email}</p>
          <ul class="plain">
            {user.grants.map((g, i) => (
              <li key={i}>
                <GrantText grant={g} units={units.data ? unitsById(units.data) : null} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="card" aria-labelledby="home-next">
        <h2 id="home-next">{t('home.next')}</h2>
        <ul class="links">
          <li>
            <a href="/work">{t('queue.title')}</a> — {t('home.workHint')}
          </li>
          <li>
            <a href="/cycles">{t('cycles.title')}</a> — {t('home.cyclesHint')}
          </li>
          <li>
            <a href="/org">{t('org.title')}</a> — {t('home.orgHint')}
          </li>
          <li>
            <a href="/packs">{t('packs.title')}</a> — {t('home.packsHint')}
          </li>
          {isAdmin(session) && (
            <>
              <li>
                <a href="/people">{t('people.title')}</a> — {t('home.peopleHint')}
              </li>
              <li>
                <a href="/clients">{t('clients.title')}</a> — {t('home.clientsHint')}
              </li>
              <li>
                <a href="/audit">{t('audit.title')}</a> — {t('home.auditHint')}
              </li>
              <li>
                <a href="/settings">{t('settings.title')}</a> — {t('home.settingsHint')}
              </li>
            </>
          )}
        </ul>
      </section>
    </Screen>
  );
}
