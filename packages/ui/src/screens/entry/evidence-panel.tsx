import { useState } from 'preact/hooks';
import {
  deleteEvidence,
  downloadEvidence,
  EVIDENCE_ACCEPT,
  type Evidence,
  MAX_EVIDENCE_BYTES,
  uploadEvidence,
} from '../../api/evidence.ts';
import type { PackItem } from '../../api/packs.ts';
import { ApiError } from '../../api/problem.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { formatDateTime, pick, type Text, t, textOf, useLang } from '../../i18n/lang.ts';
import { saveFile } from '../../lib/save-file.ts';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const ACCEPTED = new Set(EVIDENCE_ACCEPT.split(',').map((e) => e.slice(1)));

/** Refused before sending: over the size limit, or a type the API never takes. */
export function evidenceProblem(file: Pick<File, 'name' | 'size'>): Text | null {
  if (file.size === 0) return textOf('evidence.empty');
  if (file.size > MAX_EVIDENCE_BYTES) {
    return textOf('evidence.tooLarge', { size: formatBytes(file.size), max: '10 MB' });
  }
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  if (!ACCEPTED.has(ext)) return textOf('evidence.badType', { ext: ext || '—' });
  return null;
}

/** Evidence files (佐证材料) of a submission, each linked to the item it supports. */
export function EvidencePanel(props: {
  submissionId: string;
  items: readonly PackItem[];
  files: readonly Evidence[];
  canUpload: boolean;
  onChange(files: Evidence[]): void;
}) {
  useLang();
  const [file, setFile] = useState<File | null>(null);
  const [itemId, setItemId] = useState('');
  const [fileError, setFileError] = useState<Text | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploaded, setUploaded] = useState<Evidence | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const itemTitle = (id: string | null) => {
    const item = id ? props.items.find((i) => i.id === id) : undefined;
    return item ? `${item.id} ${pick(item.title)}` : t('evidence.noItem');
  };

  const upload = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    setUploaded(null);
    if (!file) {
      setFileError(textOf('evidence.chooseFile'));
      return;
    }
    const refused = evidenceProblem(file);
    if (refused) {
      setFileError(refused);
      return;
    }
    setBusy(true);
    try {
      const stored = await uploadEvidence(props.submissionId, file, itemId || null);
      props.onChange([...props.files, stored]);
      setUploaded(stored);
      setFile(null);
      setInputKey((k) => k + 1);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card evidence" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('evidence.title')}</h2>
      <p class="hint">{t('evidence.intro')}</p>
      {props.files.length === 0 ? (
        <p class="hint">{t('evidence.none')}</p>
      ) : (
        <ul class="evidence-list" aria-label={t('evidence.listLabel')}>
          {props.files.map((f) => (
            <li key={f.id}>
              <span class="evidence-name">{f.filename}</span>{' '}
              <span class="hint">
                {formatBytes(f.size)} · {itemTitle(f.item_id)} · {formatDateTime(f.created_at)}
              </span>
              {f.personal_data.flagged && f.personal_data.warning && (
                <p class="notice warn">{pick(f.personal_data.warning)}</p>
              )}
              <span class="row-actions">
                <button
                  type="button"
                  class="link-button"
                  onClick={async () => saveFile(await downloadEvidence(f), f.filename)}
                >
                  {t('evidence.download', { name: f.filename })}
                </button>
                {props.canUpload && (
                  <ConfirmButton
                    label={t('evidence.delete')}
                    question={t('evidence.deleteQuestion', { name: f.filename })}
                    onConfirm={async () => {
                      try {
                        await deleteEvidence(f);
                        props.onChange(props.files.filter((x) => x.id !== f.id));
                      } catch (error) {
                        if (!(error instanceof ApiError)) throw error;
                        setProblem(error);
                      }
                    }}
                  />
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.canUpload && (
        <form class="evidence-upload" onSubmit={upload} noValidate>
          <div class={fileError ? 'field invalid' : 'field'}>
            <label for="evidence-file">{t('evidence.file')}</label>
            <input
              key={inputKey}
              id="evidence-file"
              type="file"
              accept={EVIDENCE_ACCEPT}
              aria-invalid={fileError ? 'true' : undefined}
              aria-describedby={
                fileError ? 'evidence-file-hint evidence-file-error' : 'evidence-file-hint'
              }
              onChange={(e) => {
                const chosen = e.currentTarget.files?.[0] ?? null;
                setFile(chosen);
                setFileError(chosen ? evidenceProblem(chosen) : null);
              }}
            />
            <p class="hint" id="evidence-file-hint">
              {t('evidence.limits')}
            </p>
            {fileError && (
              <p class="field-error" id="evidence-file-error">
                {pick(fileError)}
              </p>
            )}
          </div>
          <div class="field">
            <label for="evidence-item">{t('evidence.item')}</label>
            <select
              id="evidence-item"
              value={itemId}
              onChange={(e) => setItemId(e.currentTarget.value)}
            >
              <option value="">{t('evidence.noItem')}</option>
              {props.items.map((item) => (
                <option key={item.id} value={item.id}>
                  {`${item.id} ${pick(item.title)}`}
                </option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? t('evidence.uploading') : t('evidence.upload')}
            </button>
          </div>
          <p role="status" class="hint">
            {uploaded ? t('evidence.uploaded', { name: uploaded.filename }) : ''}
          </p>
          {problem && <ProblemNotice error={problem} />}
        </form>
      )}
    </section>
  );
}
