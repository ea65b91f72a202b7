import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/problem.ts';
import { type PreviewRequest, previewScore, type Scorecard } from '../../api/scores.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { formatPoints, ScorecardView } from '../../components/scorecard-view.tsx';
import { t, useLang } from '../../i18n/lang.ts';
import { useDebounced } from '../../lib/use-debounced.ts';

/** Typing pauses this long before the preview is asked for (the API allows 240 a minute). */
export const PREVIEW_DEBOUNCE_MS = 400;

/** Items whose points differ between two scorecards of the same pack. */
export function changedItems(before: Scorecard | null, after: Scorecard): Set<string> {
  if (!before) return new Set();
  const was = new Map(before.items.map((i) => [i.id, i.points]));
  return new Set(after.items.filter((i) => was.get(i.id) !== i.points).map((i) => i.id));
}

/**
 * The score as it would be with what is typed now: the API's stateless preview (the engine
 * call the scheduler makes), asked again whenever typing pauses; an answer overtaken by newer
 * typing is dropped.
 */
export function LivePreview(props: { packKey: string; version: string; request: PreviewRequest }) {
  useLang();
  const body = JSON.stringify(props.request);
  const settled = useDebounced(body, PREVIEW_DEBOUNCE_MS);
  const [card, setCard] = useState<Scorecard | null>(null);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const previous = useRef<Scorecard | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setBusy(true);
    previewScore(
      props.packKey,
      props.version,
      JSON.parse(settled) as PreviewRequest,
      controller.signal,
    )
      .then((next) => {
        setChanged(changedItems(previous.current, next));
        previous.current = next;
        setCard(next);
        setError(null);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        if (e instanceof ApiError) setError(e);
        else throw e;
      })
      .finally(() => {
        if (!controller.signal.aborted) setBusy(false);
      });
    return () => controller.abort();
  }, [settled, props.packKey, props.version]);

  const stale = busy || settled !== body;
  return (
    <section class="card live-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('entry.preview.title')}</h2>
      <p class="hint">{t('entry.preview.intro')}</p>
      <p class="preview-status" role="status" aria-live="polite">
        {stale
          ? t('entry.preview.updating')
          : card
            ? t('entry.preview.now', {
                total: formatPoints(card.total),
                max: formatPoints(card.max),
              })
            : ''}
      </p>
      {error && <ProblemNotice error={error} />}
      {card && <ScorecardView card={card} idPrefix="preview" changed={changed} />}
    </section>
  );
}
