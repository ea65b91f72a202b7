import { useState } from 'preact/hooks';
import { listPacks } from '../../api/packs.ts';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../../api/types.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Loading, Screen } from '../../components/screen.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { formatDateTime, pick, t } from '../../i18n/lang.ts';
import { useAsync } from '../../lib/use-async.ts';
import { isAdmin, useSession } from '../../session/session.ts';
import { ImportPack } from './import-pack.tsx';
import { originKey, versionHref } from './links.ts';
import { PinsPanel } from './pins.tsx';

export function Catalog() {
  const session = useSession();
  const [unitKind, setUnitKind] = useState<OrgUnitKind | ''>('');
  const packs = useAsync(() => listPacks(unitKind, 'all'), [unitKind]);
  return (
    <Screen title={t('packs.title')} intro={t('packs.intro')}>
      <div class="section-head">
        <span />
        <label class="inline">
          {t('packs.forKind')}{' '}
          <select
            value={unitKind}
            onChange={(e) => setUnitKind(e.currentTarget.value as OrgUnitKind | '')}
          >
            <option value="">{t('filter.any')}</option>
            {ORG_UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {packs.error && <ProblemNotice error={packs.error} />}
      {packs.data && unitKind === '' && (
        <PinsPanel
          packs={packs.data}
          admin={isAdmin(session)}
          onChanged={() => void packs.reload()}
        />
      )}
      {!packs.data ? (
        <Loading />
      ) : packs.data.length === 0 ? (
        <p class="hint">{t('packs.none')}</p>
      ) : (
        packs.data.map((pack) => (
          <section class="card pack" key={pack.key} aria-labelledby={`pack-${pack.key}`}>
            <h2 id={`pack-${pack.key}`}>{pick(pack.title)}</h2>
            <p class="hint">
              {pick(pack.issuer)} · <span class="mono">{pack.key}</span> ·{' '}
              {t('packs.assesses', {
                kinds: pack.unit_kinds.map((k) => t(`kind.${k}`)).join(t('punct.list')),
              })}
            </p>
            <ScrollTable label={t('packs.versionsOf', { title: pick(pack.title) })}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('packs.version')}</th>
                    <th scope="col">{t('field.status')}</th>
                    <th scope="col">{t('packs.effective')}</th>
                    <th scope="col">{t('packs.total')}</th>
                    <th scope="col">{t('packs.itemCount')}</th>
                    <th scope="col">{t('packs.pinned')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pack.versions.map((v) => (
                    <tr key={v.version}>
                      <td>
                        <a href={versionHref(v.key, v.version)} class="mono">
                          {v.version}
                        </a>
                        {v.derived_from && (
                          <div class="hint small">
                            {t('packs.derivedFrom', {
                              ref: `${v.derived_from.key}@${v.derived_from.version}`,
                            })}
                          </div>
                        )}
                      </td>
                      <td>
                        {t(`packs.status.${v.status}`)} · {t(originKey(v))}
                      </td>
                      <td>
                        {v.effective_from}
                        {v.effective_to ? ` – ${v.effective_to}` : ` ${t('packs.onwards')}`}
                      </td>
                      <td>
                        {t('packs.points', { max: v.total })}
                        {v.bonus_max > 0 && (
                          <div class="hint small">{t('packs.bonus', { max: v.bonus_max })}</div>
                        )}
                      </td>
                      <td>{v.item_count}</td>
                      <td>
                        {v.pin
                          ? t('packs.pinnedFrom', {
                              date: formatDateTime(v.pin.effective_from, false),
                            })
                          : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </section>
        ))
      )}
      {isAdmin(session) && <ImportPack />}
    </Screen>
  );
}
