import { useState } from 'preact/hooks';
import {
  deletePackDraft,
  importPack,
  lintPackVersion,
  type PackVersion,
  publishPackDraft,
} from '../../api/packs.ts';
import { ApiError } from '../../api/problem.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Actions, JsonFileField } from '../../forms/fields.tsx';
import { t } from '../../i18n/lang.ts';
import { useAsync } from '../../lib/use-async.ts';
import { navigate } from '../../router/router.ts';
import { versionHref } from './links.ts';
import { Findings } from './tailor.tsx';

/**
 * A pack the tenant wrote, imported from its JSON file as a draft (admins). The file is
 * parsed here only to send it; every check is the API's, shown field by field.
 */
export function ImportPack() {
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section class="card" aria-labelledby="pack-import-title">
      <h2 id="pack-import-title">{t('packImport.title')}</h2>
      <p class="hint">{t('packImport.intro')}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!file || busy) return;
          setLocalError('');
          setProblem(null);
          let pack: unknown;
          try {
            pack = JSON.parse(await file.text());
          } catch (err) {
            setLocalError(t('packImport.notJson', { reason: (err as Error).message }));
            return;
          }
          setBusy(true);
          try {
            const draft = await importPack(pack as Record<string, unknown>);
            navigate(versionHref(draft.key, draft.version));
          } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            setProblem(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <JsonFileField
          id="pack-import-file"
          label={t('packImport.file')}
          error={localError || null}
          onFile={(picked) => {
            setFile(picked);
            setLocalError('');
            setProblem(null);
          }}
        />
        <Actions>
          <button type="submit" class="primary" disabled={!file || busy}>
            {busy ? t('packImport.importing') : t('packImport.submit')}
          </button>
        </Actions>
      </form>
      {problem && <ProblemNotice error={problem} />}
    </section>
  );
}

/** An imported draft on its version page: its lint, publish once clean, or discard. */
export function ImportedDraftActions(props: { pack: PackVersion; onPublished: () => void }) {
  const { pack } = props;
  const lint = useAsync(() => lintPackVersion(pack.key, pack.version), [pack.key, pack.version]);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = lint.data?.errors ?? [];
  const warnings = lint.data?.warnings ?? [];
  return (
    <section class="card" aria-labelledby="imported-draft">
      <h2 id="imported-draft">{t('tailor.about')}</h2>
      <p class="hint">{t('packImport.draft')}</p>
      {lint.error && <ProblemNotice error={lint.error} />}
      {lint.data && (
        <>
          <p role="status" class={errors.length > 0 ? 'notice error' : 'notice success'}>
            {t('tailor.lintSummary', { errors: errors.length, warnings: warnings.length })}
          </p>
          <Findings findings={[...errors, ...warnings]} />
        </>
      )}
      {problem && <ProblemNotice error={problem} />}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={busy || !lint.data || errors.length > 0}
          onClick={async () => {
            setBusy(true);
            try {
              await publishPackDraft(pack);
              props.onPublished();
            } catch (err) {
              if (!(err instanceof ApiError)) throw err;
              setProblem(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('tailor.publish')}
        </button>
        <ConfirmButton
          label={t('tailor.discard')}
          question={t('packImport.discardQuestion')}
          onConfirm={async () => {
            try {
              await deletePackDraft(pack);
              navigate('/packs');
            } catch (err) {
              if (!(err instanceof ApiError)) throw err;
              setProblem(err);
            }
          }}
        />
      </div>
    </section>
  );
}
