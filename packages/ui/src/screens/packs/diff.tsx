import type { ComponentChildren } from 'preact';
import {
  type DeclarationsDiff,
  DIFF_SECTIONS,
  diffPackVersions,
  type FieldChange,
  type PackItem,
  type PackVersion,
  readPackVersion,
} from '../../api/packs.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Loading, Screen } from '../../components/screen.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { pick, type Text, t, useLang } from '../../i18n/lang.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useLocation } from '../../router/router.ts';
import { parseVersionRef, versionHref, versionRef } from './links.ts';
import { PackItemCard } from './pack-item.tsx';

/**
 * What changed, without its values: the engine words a change as
 * "label：from → to"; the values have their own columns here.
 */
export function changeLabel(change: FieldChange, lang: keyof Text): string {
  const message = change.message[lang];
  const tail = `${change.from[lang]} → ${change.to[lang]}`;
  if (!message.endsWith(tail)) return message;
  return message.slice(0, -tail.length).replace(/\s*[:：]\s*$/, '') || change.path;
}

function ChangeTable(props: { changes: FieldChange[]; from: string; to: string; caption: string }) {
  const lang = useLang();
  return (
    <ScrollTable label={props.caption}>
      <table class="changes">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('diff.what')}</th>
            <th scope="col" class="mono">
              {props.from}
            </th>
            <th scope="col" class="mono">
              {props.to}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((c) => (
            <tr key={c.path}>
              <th scope="row">{changeLabel(c, lang)}</th>
              <td class="was">{pick(c.from)}</td>
              <td class="now">{pick(c.to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function SideBySide(props: { left: ComponentChildren; right: ComponentChildren }) {
  return (
    <div class="side-by-side">
      <div class="side">{props.left}</div>
      <div class="side">{props.right}</div>
    </div>
  );
}

const itemsOf = (pack: PackVersion | undefined) =>
  new Map<string, PackItem>((pack?.categories ?? []).flatMap((c) => c.items.map((i) => [i.id, i])));

function Absent() {
  return <p class="hint absent">{t('diff.absent')}</p>;
}

function Section(props: {
  section: (typeof DIFF_SECTIONS)[number];
  diff: DeclarationsDiff;
  fromLabel: string;
  toLabel: string;
  fromItems: Map<string, PackItem>;
  toItems: Map<string, PackItem>;
}) {
  const { diff, section } = props;
  const count = diff.added.length + diff.removed.length + diff.changed.length;
  if (count === 0) return null;
  const isItems = section === 'items';
  const item = (map: Map<string, PackItem>, id: string) => {
    const found = isItems ? map.get(id) : undefined;
    return found ? <PackItemCard item={found} headingLevel={4} /> : <Absent />;
  };
  return (
    <section class="card" aria-labelledby={`diff-${section}`}>
      <h2 id={`diff-${section}`}>
        {t(`diff.section.${section}`)}{' '}
        <span class="hint">
          {t('diff.counts', {
            added: diff.added.length,
            removed: diff.removed.length,
            changed: diff.changed.length,
          })}
        </span>
      </h2>
      {diff.changed.map((c) => (
        <div class="diff-entry" key={`changed-${c.id}`}>
          <h3>
            <span class="tag">{t('diff.changed')}</span> <span class="item-id">{c.id}</span>{' '}
            {pick(c.title)}
          </h3>
          <ChangeTable
            changes={c.changes}
            from={props.fromLabel}
            to={props.toLabel}
            caption={t('diff.changesOf', { name: pick(c.title) })}
          />
          {isItems && (
            <SideBySide left={item(props.fromItems, c.id)} right={item(props.toItems, c.id)} />
          )}
        </div>
      ))}
      {diff.added.map((a) => (
        <div class="diff-entry" key={`added-${a.id}`}>
          <h3>
            <span class="tag added">{t('diff.added')}</span> <span class="item-id">{a.id}</span>{' '}
            {pick(a.title)}
          </h3>
          {isItems && <SideBySide left={<Absent />} right={item(props.toItems, a.id)} />}
        </div>
      ))}
      {diff.removed.map((r) => (
        <div class="diff-entry" key={`removed-${r.id}`}>
          <h3>
            <span class="tag removed">{t('diff.removed')}</span> <span class="item-id">{r.id}</span>{' '}
            {pick(r.title)}
          </h3>
          {isItems && <SideBySide left={item(props.fromItems, r.id)} right={<Absent />} />}
        </div>
      ))}
    </section>
  );
}

/** Two versions side by side: every change in words, and each changed item in full from both. */
export function PackDiffScreen(props: { params: Record<string, string> }) {
  const location = useLocation();
  const key = props.params.key ?? '';
  const version = props.params.version ?? '';
  const toRef = location.query.get('to') ?? '';
  const other = parseVersionRef(toRef, key);
  const diff = useAsync(() => diffPackVersions(key, version, toRef), [key, version, toRef]);
  const from = useAsync(() => readPackVersion(key, version), [key, version]);
  const to = useAsync(() => readPackVersion(other.key, other.version), [other.key, other.version]);
  const fromLabel = versionRef(key, version);
  const toLabel = versionRef(other.key, other.version);
  const error = diff.error ?? from.error ?? to.error;
  return (
    <Screen title={t('diff.title')}>
      <p>
        <a href={versionHref(key, version)}>{t('diff.back', { ref: fromLabel })}</a>
      </p>
      {error && <ProblemNotice error={error} />}
      {!error && (!diff.data || !from.data || !to.data) && <Loading />}
      {diff.data && from.data && to.data && (
        <>
          <section class="card" aria-labelledby="diff-summary">
            <h2 id="diff-summary">{t('diff.summary')}</h2>
            <SideBySide
              left={
                <p>
                  <strong>{pick(from.data.title)}</strong>
                  <br />
                  <a class="mono" href={versionHref(key, version)}>
                    {fromLabel}
                  </a>
                </p>
              }
              right={
                <p>
                  <strong>{pick(to.data.title)}</strong>
                  <br />
                  <a class="mono" href={versionHref(other.key, other.version)}>
                    {toLabel}
                  </a>
                </p>
              }
            />
            <p class="diff-summary-text">
              {diff.data.identical ? t('diff.identical') : pick(diff.data.summary)}
            </p>
            {diff.data.pack.length > 0 && (
              <ChangeTable
                changes={diff.data.pack}
                from={fromLabel}
                to={toLabel}
                caption={t('diff.packLevel')}
              />
            )}
          </section>
          {DIFF_SECTIONS.map((s) => (
            <Section
              key={s}
              section={s}
              diff={diff.data![s]}
              fromLabel={fromLabel}
              toLabel={toLabel}
              fromItems={itemsOf(from.data)}
              toItems={itemsOf(to.data)}
            />
          ))}
        </>
      )}
    </Screen>
  );
}
