import { useState } from 'preact/hooks';
import { ApiError, fieldErrorText } from '../../api/problem.ts';
import {
  type ExportPage,
  type RestoreResult,
  readCorsOrigins,
  readExportPage,
  restorePage,
  saveCorsOrigins,
} from '../../api/tenant.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Loading, Screen } from '../../components/screen.tsx';
import { Actions, JsonFileField } from '../../forms/fields.tsx';
import { pick, t } from '../../i18n/lang.ts';
import { saveFile } from '../../lib/save-file.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useSession } from '../../session/session.ts';

const sum = (counts: Record<string, number> | undefined) =>
  Object.values(counts ?? {}).reduce((a, b) => a + b, 0);

/** The non-empty lines of the text box, each with its line number (errors point at lines). */
function originLines(text: string) {
  return text
    .split('\n')
    .map((raw, i) => ({ origin: raw.trim(), line: i + 1 }))
    .filter((l) => l.origin !== '');
}

/** The CORS allow-list as a text box, one origin a line, saved whole with If-Match. */
function CorsOrigins() {
  const current = useAsync(readCorsOrigins, []);
  const [edited, setEdited] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const text = edited ?? current.data?.data.origins.join('\n') ?? '';
  const lines = originLines(text);
  // The API names body.origins.<i>: the i-th line sent, shown beside the box by its line number.
  const lineErrors = (problem?.problem.errors ?? []).flatMap((e) => {
    const index = /^body\.origins\.(\d+)$/.exec(e.path);
    const line = index ? lines[Number(index[1])]?.line : undefined;
    return line ? [t('settings.originLine', { line, message: pick(fieldErrorText(e)) })] : [];
  });

  const save = async (event: Event) => {
    event.preventDefault();
    const etag = current.data?.etag;
    if (busy || !etag) return;
    setBusy(true);
    setProblem(null);
    setSaved('');
    try {
      const answer = await saveCorsOrigins(
        lines.map((l) => l.origin),
        etag,
      );
      setEdited(null);
      if (answer.etag) current.mutate(() => answer);
      else await current.reload();
      setSaved(t('settings.originsSaved', { count: answer.data.origins.length }));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error);
      // Someone saved first: read their list's version, keeping what was typed here.
      if (error.status === 412) await current.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" noValidate aria-labelledby="cors-title" onSubmit={save}>
      <h2 id="cors-title">{t('settings.cors')}</h2>
      <p class="hint">{t('settings.corsIntro')}</p>
      {current.error && <ProblemNotice error={current.error} />}
      {!current.data ? (
        <Loading />
      ) : (
        <>
          {problem && (
            <ProblemNotice error={problem} unshown={(p) => !/^body\.origins\.\d+$/.test(p)} />
          )}
          <div class={lineErrors.length > 0 ? 'field invalid' : 'field'}>
            <label for="cors-origins">{t('settings.origins')}</label>
            <textarea
              id="cors-origins"
              class="mono"
              rows={5}
              spellcheck={false}
              value={text}
              aria-invalid={lineErrors.length > 0 ? 'true' : undefined}
              aria-describedby={
                lineErrors.length > 0 ? 'cors-origins-hint cors-origins-error' : 'cors-origins-hint'
              }
              onInput={(e) => {
                setEdited(e.currentTarget.value);
                setSaved('');
                // Its line numbers were those of the text sent; typing moves the lines.
                setProblem(null);
              }}
            />
            <p class="hint" id="cors-origins-hint">
              {t('settings.originsHint')}
            </p>
            {lineErrors.length > 0 && (
              <p class="field-error" id="cors-origins-error">
                {lineErrors.join('；')}
              </p>
            )}
          </div>
          <p class="hint" role="status">
            {saved}
          </p>
          <Actions>
            <button type="submit" class="primary" disabled={busy}>
              {t('settings.saveOrigins')}
            </button>
          </Actions>
        </>
      )}
    </form>
  );
}

/**
 * Every export page, in order, saved as one JSON array: the file a restore takes back. Pages are
 * kept as text, so a large tenant's export is not held twice as objects.
 */
function ExportData() {
  const session = useSession();
  const [status, setStatus] = useState('');
  const [inconsistent, setInconsistent] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const slug = session.status === 'signedIn' ? session.me.tenant.slug : 'tenant';

  const run = async () => {
    setBusy(true);
    setProblem(null);
    setInconsistent(false);
    const parts: string[] = [];
    let last: ExportPage | undefined;
    try {
      let cursor: string | undefined;
      do {
        last = await readExportPage(cursor);
        parts.push(parts.length === 0 ? '[' : ',', JSON.stringify(last));
        setStatus(t('settings.exporting', { pages: parts.length / 2 }));
        cursor = last.next_cursor ?? undefined;
      } while (cursor);
      parts.push(']');
      const day = new Date().toISOString().slice(0, 10);
      saveFile(
        { blob: new Blob(parts, { type: 'application/json' }), filename: null },
        `kaoping-${slug}-${day}.json`,
      );
      setStatus(
        t('settings.exported', { pages: (parts.length - 1) / 2, rows: sum(last?.end?.counts) }),
      );
      setInconsistent(last?.end?.consistent === false);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error);
      setStatus('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('settings.export')}</h2>
      <p class="hint">{t('settings.exportIntro')}</p>
      {problem && <ProblemNotice error={problem} />}
      {inconsistent && <p class="notice warn">{t('settings.inconsistent')}</p>}
      <p class="hint" role="status">
        {status}
      </p>
      <Actions>
        <button type="button" class="primary" disabled={busy} onClick={run}>
          {t('settings.exportButton')}
        </button>
      </Actions>
    </section>
  );
}

function parsePages(text: string): ExportPage[] | null {
  try {
    const pages: unknown = JSON.parse(text);
    const ok =
      Array.isArray(pages) &&
      pages.length > 0 &&
      pages.every((p) => p && typeof p === 'object' && typeof p.page === 'number');
    return ok ? (pages as ExportPage[]) : null;
  } catch {
    return null;
  }
}

/** An export file sent back page by page, in order, into this (empty) tenant. */
function RestoreData() {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ page: number; error: ApiError } | null>(null);
  const [status, setStatus] = useState('');

  const run = async () => {
    setProblem(null);
    setStatus('');
    if (!file) {
      setFileError(t('settings.restoreNoFile'));
      return;
    }
    const pages = parsePages(await file.text());
    if (!pages) {
      setFileError(t('settings.restoreBadFile'));
      return;
    }
    let last: RestoreResult | undefined;
    for (const [i, page] of pages.entries()) {
      setStatus(t('settings.restoring', { page: i + 1, pages: pages.length }));
      try {
        last = await restorePage(page);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        setProblem({ page: i + 1, error });
        setStatus('');
        return;
      }
    }
    setStatus(
      t('settings.restored', { rows: sum(last?.restored), people: last?.people_to_invite ?? 0 }),
    );
  };

  return (
    <section class="card" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('settings.restore')}</h2>
      <p class="hint">{t('settings.restoreIntro')}</p>
      {problem && (
        <>
          <p class="field-error">{t('settings.restoreFailed', { page: problem.page })}</p>
          <ProblemNotice error={problem.error} />
        </>
      )}
      <JsonFileField
        id="restore-file"
        label={t('settings.restoreFile')}
        error={fileError}
        onFile={(picked) => {
          setFile(picked);
          setFileError(null);
        }}
      />
      <p class="hint" role="status">
        {status}
      </p>
      <Actions>
        <ConfirmButton
          label={t('settings.restoreButton')}
          question={t('settings.restoreQuestion')}
          onConfirm={run}
        />
      </Actions>
    </section>
  );
}

export function Settings() {
  return (
    <Screen title={t('settings.title')} intro={t('settings.intro')}>
      <CorsOrigins />
      <ExportData />
      <RestoreData />
    </Screen>
  );
}
