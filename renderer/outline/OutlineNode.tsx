/** One node of the outline tree, subscribed to its own item and children only. */
import { memo, useState } from 'react';
import { sectionTitle, updateItem, type ItemId, type ItemKind } from '../../core';
import { useI18n } from '../i18n/I18n';
import { useChildren, useItem, useSession } from '../session/hooks';
import { useDocLanguage, useLevelName, type Level } from '../editor/labels';
import { useOutline } from './context';
import { revealItem } from './reveal';
import { canHoldChild } from '../editor/moves';
import { PresenceDots } from '../workshop';

const CHILD_KIND: Partial<Record<ItemKind, ItemKind>> = { theme: 'goal', goal: 'action' };

function useTitle(id: ItemId): {
  kind: ItemKind | undefined;
  title: string;
  raw: string;
  childKind: ItemKind | undefined;
} {
  const item = useItem(id);
  const { template } = useSession();
  const docLang = useDocLanguage();
  const { t } = useI18n();
  const level = useLevelName();
  if (!item) return { kind: undefined, title: '', raw: '', childKind: undefined };
  if (item.kind === 'section') {
    const f = item.fields as { sectionKind: string; key: string; title: string };
    const title = sectionTitle(template, f, docLang);
    return {
      kind: 'section',
      title,
      raw: title,
      childKind: f.sectionKind === 'themes' ? 'theme' : undefined,
    };
  }
  const title = String((item.fields as { title?: string }).title ?? '');
  const lv = item.kind as Level;
  return {
    kind: item.kind,
    raw: title,
    title: title || t('untitledItem', { level: level(lv).toLocaleLowerCase() }),
    childKind: CHILD_KIND[item.kind],
  };
}

function RenameInput({ id, kind, initial }: { id: ItemId; kind: ItemKind; initial: string }) {
  const session = useSession();
  const outline = useOutline();
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const commit = () => {
    // The document became read-only while the field was open: drop the new name.
    if (session.isReadOnly()) {
      outline.setRenaming(null);
      return;
    }
    if (kind === 'section' || kind === 'theme' || kind === 'goal' || kind === 'action') {
      session.structural(() => updateItem(session.doc, id, kind, { title: value.trim() }));
    }
    outline.setRenaming(null);
  };
  return (
    <input
      className="input tree-rename"
      aria-label={t('rename')}
      autoFocus
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') outline.setRenaming(null);
      }}
    />
  );
}

export const OutlineNode = memo(function OutlineNode({
  id,
  level,
  posinset,
  setsize,
}: {
  id: ItemId;
  level: number;
  posinset: number;
  setsize: number;
}) {
  const outline = useOutline();
  const session = useSession();
  const { kind, title, raw, childKind } = useTitle(id);
  const children = useChildren(id, childKind ?? 'theme');
  const [dropTarget, setDropTarget] = useState(false);
  if (!kind) return null;
  const kids = childKind ? children : [];
  const expandable = kids.length > 0;
  const expanded = expandable && outline.isExpanded(id, kind);
  const isActive = outline.active === id;
  return (
    <li role="none">
      <div
        role="treeitem"
        aria-level={level}
        aria-posinset={posinset}
        aria-setsize={setsize}
        aria-selected={isActive}
        aria-expanded={expandable ? expanded : undefined}
        tabIndex={isActive ? 0 : -1}
        data-outline={id}
        data-kind={kind}
        className={`tree-item tree-${kind} ${isActive ? 'is-active' : ''} ${dropTarget ? 'is-drop' : ''}`}
        style={{ paddingInlineStart: `${0.5 + (level - 1) * 1}rem` }}
        draggable={!outline.readOnly && kind !== 'section' && outline.renaming !== id}
        onFocus={() => outline.setActive(id)}
        onClick={() => {
          outline.setActive(id);
          revealItem(id);
        }}
        onDoubleClick={() => kind !== 'section' && outline.setRenaming(id)}
        onDragStart={(e) => {
          if (outline.readOnly) {
            e.preventDefault();
            return;
          }
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', id);
          outline.setDragging(id);
        }}
        onDragEnd={() => outline.setDragging(null)}
        onDragOver={(e) => {
          const dragged = outline.dragging;
          if (outline.readOnly || !dragged || dragged === id) return;
          const draggedKind = session.store.item(dragged)?.kind;
          if (!draggedKind) return;
          if (draggedKind === kind || canHoldChild(session.doc, id, draggedKind)) {
            e.preventDefault();
            setDropTarget(true);
          }
        }}
        onDragLeave={() => setDropTarget(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDropTarget(false);
          outline.drop(id);
        }}
      >
        <span
          className={`tree-twisty ${expandable ? '' : 'is-leaf'}`}
          aria-hidden="true"
          onClick={(e) => {
            e.stopPropagation();
            if (expandable) outline.toggle(id);
          }}
        >
          {expandable ? (expanded ? '▾' : '▸') : ''}
        </span>
        {outline.renaming === id ? (
          <RenameInput id={id} kind={kind} initial={raw} />
        ) : (
          <span className="tree-label">{title}</span>
        )}
        {kind === 'section' && <PresenceDots itemId={id} />}
      </div>
      {expanded && (
        <ul role="group">
          {kids.map((c, i) => (
            <OutlineNode key={c} id={c} level={level + 1} posinset={i + 1} setsize={kids.length} />
          ))}
        </ul>
      )}
    </li>
  );
});
