import type { PackInput } from '../../api/packs.ts';
import type { Submission } from '../../api/submissions.ts';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { formatDateTime, pick, t, useLang } from '../../i18n/lang.ts';
import { parseRaw, type Raw, toRaw } from './input-form.ts';

/**
 * A save refused with 412: someone else saved this submission since it was loaded. Their
 * values and the ones typed here side by side; reloading takes theirs as the base and keeps
 * every typed value on top, to be saved again.
 */
export function ConflictPanel(props: {
  inputs: ReadonlyMap<string, PackInput>;
  mine: Readonly<Record<string, Raw>>;
  theirs: Submission;
  onReload(): void;
}) {
  useLang();
  const rows = Object.entries(props.mine)
    .map(([id, raw]) => ({ id, raw, input: props.inputs.get(id) }))
    .filter((r): r is { id: string; raw: Raw; input: PackInput } => !!r.input)
    .map((r) => {
      const theirs = toRaw(r.input, props.theirs.data.inputs[r.id]);
      const parsed = parseRaw(r.input, r.raw);
      return { ...r, theirs, differs: !parsed.ok || toRaw(r.input, parsed.value) !== theirs };
    });
  return (
    <section class="notice warn conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('entry.conflict.title')}</h2>
      <p>{t('entry.conflict.body', { at: formatDateTime(props.theirs.data.updated_at) })}</p>
      {rows.length > 0 && (
        <ScrollTable label={t('entry.conflict.tableLabel')}>
          <table class="conflict-table">
            <thead>
              <tr>
                <th scope="col">{t('entry.conflict.field')}</th>
                <th scope="col">{t('entry.conflict.mine')}</th>
                <th scope="col">{t('entry.conflict.theirs')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} class={r.differs ? 'differs' : undefined}>
                  <th scope="row">{pick(r.input.label)}</th>
                  <td>{r.raw || t('entry.empty')}</td>
                  <td>{r.theirs || t('entry.empty')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={props.onReload}>
          {t('entry.conflict.reload')}
        </button>
      </div>
    </section>
  );
}
