import type { Scorecard } from '../api/scores.ts';
import { pick, t, useLang } from '../i18n/lang.ts';

/** Points as the source writes them: 7, 7.5, −2. */
export function formatPoints(points: number | null): string {
  if (points === null) return '—';
  const rounded = Math.round(points * 100) / 100;
  return String(rounded).replace('-', '−');
}

/** The verdict on the designation, in words. */
export function DesignationLine(props: { card: Scorecard }) {
  useLang();
  const d = props.card.designation;
  if (!d) return null;
  const verdict =
    d.met === null
      ? 'score.designation.pending'
      : d.met
        ? 'score.designation.met'
        : 'score.designation.notMet';
  return (
    <p class={`designation ${d.met === null ? 'pending' : d.met ? 'met' : 'not-met'}`}>
      <strong>{pick(d.title)}</strong>
      {t('punct.colon')}
      {t(verdict)}
      <span class="hint block">{pick(d.reason)}</span>
    </p>
  );
}

/**
 * A scorecard: the total, the designation, then each item with its points and the engine's
 * explanation ("失业人员再就业率 = 57 ÷ (65 − 3) = 91.9%，达90%档，得8分"), by category.
 * `changed` marks the items whose points moved since the previous card.
 */
export function ScorecardView(props: {
  card: Scorecard;
  idPrefix: string;
  changed?: ReadonlySet<string>;
}) {
  useLang();
  const { card } = props;
  return (
    <div class="scorecard">
      <p class="score-total">
        <span class="score-number">{formatPoints(card.total)}</span>
        <span class="hint">{t('score.outOf', { max: formatPoints(card.max) })}</span>
        {!card.complete && <span class="tag muted">{t('score.incomplete')}</span>}
      </p>
      <DesignationLine card={card} />
      {card.issues.length > 0 && (
        <ul class="issues">
          {card.issues.map((issue, i) => (
            <li key={i}>{pick(issue.message)}</li>
          ))}
        </ul>
      )}
      {card.categories.map((category) => (
        <section
          key={category.id}
          class="score-category"
          aria-labelledby={`${props.idPrefix}-cat-${category.id}`}
        >
          <h3 id={`${props.idPrefix}-cat-${category.id}`}>
            {category.id} {pick(category.title)}{' '}
            <span class="hint">
              {t('score.categoryPoints', {
                points: formatPoints(category.points),
                max: formatPoints(category.max),
              })}
            </span>
          </h3>
          <ul class="score-items">
            {card.items
              .filter((item) => item.category === category.id)
              .map((item) => (
                <li
                  key={item.id}
                  class={props.changed?.has(item.id) ? 'score-item changed' : 'score-item'}
                  data-item={item.id}
                >
                  <span class="score-item-head">
                    <span class="item-id">{item.id}</span>
                    <span class="score-item-title">{pick(item.title)}</span>
                    <span class="points">
                      {t('score.itemPoints', {
                        points: formatPoints(item.points),
                        max: formatPoints(item.max),
                      })}
                    </span>
                    {props.changed?.has(item.id) && <span class="tag">{t('score.changed')}</span>}
                  </span>
                  <span class="explanation">{pick(item.explanation)}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
