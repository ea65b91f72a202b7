import { useState } from 'preact/hooks';
import { type Cycle, type SwitchPreview, switchVersion } from '../../api/cycles.ts';
import { listPacks } from '../../api/packs.ts';
import { ApiError } from '../../api/problem.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { formatPoints } from '../../components/scorecard-view.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { pick, t, useLang } from '../../i18n/lang.ts';
import { useAsync } from '../../lib/use-async.ts';

/** 切换版本: who would gain or lose under another version of the pack, then confirm. */
export function SwitchVersion(props: { cycle: Cycle; onSwitched(): Promise<void> }) {
  useLang();
  const { cycle } = props;
  const catalog = useAsync(() => listPacks('', 'published'), []);
  const others = (catalog.data ?? [])
    .filter((p) => p.key === cycle.pack.key)
    .flatMap((p) => p.versions)
    .filter((v) => v.status === 'published' && v.version !== cycle.pack.version);
  const [version, setVersion] = useState('');
  const [preview, setPreview] = useState<SwitchPreview | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const chosen = version || others[0]?.version || '';
  if (others.length === 0) return null;

  const run = async (step: 'preview' | 'confirm') => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await switchVersion(cycle, { step, pack_version: chosen }, preview?.etag);
      if (step === 'preview') setPreview(answer);
      else {
        setPreview(null);
        setDone(t('switch.done', { version: answer.to.version }));
        await props.onSwitched();
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="switch-title">
      <h2 id="switch-title">{t('switch.title')}</h2>
      <p class="hint">{t('switch.intro')}</p>
      <div class="inline-field">
        <label for="switch-to">{t('switch.to')}</label>
        <select
          id="switch-to"
          value={chosen}
          onChange={(e) => {
            setVersion(e.currentTarget.value);
            setPreview(null);
          }}
        >
          {others.map((v) => (
            <option key={v.version} value={v.version}>
              {`${v.version} · ${pick(v.title)}`}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy} onClick={() => void run('preview')}>
          {t('switch.preview')}
        </button>
      </div>
      {preview && (
        <div class="switch-preview">
          <p role="status">
            {t('switch.summary', {
              units: preview.summary.units,
              gain: preview.summary.gain,
              lose: preview.summary.lose,
              same: preview.summary.same,
              gained: preview.summary.designationGained,
              lost: preview.summary.designationLost,
            })}
          </p>
          {preview.units.length > 0 && (
            <ScrollTable label={t('switch.tableLabel')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('queue.unit')}</th>
                    <th scope="col">{t('switch.before')}</th>
                    <th scope="col">{t('switch.after')}</th>
                    <th scope="col">{t('switch.delta')}</th>
                    <th scope="col">{t('switch.moved')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.units.map((u) => (
                    <tr
                      key={u.submission_id}
                      class={u.delta > 0 ? 'gain' : u.delta < 0 ? 'lose' : undefined}
                    >
                      <td>{u.name}</td>
                      <td>{formatPoints(u.old.total)}</td>
                      <td>{formatPoints(u.new.total)}</td>
                      <td>{u.delta > 0 ? `+${formatPoints(u.delta)}` : formatPoints(u.delta)}</td>
                      <td class="small">
                        {u.moved
                          .map((m) => `${m.id} ${formatPoints(m.old)}→${formatPoints(m.new)}`)
                          .join(t('punct.list'))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={busy}
              onClick={() => void run('confirm')}
            >
              {t('switch.confirm', { version: preview.to.version })}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('action.cancel')}
            </button>
          </div>
        </div>
      )}
      <p class="hint" role="status">
        {done}
      </p>
      {problem && <ProblemNotice error={problem} />}
    </section>
  );
}
