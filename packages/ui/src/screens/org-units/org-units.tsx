import { useEffect, useMemo, useState } from 'preact/hooks';
import { listOrgUnits } from '../../api/org-units.ts';
import type { OrgUnit } from '../../api/types.ts';
import { ProblemNotice } from '../../components/problem-notice.tsx';
import { Loading, Screen } from '../../components/screen.tsx';
import { t } from '../../i18n/lang.ts';
import { unitsById } from '../../lib/unit-options.ts';
import { useAsync } from '../../lib/use-async.ts';
import { isAdmin, useSession } from '../../session/session.ts';
import { ImportCsv } from './import-csv.tsx';
import { OrgTree } from './org-tree.tsx';
import { ancestorIds, buildTree, searchTree } from './tree.ts';
import type { UnitChange } from './unit-forms.tsx';
import { UnitPanel } from './unit-panel.tsx';

/** Units shown open at first: the top two levels (a district and its towns). */
const OPEN_DEPTH = 2;

function initiallyOpen(units: OrgUnit[]): Set<string> {
  return new Set(units.filter((u) => u.depth < OPEN_DEPTH).map((u) => u.id));
}

export function OrgUnits() {
  const session = useSession();
  const admin = isAdmin(session);
  const [showArchived, setShowArchived] = useState(false);
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const units = useAsync(() => listOrgUnits(showArchived ? 'all' : 'active'), [showArchived]);

  const list = units.data ?? [];
  const byId = useMemo(() => unitsById(units.data), [units.data]);
  const nodes = useMemo(() => buildTree(list), [units.data]);
  const shown = useMemo(() => searchTree(list, query), [units.data, query]);
  const open = expanded ?? initiallyOpen(list);
  const selected = selectedId ? byId.get(selectedId) : undefined;

  useEffect(() => {
    if (selectedId && units.data && !byId.has(selectedId)) setSelectedId(null);
  }, [units.data]);

  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  const select = (unit: OrgUnit) => {
    setSelectedId(unit.id);
    setNotice(null);
    requestAnimationFrame(() => document.getElementById('unit-panel-title')?.focus());
  };

  const changed = async (change: UnitChange) => {
    if (change.kind === 'stale') {
      await units.reload();
      return;
    }
    const { unit } = change;
    setNotice(t(`org.changed.${change.kind}`, { name: unit.name }));
    // Show where the unit now is.
    setExpanded(new Set([...open, ...ancestorIds(unit)]));
    await units.reload();
  };

  return (
    <Screen title={t('org.title')} intro={t('org.intro')}>
      <div class="org-layout">
        <section class="card" aria-labelledby="tree-title">
          <h2 id="tree-title">{t('org.treeTitle')}</h2>
          <div class="tree-tools">
            <div class="field inline-field">
              <label for="tree-search">{t('org.search')}</label>
              <input
                id="tree-search"
                type="search"
                value={query}
                onInput={(e) => setQuery(e.currentTarget.value)}
              />
            </div>
            <label class="check">
              <input
                type="checkbox"
                checked={showArchived}
                onChange={(e) => setShowArchived(e.currentTarget.checked)}
              />
              <span>{t('org.showArchived')}</span>
            </label>
            <button type="button" onClick={() => setExpanded(new Set(list.map((u) => u.id)))}>
              {t('org.expandAll')}
            </button>
            <button type="button" onClick={() => setExpanded(new Set())}>
              {t('org.collapseAll')}
            </button>
          </div>
          {units.error && <ProblemNotice error={units.error} />}
          {!units.data ? (
            <Loading />
          ) : (
            <>
              <p class="hint" role="status">
                {shown
                  ? t('org.searchCount', { count: list.filter((u) => shown.has(u.id)).length })
                  : t('org.count', { count: list.length })}
              </p>
              <OrgTree
                nodes={nodes}
                expanded={open}
                shown={shown}
                selected={selectedId}
                onToggle={toggle}
                onSelect={select}
              />
            </>
          )}
        </section>
        <div class="org-side">
          {notice && (
            <p class="notice success" role="status">
              {notice}
            </p>
          )}
          {selected ? (
            <UnitPanel
              key={selected.id}
              unit={selected}
              units={list}
              byId={byId}
              canEdit={admin}
              onChange={changed}
            />
          ) : (
            <p class="hint card">{t('org.pickUnit')}</p>
          )}
          {admin && (
            <ImportCsv
              onImported={(result) => {
                if (result.created > 0) {
                  setExpanded(null);
                  void units.reload();
                }
              }}
            />
          )}
        </div>
      </div>
    </Screen>
  );
}
