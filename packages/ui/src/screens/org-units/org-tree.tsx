import type { OrgUnit } from '../../api/types.ts';
import { t } from '../../i18n/lang.ts';
import type { TreeNode } from './tree.ts';

interface TreeProps {
  nodes: TreeNode[];
  expanded: Set<string>;
  /** Null: every unit; else only these (a search and its ancestors). */
  shown: Set<string> | null;
  selected: string | null;
  onToggle: (id: string) => void;
  onSelect: (unit: OrgUnit) => void;
}

function countActive(node: TreeNode): number {
  return node.children.filter((c) => c.unit.status === 'active').length;
}

function Node(props: TreeProps & { node: TreeNode }) {
  const { node, shown } = props;
  const { unit } = node;
  const children = shown ? node.children.filter((c) => shown.has(c.unit.id)) : node.children;
  const open = shown ? true : props.expanded.has(unit.id);
  const hasChildren = children.length > 0;
  return (
    <li class={unit.status === 'archived' ? 'unit archived' : 'unit'} data-unit-id={unit.id}>
      <div class={props.selected === unit.id ? 'unit-row selected' : 'unit-row'}>
        {hasChildren ? (
          <button
            type="button"
            class="toggle"
            aria-expanded={open ? 'true' : 'false'}
            aria-label={t(open ? 'org.collapse' : 'org.expand', { name: unit.name })}
            onClick={() => props.onToggle(unit.id)}
            disabled={!!shown}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span class="toggle-space" />
        )}
        <button
          type="button"
          class="unit-name"
          aria-pressed={props.selected === unit.id ? 'true' : 'false'}
          onClick={() => props.onSelect(unit)}
        >
          {unit.name}
        </button>
        <span class={`kind kind-${unit.kind}`}>{t(`kind.${unit.kind}`)}</span>
        {unit.code && <span class="mono small code">{unit.code}</span>}
        {unit.status === 'archived' && <span class="tag muted">{t('org.archived')}</span>}
        {node.children.length > 0 && (
          <span class="hint small">{t('org.childCount', { count: countActive(node) })}</span>
        )}
      </div>
      {hasChildren && open && (
        <ul class="tree-level" aria-label={t('org.childrenOf', { name: unit.name })}>
          {children.map((child) => (
            <Node key={child.unit.id} {...props} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The org tree: nested lists with a disclosure button per unit that has children. */
export function OrgTree(props: TreeProps) {
  const roots = props.shown ? props.nodes.filter((n) => props.shown!.has(n.unit.id)) : props.nodes;
  return (
    <ul class="tree" aria-label={t('org.treeLabel')}>
      {roots.map((node) => (
        <Node key={node.unit.id} {...props} node={node} />
      ))}
    </ul>
  );
}
