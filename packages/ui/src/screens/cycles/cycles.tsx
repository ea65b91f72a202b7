import { useState } from 'preact/hooks';
import { createCycle, listCycles } from '../../api/cycles.ts';
import { listPacks, readPackVersion } from '../../api/packs.ts';
import { ApiError, fieldErrorText, fieldName } from '../../api/problem.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Loading, Screen } from '../../components/screen.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { pick, type Text, t, textOf, useLang } from '../../i18n/lang.ts';
import { useAsync } from '../../lib/use-async.ts';
import { navigate } from '../../router/router.ts';
import { isAdmin, useSession } from '../../session/session.ts';
import { collectParameters, ParameterFields } from './parameter-fields.tsx';

export const cycleHref = (id: string) => `/cycles/${encodeURIComponent(id)}`;

function NewCycleForm() {
  useLang();
  const catalog = useAsync(() => listPacks('', 'published'), []);
  const versions = (catalog.data ?? []).flatMap((p) =>
    p.versions.filter((v) => v.status === 'published').map((v) => ({ pack: p, v })),
  );
  const [ref, setRef] = useState('');
  const chosen = versions.find(({ v }) => `${v.key}@${v.version}` === ref) ?? versions[0];
  const pack = useAsync(
    () => (chosen ? readPackVersion(chosen.v.key, chosen.v.version) : Promise.resolve(null)),
    [chosen?.v.key, chosen?.v.version],
  );
  const [name, setName] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [params, setParams] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, Text>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!chosen || !pack.data) return;
    const found: Record<string, Text> = {};
    if (!name.trim()) found.name = textOf('rule.required');
    if (!start) found.period_start = textOf('rule.required');
    if (!end) found.period_end = textOf('rule.required');
    else if (start && end < start) found.period_end = textOf('cycles.endBeforeStart');
    const parameters = collectParameters(pack.data.parameters, params);
    for (const [id, error] of Object.entries(parameters.errors)) found[`parameters.${id}`] = error;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('#new-cycle [aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const cycle = await createCycle({
        name: name.trim(),
        pack_key: chosen.v.key,
        pack_version: chosen.v.version,
        parameters: parameters.values,
        period_start: start,
        period_end: end,
      });
      navigate(cycleHref(cycle.id));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const byField: Record<string, Text> = {};
      for (const fe of error.problem.errors ?? [])
        byField[fieldName(fe.path)] ??= fieldErrorText(fe);
      setErrors(byField);
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const field = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    type = 'text',
  ) => {
    const error = errors[id];
    const domId = `new-cycle-${id}`;
    return (
      <div class={error ? 'field invalid' : 'field'}>
        <label for={domId}>
          {label}
          <span class="required" aria-hidden="true">
            {' *'}
          </span>
        </label>
        <input
          id={domId}
          type={type as 'text'}
          value={value}
          aria-required="true"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${domId}-error` : undefined}
          onInput={(e) => set(e.currentTarget.value)}
        />
        {error && (
          <p class="field-error" id={`${domId}-error`}>
            {pick(error)}
          </p>
        )}
      </div>
    );
  };

  return (
    <section class="card" aria-labelledby="new-cycle-title">
      <h2 id="new-cycle-title">{t('cycles.new')}</h2>
      <form id="new-cycle" onSubmit={submit} noValidate>
        {field('name', t('cycles.name'), name, setName)}
        <div class="field">
          <label for="new-cycle-pack">{t('cycles.packVersion')}</label>
          <select
            id="new-cycle-pack"
            value={chosen ? `${chosen.v.key}@${chosen.v.version}` : ''}
            onChange={(e) => {
              setRef(e.currentTarget.value);
              setParams({});
            }}
          >
            {versions.map(({ pack: p, v }) => (
              <option key={`${v.key}@${v.version}`} value={`${v.key}@${v.version}`}>
                {`${pick(p.title)} ${v.version}${v.pin ? ` · ${t('packs.pinned')}` : ''}`}
              </option>
            ))}
          </select>
          <p class="hint">{t('cycles.packHint')}</p>
        </div>
        <div class="grid-2">
          {field('period_start', t('cycles.periodStart'), start, setStart, 'date')}
          {field('period_end', t('cycles.periodEnd'), end, setEnd, 'date')}
        </div>
        <fieldset class="group">
          <legend>{t('cycles.parameters')}</legend>
          {pack.data ? (
            <ParameterFields
              params={pack.data.parameters}
              raws={params}
              errors={Object.fromEntries(
                Object.entries(errors)
                  .filter(([k]) => k.startsWith('parameters.'))
                  .map(([k, v]) => [k.slice('parameters.'.length), v]),
              )}
              onChange={(id, raw) => setParams({ ...params, [id]: raw })}
            />
          ) : (
            <Loading />
          )}
        </fieldset>
        {problem && <ProblemNotice error={problem} />}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy || !pack.data}>
            {t('cycles.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** 考核周期: every cycle of the tenant, and a new one (admins). */
export function Cycles() {
  useLang();
  const session = useSession();
  const cycles = useAsync(() => listCycles('all'), []);
  return (
    <Screen title={t('cycles.title')} intro={t('cycles.intro')}>
      {cycles.error && <ProblemNotice error={cycles.error} />}
      <section class="card" aria-labelledby="cycles-list">
        <h2 id="cycles-list">{t('cycles.list')}</h2>
        {!cycles.data ? (
          <Loading />
        ) : cycles.data.length === 0 ? (
          <p class="hint">{t('cycles.none')}</p>
        ) : (
          <ScrollTable labelledBy="cycles-list">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('cycles.name')}</th>
                  <th scope="col">{t('field.status')}</th>
                  <th scope="col">{t('cycles.packVersion')}</th>
                  <th scope="col">{t('cycles.period')}</th>
                </tr>
              </thead>
              <tbody>
                {cycles.data.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <a href={cycleHref(c.id)}>{c.name}</a>{' '}
                      <a class="small" href={`${cycleHref(c.id)}/dashboard`}>
                        {t('dashboard.link')}
                      </a>
                    </td>
                    <td>{t(`cycles.status.${c.status}`)}</td>
                    <td class="mono small">{`${c.pack.key}@${c.pack.version}`}</td>
                    <td>{`${c.period.start} – ${c.period.end}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
      {isAdmin(session) && <NewCycleForm />}
    </Screen>
  );
}
