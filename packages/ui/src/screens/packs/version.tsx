import { useState } from 'preact/hooks';
import { derivePack, listPacks, type PackVersion, readPackVersion } from '../../api/packs.ts';
import { ApiError } from '../../api/problem.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Loading, Screen } from '../../components/screen.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { isMessageKey, pick, t } from '../../i18n/lang.ts';
import { useAsync } from '../../lib/use-async.ts';
import { navigate } from '../../router/router.ts';
import { isAdmin, useSession } from '../../session/session.ts';
import { ImportedDraftActions } from './import-pack.tsx';
import { diffHref, originKey, versionHref, versionRef } from './links.ts';
import { PackItemCard, pointsText } from './pack-item.tsx';
import { tailorHref } from './tailor.tsx';

/** Pick another version (any pack's) and open the side-by-side comparison. */
function CompareWith(props: { pack: PackVersion }) {
  const { pack } = props;
  const catalog = useAsync(() => listPacks('', 'all'), []);
  const others = (catalog.data ?? [])
    .flatMap((p) => p.versions)
    .filter((v) => !(v.key === pack.key && v.version === pack.version))
    // The same pack's versions first: that is what one compares.
    .sort((a, b) => Number(b.key === pack.key) - Number(a.key === pack.key));
  const [to, setTo] = useState('');
  const chosen = to || (others[0] ? versionRef(others[0].key, others[0].version) : '');
  if (others.length === 0) return null;
  return (
    <form
      class="compare"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) navigate(diffHref(pack.key, pack.version, chosen));
      }}
    >
      <label for="compare-to">{t('packs.compareWith')}</label>
      <select id="compare-to" value={chosen} onChange={(e) => setTo(e.currentTarget.value)}>
        {others.map((v) => (
          <option key={versionRef(v.key, v.version)} value={versionRef(v.key, v.version)}>
            {`${pick(v.title)} ${v.version} (${t(`packs.status.${v.status}`)})`}
          </option>
        ))}
      </select>
      <button type="submit">{t('packs.compare')}</button>
    </form>
  );
}

function inputKindLabel(kind: string): string {
  const key = `packs.inputKind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

function Overview(props: { pack: PackVersion }) {
  const { pack } = props;
  return (
    <section class="card" aria-labelledby="pack-facts">
      <h2 id="pack-facts">{t('packs.about')}</h2>
      <dl class="facts">
        <dt>{t('packs.version')}</dt>
        <dd class="mono">{versionRef(pack.key, pack.version)}</dd>
        <dt>{t('packs.issuer')}</dt>
        <dd>{pick(pack.issuer)}</dd>
        <dt>{t('field.status')}</dt>
        <dd>
          {t(`packs.status.${pack.status}`)} · {t(originKey(pack))}
        </dd>
        {pack.derived_from && (
          <>
            <dt>{t('packs.derivedFromLabel')}</dt>
            <dd>
              <a href={versionHref(pack.derived_from.key, pack.derived_from.version)} class="mono">
                {versionRef(pack.derived_from.key, pack.derived_from.version)}
              </a>
            </dd>
          </>
        )}
        <dt>{t('packs.effective')}</dt>
        <dd>
          {pack.effective_from}
          {pack.effective_to ? ` – ${pack.effective_to}` : ` ${t('packs.onwards')}`}
        </dd>
        <dt>{t('packs.assessesLabel')}</dt>
        <dd>{pack.unit_kinds.map((k) => t(`kind.${k}`)).join(t('punct.list'))}</dd>
        <dt>{t('packs.total')}</dt>
        <dd>
          {t('packs.points', { max: pack.total })}
          {pack.bonus_max > 0 && ` · ${t('packs.bonus', { max: pack.bonus_max })}`}
        </dd>
        <dt>{t('packs.sourceDocument')}</dt>
        <dd lang="zh-CN">
          {pack.source.title}
          {pack.source.document && <div class="hint">{pack.source.document}</div>}
          <div class="hint">
            {[pack.source.section, pack.source.issued].filter(Boolean).join(' · ')}{' '}
            <span class="mono">{pack.source.file}</span>
          </div>
        </dd>
        <dt>{t('packs.contentHash')}</dt>
        <dd class="mono small" title={pack.content_hash}>
          {pack.content_hash.slice(0, 16)}…
        </dd>
      </dl>
      {pack.designation && (
        <>
          <h3>{t('packs.designation', { title: pick(pack.designation.title) })}</h3>
          <p>{t('packs.passMark', { rule: pick(pack.designation.pass_mark) })}</p>
          {pack.designation.requirements.length > 0 && (
            <ul>
              {pack.designation.requirements.map((r) => (
                <li key={r.id}>
                  {pick(r.title)}
                  {t('punct.colon')}
                  {pick(r.condition)}
                </li>
              ))}
            </ul>
          )}
          {pack.designation.notes.map((n, i) => (
            <p class="hint" key={i}>
              {pick(n)}
            </p>
          ))}
        </>
      )}
      {pack.review_chain && (
        <>
          <h3>{t('packs.reviewChain')}</h3>
          <ol class="chain">
            {pack.review_chain.map((s) => (
              <li key={s.key}>
                {pick(s.title)} <span class="mono small">{s.key}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {pack.parameters.length > 0 && (
        <>
          <h3>{t('packs.parameters')}</h3>
          <ul>
            {pack.parameters.map((p) => (
              <li key={p.id}>
                <strong>{pick(p.label)}</strong> <span class="mono small">{p.id}</span>
                {p.options && ` — ${p.options.map((o) => pick(o.label)).join(t('punct.list'))}`}
                {p.description && <div class="hint">{pick(p.description)}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
      {pack.notes.length > 0 && (
        <details class="notes">
          <summary>{t('packs.packNotes', { count: pack.notes.length })}</summary>
          <ul>
            {pack.notes.map((n, i) => (
              <li key={i}>{pick(n)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Tailoring: derive a draft from a published version, go on editing a draft, or publish an imported one. */
function TailorActions(props: { pack: PackVersion; onChanged: () => void }) {
  const session = useSession();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { pack } = props;
  if (!isAdmin(session)) return null;
  if (pack.status === 'draft' && pack.origin === 'tenant' && !pack.derived_from) {
    return <ImportedDraftActions pack={pack} onPublished={props.onChanged} />;
  }
  if (pack.status === 'draft' && pack.origin === 'tenant') {
    return (
      <p>
        <a class="button-link" href={tailorHref(pack.key, pack.version)}>
          {t('tailor.edit')}
        </a>
      </p>
    );
  }
  if (pack.status !== 'published') return null;
  return (
    <div class="actions">
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            const draft = await derivePack(pack.key, pack.version, {});
            navigate(tailorHref(draft.key, draft.version));
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            setProblem(error);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('tailor.derive')}
      </button>
      {problem && <ProblemNotice error={problem} />}
    </div>
  );
}

export function PackVersionScreen(props: { params: Record<string, string> }) {
  const key = props.params.key ?? '';
  const version = props.params.version ?? '';
  const pack = useAsync(() => readPackVersion(key, version), [key, version]);
  if (pack.error) {
    return (
      <Screen title={t('packs.versionTitle')}>
        <ProblemNotice error={pack.error} />
        <a href="/packs">{t('packs.backToCatalog')}</a>
      </Screen>
    );
  }
  if (!pack.data) return <Loading />;
  const p = pack.data;
  return (
    <Screen title={`${pick(p.title)} ${p.version}`}>
      <p>
        <a href="/packs">{t('packs.backToCatalog')}</a>
      </p>
      <TailorActions pack={p} onChanged={() => void pack.reload()} />
      <CompareWith pack={p} />
      <Overview pack={p} />
      <nav class="card toc" aria-label={t('packs.categories')}>
        <h2>{t('packs.categories')}</h2>
        <ol>
          {p.categories.map((c) => (
            <li key={c.id}>
              <a href={`#cat-${c.id}`}>
                {c.id} {pick(c.title)}
              </a>{' '}
              <span class="hint">
                {pointsText({ min: 0, max: c.max })}
                {c.bonus && ` · ${t('packs.bonusCategory')}`}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      {p.categories.map((c) => (
        <section
          key={c.id}
          class="category"
          id={`cat-${c.id}`}
          aria-labelledby={`cat-title-${c.id}`}
        >
          <h2 id={`cat-title-${c.id}`}>
            {c.id} {pick(c.title)}{' '}
            <span class="hint">
              {pointsText({ min: 0, max: c.max })}
              {c.bonus && ` · ${t('packs.bonusCategory')}`}
            </span>
          </h2>
          {c.items.map((item) => (
            <PackItemCard key={item.id} item={item} />
          ))}
        </section>
      ))}
      {p.metrics.length > 0 && (
        <section class="card" aria-labelledby="pack-metrics">
          <h2 id="pack-metrics">{t('packs.metrics')}</h2>
          <ul>
            {p.metrics.map((m) => (
              <li key={m.id}>
                <strong>{pick(m.label)}</strong> = {pick(m.formula)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.inputs.length > 0 && (
        <section class="card" aria-labelledby="pack-inputs">
          <h2 id="pack-inputs">{t('packs.inputs', { count: p.inputs.length })}</h2>
          <ScrollTable labelledBy="pack-inputs">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('packs.inputLabel')}</th>
                  <th scope="col">{t('packs.inputKind')}</th>
                  <th scope="col">{t('packs.inputBounds')}</th>
                </tr>
              </thead>
              <tbody>
                {p.inputs.map((i) => (
                  <tr key={i.id}>
                    <td>
                      {pick(i.label)}
                      <div class="mono small">{i.id}</div>
                    </td>
                    <td>
                      {inputKindLabel(i.kind)}
                      {i.unit && ` (${pick(i.unit).trim()})`}
                    </td>
                    <td>
                      {i.options
                        ? i.options.map((o) => pick(o.label)).join(t('punct.list'))
                        : i.min !== null || i.max !== null
                          ? `${i.min ?? '…'} – ${i.max ?? '…'}`
                          : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </section>
      )}
    </Screen>
  );
}
