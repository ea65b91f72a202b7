import type { Citation, PackItem } from '../../api/packs.ts';
import { pick, t } from '../../i18n/lang.ts';

/** Points as the source tables write them: "8 分", or "−5～8 分" for an item that can go below zero. */
export function pointsText(item: { min: number; max: number }): string {
  return item.min < 0
    ? t('packs.pointsRange', { min: item.min, max: item.max })
    : t('packs.points', { max: item.max });
}

/** A source citation: the original Chinese text, marked as such for screen readers. */
export function CitationBlock(props: { citation: Citation }) {
  const { citation } = props;
  return (
    <figure class="citation">
      <blockquote lang="zh-CN">{citation.quote}</blockquote>
      <figcaption>
        {t('packs.source')}
        {t('punct.colon')}
        <span lang="zh-CN">{citation.section ?? ''}</span>{' '}
        <span class="mono small">{citation.file}</span>
      </figcaption>
    </figure>
  );
}

/** One item of a version: what it asks, its rule in plain words, its source and how it was read. */
export function PackItemCard(props: { item: PackItem; headingLevel?: 3 | 4 }) {
  const { item } = props;
  const Heading = props.headingLevel === 4 ? 'h4' : 'h3';
  return (
    <article class={item.disabled ? 'pack-item disabled' : 'pack-item'} id={`item-${item.id}`}>
      <header class="pack-item-head">
        <Heading>
          <span class="item-id">{item.id}</span> {pick(item.title)}
          {item.starred && (
            <span class="star" title={t('packs.starred')}>
              {' ★'}
            </span>
          )}
        </Heading>
        <span class="points">{pointsText(item)}</span>
      </header>
      <p class="marks">
        {item.starred && <span class="tag">{t('packs.starred')}</span>}
        {item.disabled && <span class="tag muted">{t('packs.disabled')}</span>}
        {item.mandatory && <span class="tag">{t('packs.mandatory')}</span>}
        {item.tighten_only && <span class="tag">{t(`packs.tighten.${item.tighten_only}`)}</span>}
        {item.applies_to && (
          <span class="tag muted">
            {t('packs.appliesTo', {
              kinds: item.applies_to.map((k) => t(`kind.${k}`)).join(t('punct.list')),
            })}
          </span>
        )}
      </p>
      <dl class="item-facts">
        {item.content && (
          <>
            <dt>{t('packs.content')}</dt>
            <dd>{pick(item.content)}</dd>
          </>
        )}
        {item.target && (
          <>
            <dt>{t('packs.target')}</dt>
            <dd>{pick(item.target)}</dd>
          </>
        )}
        {item.method && (
          <>
            <dt>{t('packs.method')}</dt>
            <dd>{pick(item.method)}</dd>
          </>
        )}
        <dt>{t('packs.rule')}</dt>
        <dd class="rule">{pick(item.rule.text)}</dd>
        {item.departments.length > 0 && (
          <>
            <dt>{t('packs.departments')}</dt>
            <dd lang="zh-CN">{item.departments.join(t('punct.list'))}</dd>
          </>
        )}
      </dl>
      <CitationBlock citation={item.source} />
      {item.notes.length > 0 && (
        <details class="notes">
          <summary>{t('packs.notes', { count: item.notes.length })}</summary>
          <ul>
            {item.notes.map((n, i) => (
              <li key={i}>{pick(n)}</li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
