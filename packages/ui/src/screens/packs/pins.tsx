import { useState } from 'preact/hooks';
import { type CatalogPack, createPin, deletePin, listPins } from '../../api/packs.ts';
import { ApiError } from '../../api/problem.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { pick, type Text, t, textOf, useLang } from '../../i18n/lang.ts';
import { useAsync } from '../../lib/use-async.ts';

/**
 * 选用: which published versions this tenant runs its cycles on, and from when. With no pin
 * of a pack, any published version of it may be used; once one is pinned, only pinned ones.
 */
export function PinsPanel(props: {
  packs: readonly CatalogPack[];
  admin: boolean;
  onChanged(): void;
}) {
  useLang();
  const pins = useAsync(() => listPins(), []);
  const published = props.packs.flatMap((p) =>
    p.versions.filter((v) => v.status === 'published').map((v) => ({ pack: p, v })),
  );
  const [ref, setRef] = useState('');
  const [from, setFrom] = useState('');
  const [error, setError] = useState<Text | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const chosen = published.find(({ v }) => `${v.key}@${v.version}` === ref) ?? published[0];
  const titleOf = (key: string) => {
    const pack = props.packs.find((p) => p.key === key);
    return pack ? pick(pack.title) : key;
  };
  return (
    <section class="card" aria-labelledby="pins-title">
      <h2 id="pins-title">{t('pins.title')}</h2>
      <p class="hint">{t('pins.intro')}</p>
      {pins.error && <ProblemNotice error={pins.error} />}
      {pins.data && pins.data.length === 0 && <p class="hint">{t('pins.none')}</p>}
      {pins.data && pins.data.length > 0 && (
        <ScrollTable labelledBy="pins-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('pins.pack')}</th>
                <th scope="col">{t('packs.version')}</th>
                <th scope="col">{t('pins.from')}</th>
                {props.admin && <th scope="col">{t('field.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {pins.data.map((pin) => (
                <tr key={pin.id}>
                  <td>{titleOf(pin.key)}</td>
                  <td class="mono">{pin.version}</td>
                  <td>{pin.effective_from}</td>
                  {props.admin && (
                    <td>
                      <ConfirmButton
                        label={t('pins.remove')}
                        question={t('pins.removeQuestion', { version: pin.version })}
                        onConfirm={async () => {
                          try {
                            await deletePin(pin);
                            await pins.reload();
                            props.onChanged();
                          } catch (e) {
                            if (!(e instanceof ApiError)) throw e;
                            setProblem(e);
                          }
                        }}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {props.admin && chosen && (
        <form
          class="pin-form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) {
              setError(textOf('entry.rule.date'));
              return;
            }
            setError(null);
            try {
              const pin = await createPin({
                key: chosen.v.key,
                version: chosen.v.version,
                effective_from: from,
              });
              setNotice(
                t('pins.created', {
                  version: `${pin.key}@${pin.version}`,
                  from: pin.effective_from,
                }),
              );
              setProblem(null);
              await pins.reload();
              props.onChanged();
            } catch (err) {
              if (!(err instanceof ApiError)) throw err;
              setProblem(err);
            }
          }}
        >
          <div class="grid-2">
            <div class="field">
              <label for="pin-version">{t('pins.version')}</label>
              <select
                id="pin-version"
                value={`${chosen.v.key}@${chosen.v.version}`}
                onChange={(e) => setRef(e.currentTarget.value)}
              >
                {published.map(({ pack, v }) => (
                  <option key={`${v.key}@${v.version}`} value={`${v.key}@${v.version}`}>
                    {`${pick(pack.title)} ${v.version}`}
                  </option>
                ))}
              </select>
            </div>
            <div class={error ? 'field invalid' : 'field'}>
              <label for="pin-from">{t('pins.from')}</label>
              <input
                id="pin-from"
                type="date"
                value={from}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? 'pin-from-error' : undefined}
                onInput={(e) => setFrom(e.currentTarget.value)}
              />
              {error && (
                <p class="field-error" id="pin-from-error">
                  {pick(error)}
                </p>
              )}
            </div>
          </div>
          <div class="actions">
            <button type="submit">{t('pins.pin')}</button>
          </div>
          <p class="hint" role="status">
            {notice}
          </p>
        </form>
      )}
      {problem && <ProblemNotice error={problem} />}
    </section>
  );
}
