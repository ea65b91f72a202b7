import { useState } from 'preact/hooks';
import { importOrgUnits } from '../../api/org-units.ts';
import { ApiError } from '../../api/problem.ts';
import type { ImportResult } from '../../api/types.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Actions } from '../../forms/fields.tsx';
import { t } from '../../i18n/lang.ts';
import { recordsByLine } from './csv-lines.ts';

function downloadTemplate(): void {
  const url = URL.createObjectURL(
    new Blob([`\uFEFF${t('import.template')}`], { type: 'text/csv;charset=utf-8' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = 'org-units-template.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * CSV import, all or nothing: the API checks every row first and lists every
 * bad one; each is shown with its line number and the row's text.
 */
export function ImportCsv(props: { onImported: (result: ImportResult) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [lines, setLines] = useState<Map<number, string>>(new Map());
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p class="hint">{t('import.intro')}</p>
      <details class="columns-help">
        <summary>{t('import.columnsSummary')}</summary>
        <ul>
          <li>{t('import.colName')}</li>
          <li>{t('import.colKind')}</li>
          <li>{t('import.colParent')}</li>
          <li>{t('import.colCode')}</li>
          <li>{t('import.colNameEn')}</li>
        </ul>
        <button type="button" class="link-button" onClick={downloadTemplate}>
          {t('import.downloadTemplate')}
        </button>
      </details>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!file || busy) return;
          setBusy(true);
          setError(null);
          setResult(null);
          try {
            const answer = await importOrgUnits(file);
            setResult(answer);
            props.onImported(answer);
          } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            setError(err);
            requestAnimationFrame(() =>
              document
                .querySelector<HTMLElement>(
                  '#import-title ~ * .notice.error, .import-result .notice',
                )
                ?.focus(),
            );
          } finally {
            setBusy(false);
          }
        }}
      >
        <div class="field">
          <label for="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="import-file-hint"
            onChange={async (e) => {
              const chosen = e.currentTarget.files?.[0] ?? null;
              setFile(chosen);
              setResult(null);
              setError(null);
              setLines(chosen ? recordsByLine(await chosen.text()) : new Map());
            }}
          />
          <p class="hint" id="import-file-hint">
            {file
              ? t('import.chosen', { name: file.name, rows: Math.max(lines.size - 1, 0) })
              : t('import.fileHint')}
          </p>
        </div>
        <Actions>
          <button type="submit" class="primary" disabled={!file || busy}>
            {busy ? t('import.importing') : t('import.submit')}
          </button>
        </Actions>
      </form>
      <div class="import-result">
        {result && (
          <p class="notice success" role="status" tabIndex={-1}>
            {t('import.done', { created: result.created, unchanged: result.unchanged })}
          </p>
        )}
        {error && <ProblemNotice error={error} lineText={(line) => lines.get(line)} />}
      </div>
    </section>
  );
}
