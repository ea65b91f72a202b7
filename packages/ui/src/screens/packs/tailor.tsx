import { useMemo, useState } from 'preact/hooks';
import {
  deletePackDraft,
  type LintFinding,
  type LintResult,
  lintPackVersion,
  type PackItem,
  type PackVersion,
  publishPackDraft,
  readPackVersion,
  updatePackDraft,
} from '../../api/packs.ts';
import { ApiError } from '../../api/problem.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Loading, Screen } from '../../components/screen.tsx';
import { isMessageKey, pick, type Text, t, useLang } from '../../i18n/lang.ts';
import { useAsync } from '../../lib/use-async.ts';
import { navigate } from '../../router/router.ts';
import { collectParameters, ParameterFields, parameterRaw } from '../cycles/parameter-fields.tsx';
import { versionHref } from './links.ts';
import {
  buildOverrides,
  fieldForFinding,
  findingPlace,
  type ItemEdit,
  pointerParts,
  type TailorableNumber,
  tailorableNumbers,
  valueAt,
} from './tailoring.ts';

export const tailorHref = (key: string, version: string) => `${versionHref(key, version)}/tailor`;

/** "第1档 · 阈值" for /bands/0/threshold. */
export function pointerLabel(pointer: string): string {
  return pointerParts(pointer)
    .map((p) =>
      isMessageKey(p.key) ? t(p.key, p.n === undefined ? undefined : { n: p.n }) : p.key,
    )
    .join(' · ');
}

export function Findings(props: { findings: readonly LintFinding[]; id?: string }) {
  if (props.findings.length === 0) return null;
  return (
    <ul class="lint-findings" id={props.id}>
      {props.findings.map((f, i) => (
        <li key={i} class={f.severity === 'error' ? 'field-error' : 'hint warn'}>
          {t(f.severity === 'error' ? 'tailor.lintError' : 'tailor.lintWarning')}
          {t('punct.colon')}
          {pick(f.message)}
        </li>
      ))}
    </ul>
  );
}

function NumberField(props: {
  itemId: string;
  number: TailorableNumber;
  parentValue: number | undefined;
  raw: string;
  findings: readonly LintFinding[];
  tightenOnly: boolean;
  onChange(raw: string): void;
}) {
  const id = `t-${encodeURIComponent(props.itemId)}-${props.number.pointer}`.replace(
    /[^\w-]/g,
    '-',
  );
  const errorId = `${id}-lint`;
  const invalid = props.findings.some((f) => f.severity === 'error');
  const unit = props.number.percent
    ? '%'
    : props.number.role === 'points'
      ? t('tailor.pointsUnit')
      : '';
  return (
    <div class={invalid ? 'field invalid tailor-number' : 'field tailor-number'}>
      <label for={id}>
        {pointerLabel(props.number.pointer)}
        {unit && ` (${unit})`}
      </label>
      <input
        id={id}
        inputMode="decimal"
        value={props.raw}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={`${id}-parent${props.findings.length ? ` ${errorId}` : ''}`}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
      <p class="hint" id={`${id}-parent`}>
        {t('tailor.parentValue', { value: props.parentValue ?? '—' })}
        {props.tightenOnly &&
          ` · ${t(props.number.role === 'threshold' ? 'tailor.stricterThreshold' : 'tailor.stricterPoints')}`}
      </p>
      <Findings findings={props.findings} id={errorId} />
    </div>
  );
}

function ItemEditor(props: {
  item: PackItem;
  parentItem: PackItem | undefined;
  edit: ItemEdit;
  raws: Record<string, string>;
  findings: readonly LintFinding[];
  onEdit(edit: ItemEdit, raws: Record<string, string>): void;
}) {
  useLang();
  const { item, parentItem, edit } = props;
  const numbers = tailorableNumbers(parentItem?.rule.definition ?? item.rule.definition);
  const mandatory = parentItem?.mandatory ?? item.mandatory;
  const tighten = parentItem?.tighten_only ?? item.tighten_only;
  const placed = props.findings.map((f) => ({
    finding: f,
    at: fieldForFinding(findingPlace(f).pointer, numbers),
  }));
  const itemFindings = placed.filter((p) => p.at === null).map((p) => p.finding);
  const changed =
    edit.disabled ||
    numbers.some(
      (n) => valueAt(parentItem?.rule.definition, n.pointer) !== edit.numbers[n.pointer],
    );
  const headingId = `tailor-item-${item.id}`;
  return (
    <article
      class={edit.disabled ? 'pack-item disabled tailor-item' : 'pack-item tailor-item'}
      aria-labelledby={headingId}
    >
      <header class="pack-item-head">
        <h4 id={headingId}>
          <span class="item-id">{item.id}</span> {pick(item.title)}{' '}
          <span class="points">{t('packs.points', { max: item.max })}</span>
        </h4>
        <span class="marks">
          {mandatory && <span class="tag">{t('tailor.mandatory')}</span>}
          {tighten && (
            <span class="tag">
              {tighten === 'fixed' ? t('tailor.pointsFixed') : t('tailor.tightenOnly')}
            </span>
          )}
          {changed && <span class="tag added">{t('tailor.changed')}</span>}
        </span>
      </header>
      <p class="rule">{pick(item.rule.text)}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={edit.disabled}
          disabled={mandatory}
          aria-describedby={mandatory ? `${headingId}-mandatory` : undefined}
          onChange={(e) => props.onEdit({ ...edit, disabled: e.currentTarget.checked }, props.raws)}
        />
        <span>{t('tailor.disable')}</span>
      </label>
      {mandatory && (
        <p class="hint" id={`${headingId}-mandatory`}>
          {t('tailor.mandatoryHint')}
        </p>
      )}
      {numbers.length > 0 && (
        <div class="tailor-numbers">
          {numbers.map((n) => (
            <NumberField
              key={n.pointer}
              itemId={item.id}
              number={n}
              parentValue={valueAt(parentItem?.rule.definition, n.pointer)}
              raw={props.raws[n.pointer] ?? String(edit.numbers[n.pointer] ?? '')}
              tightenOnly={!!tighten}
              findings={placed.filter((p) => p.at === n.pointer).map((p) => p.finding)}
              onChange={(raw) => {
                const value = Number(raw.normalize('NFKC').trim());
                const numbersNext = { ...edit.numbers };
                if (raw.trim() !== '' && Number.isFinite(value)) numbersNext[n.pointer] = value;
                props.onEdit(
                  { ...edit, numbers: numbersNext },
                  { ...props.raws, [n.pointer]: raw },
                );
              }}
            />
          ))}
        </div>
      )}
      {changed && (
        <div class="grid-2">
          {(['zh', 'en'] as const).map((lang) => (
            <div class="field" key={lang}>
              <label for={`${headingId}-note-${lang}`}>
                {t(lang === 'zh' ? 'tailor.noteZh' : 'tailor.noteEn')}
              </label>
              <input
                id={`${headingId}-note-${lang}`}
                value={edit.note[lang]}
                onInput={(e) =>
                  props.onEdit(
                    { ...edit, note: { ...edit.note, [lang]: e.currentTarget.value } },
                    props.raws,
                  )
                }
              />
            </div>
          ))}
        </div>
      )}
      <Findings findings={itemFindings} />
    </article>
  );
}

interface Loaded {
  draft: PackVersion;
  parent: PackVersion;
  lint: LintResult;
}

async function load(key: string, version: string): Promise<Loaded> {
  const draft = await readPackVersion(key, version);
  const from = draft.derived_from ?? { key, version };
  const [parent, lint] = await Promise.all([
    readPackVersion(from.key, from.version),
    lintPackVersion(key, version),
  ]);
  return { draft, parent, lint };
}

function initialEdits(draft: PackVersion): Record<string, ItemEdit> {
  const edits: Record<string, ItemEdit> = {};
  for (const category of draft.categories) {
    for (const item of category.items) {
      const numbers: Record<string, number> = {};
      for (const n of tailorableNumbers(item.rule.definition)) numbers[n.pointer] = n.value;
      const note = draft.overrides?.items?.[item.id]?.notes?.[0] ?? { zh: '', en: '' };
      edits[item.id] = { disabled: item.disabled, numbers, note: { zh: note.zh, en: note.en } };
    }
  }
  return edits;
}

function TailorWorkspace(props: { loaded: Loaded }) {
  useLang();
  const [draft, setDraft] = useState(props.loaded.draft);
  const { parent } = props.loaded;
  const [lint, setLint] = useState(props.loaded.lint);
  const [edits, setEdits] = useState(() => initialEdits(props.loaded.draft));
  const [raws, setRaws] = useState<Record<string, Record<string, string>>>({});
  const [params, setParams] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      parent.parameters.map((p) => [p.id, parameterRaw(draft.overrides?.parameters?.[p.id])]),
    ),
  );
  const [paramErrors, setParamErrors] = useState<Record<string, Text>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const parentItems = useMemo(
    () => new Map(parent.categories.flatMap((c) => c.items).map((i) => [i.id, i])),
    [parent],
  );
  const parentRules = useMemo(
    () => new Map([...parentItems].map(([id, i]) => [id, i.rule.definition])),
    [parentItems],
  );
  const findings = [...lint.errors, ...lint.warnings];
  // A publish refused (422) names its lint errors in the problem: shown beside the items too.
  const refused: LintFinding[] = (
    problem?.status === 422 ? (problem.problem.errors ?? []) : []
  ).map((e) => ({
    check: e.code,
    severity: 'error',
    path: e.path,
    message: { zh: e.message_zh, en: e.message },
  }));
  const allFindings = [...findings, ...refused];
  const packFindings = allFindings.filter((f) => !findingPlace(f).itemId);

  const save = async (): Promise<PackVersion | null> => {
    const parameters = collectParameters(parent.parameters, params);
    setParamErrors(parameters.errors);
    if (Object.keys(parameters.errors).length > 0) return null;
    setBusy(true);
    setProblem(null);
    try {
      const overrides = buildOverrides(parentRules, edits, parameters.values);
      // The stored overrides name their version; the edit sends only what may change.
      const { key: _key, version: _version, ...kept } = draft.overrides ?? {};
      const next = await updatePackDraft(draft, {
        ...kept,
        parameters: overrides.parameters ?? {},
        items: overrides.items ?? {},
      });
      setDraft(next);
      setLint(await lintPackVersion(next.key, next.version));
      setNotice(t('tailor.saved'));
      return next;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error);
      return null;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section class="card" aria-labelledby="tailor-about">
        <h2 id="tailor-about">{t('tailor.about')}</h2>
        <p>
          {t('tailor.derivedFrom')}{' '}
          <a
            href={versionHref(parent.key, parent.version)}
          >{`${pick(parent.title)} ${parent.version}`}</a>
        </p>
        <p class="hint">{t('tailor.intro')}</p>
        <p role="status" class={lint.errors.length > 0 ? 'notice error' : 'notice success'}>
          {t('tailor.lintSummary', { errors: lint.errors.length, warnings: lint.warnings.length })}
        </p>
        <Findings findings={packFindings} />
      </section>
      <section class="card" aria-labelledby="tailor-params">
        <h2 id="tailor-params">{t('tailor.parameters')}</h2>
        <ParameterFields
          params={parent.parameters}
          raws={params}
          errors={paramErrors}
          onChange={(id, raw) => setParams({ ...params, [id]: raw })}
        />
      </section>
      {draft.categories.map((category) => (
        <section key={category.id} class="category" aria-labelledby={`tailor-cat-${category.id}`}>
          <h2 id={`tailor-cat-${category.id}`}>
            {category.id} {pick(category.title)}
          </h2>
          {category.items.map((item) => (
            <ItemEditor
              key={item.id}
              item={item}
              parentItem={parentItems.get(item.id)}
              edit={edits[item.id]!}
              raws={raws[item.id] ?? {}}
              findings={allFindings.filter((f) => findingPlace(f).itemId === item.id)}
              onEdit={(edit, itemRaws) => {
                setEdits({ ...edits, [item.id]: edit });
                setRaws({ ...raws, [item.id]: itemRaws });
                setNotice('');
              }}
            />
          ))}
        </section>
      ))}
      <div class="card sticky-actions tailor-actions">
        <p class="hint" role="status">
          {notice}
        </p>
        {problem && (
          <ProblemNotice error={problem} unshown={(path) => !path.startsWith('items[')} />
        )}
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => void save()}>
            {t('tailor.save')}
          </button>
          <button
            type="button"
            class="primary"
            disabled={busy}
            onClick={async () => {
              const saved = await save();
              if (!saved) return;
              setBusy(true);
              try {
                const published = await publishPackDraft(saved);
                navigate(versionHref(published.key, published.version));
              } catch (error) {
                if (!(error instanceof ApiError)) throw error;
                setProblem(error);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('tailor.publish')}
          </button>
          <ConfirmButton
            label={t('tailor.discard')}
            question={t('tailor.discardQuestion')}
            onConfirm={async () => {
              try {
                await deletePackDraft(draft);
                navigate(versionHref(parent.key, parent.version));
              } catch (error) {
                if (!(error instanceof ApiError)) throw error;
                setProblem(error);
              }
            }}
          />
        </div>
      </div>
    </>
  );
}

/** 定制版本: edit a tailored draft's overrides, see the linter beside each field, publish. */
export function TailorScreen(props: { params: Record<string, string> }) {
  useLang();
  const key = props.params.key ?? '';
  const version = props.params.version ?? '';
  const loaded = useAsync(() => load(key, version), [key, version]);
  if (loaded.error) {
    return (
      <Screen title={t('tailor.title')}>
        <ProblemNotice error={loaded.error} />
      </Screen>
    );
  }
  if (!loaded.data) return <Loading />;
  const { draft } = loaded.data;
  return (
    <Screen title={t('tailor.titleOf', { title: pick(draft.title), version: draft.version })}>
      {draft.status === 'published' || !draft.derived_from ? (
        <p class="notice info">{t('tailor.published')}</p>
      ) : (
        <TailorWorkspace loaded={loaded.data} />
      )}
    </Screen>
  );
}
