/**
 * The outline: sections → themes → goals → actions as an ARIA tree. Arrow keys move, Left and
 * Right collapse and expand, Home/End jump, Enter shows the item, Alt+↑/↓ reorders, F2
 * renames, Delete deletes, and items can be dragged to reorder or to move under another parent.
 * In a read-only document only navigation is left: no reordering, adding, renaming, deleting or
 * dragging.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { addItem, deleteItem, getItem, type ItemId } from '../../core';
import { focusSoon } from '../editor/labels';
import { canHoldChild } from '../editor/moves';
import { useI18n } from '../i18n/I18n';
import { useToast } from '../app/Toast';
import { useReadOnly, useSession } from '../session/hooks';
import { dropOn, moveWithinKind } from '../editor/moves';
import { OutlineContext, type OutlineState } from './context';
import { OutlineNode } from './OutlineNode';
import { useChildren } from '../session/hooks';
import { revealItem } from './reveal';

function treeItems(tree: HTMLElement): HTMLElement[] {
  return Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]')).filter(
    (el) => el.offsetParent !== null,
  );
}

export function Outline() {
  const session = useSession();
  const { t } = useI18n();
  const toast = useToast();
  const readOnly = useReadOnly();
  const sections = useChildren(null, 'section');
  const tree = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState<ItemId | null>(null);
  // Items whose open/closed state differs from their kind's default.
  const [toggled, setToggled] = useState<ReadonlySet<ItemId>>(new Set());
  const [renaming, setRenaming] = useState<ItemId | null>(null);
  const [dragging, setDragging] = useState<ItemId | null>(null);

  const focusItem = (id: ItemId) =>
    requestAnimationFrame(() =>
      tree.current?.querySelector<HTMLElement>(`[data-outline="${id}"]`)?.focus(),
    );

  const state: OutlineState = {
    active: active ?? sections[0] ?? null,
    setActive,
    isExpanded: (id, kind) => (kind !== 'goal') !== toggled.has(id),
    toggle: (id, open) =>
      setToggled((c) => {
        const kind = session.store.item(id)?.kind;
        const byDefault = kind !== 'goal';
        const current = byDefault !== c.has(id);
        const want = open ?? !current;
        const next = new Set(c);
        if (want === byDefault) next.delete(id);
        else next.add(id);
        return next;
      }),
    readOnly,
    renaming: readOnly ? null : renaming,
    setRenaming: (id) => {
      if (readOnly && id !== null) return;
      setRenaming(id);
      if (id === null && active) focusItem(active);
    },
    dragging,
    setDragging,
    drop: (target) => {
      if (!dragging || readOnly) return;
      const moved = session.structural(() => dropOn(session.doc, dragging, target));
      setDragging(null);
      if (moved) focusItem(dragging);
    },
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (renaming || !tree.current) return;
    const items = treeItems(tree.current);
    const current = document.activeElement as HTMLElement | null;
    const index = current ? items.indexOf(current) : -1;
    const id = current?.dataset.outline as ItemId | undefined;
    if (index < 0 || !id) return;
    const go = (i: number) => {
      const el = items[Math.max(0, Math.min(items.length - 1, i))];
      if (el) {
        el.focus();
        setActive(el.dataset.outline as ItemId);
      }
    };
    const hasChildren = current?.getAttribute('aria-expanded') !== null;
    const expanded = current?.getAttribute('aria-expanded') === 'true';
    const editing =
      (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) ||
      e.key === 'F2' ||
      e.key === 'Insert' ||
      e.key === 'Delete';
    if (readOnly && editing) return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      session.structural(() => moveWithinKind(session.doc, id, e.key === 'ArrowUp' ? -1 : 1));
      focusItem(id);
      return;
    }
    switch (e.key) {
      case 'ArrowDown':
        go(index + 1);
        break;
      case 'ArrowUp':
        go(index - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(items.length - 1);
        break;
      case 'ArrowRight':
        if (hasChildren && !expanded) state.toggle(id, true);
        else if (expanded) go(index + 1);
        break;
      case 'ArrowLeft': {
        if (expanded) state.toggle(id, false);
        else {
          const parent = getItem(session.doc, id)?.parent;
          if (parent) {
            setActive(parent);
            focusItem(parent);
          }
        }
        break;
      }
      case 'Enter':
        revealItem(id);
        break;
      case 'F2':
        setRenaming(id);
        break;
      case 'Insert': {
        // A new child at the next level (theme in a themes section, goal in a theme, action in
        // a goal), or a sibling when the item holds no children of its own.
        const item = getItem(session.doc, id);
        if (!item) return;
        const childKind = (['theme', 'goal', 'action'] as const).find((k) =>
          canHoldChild(session.doc, id, k),
        );
        const [parent, kind] = childKind
          ? [id, childKind]
          : item.kind === 'theme' || item.kind === 'goal' || item.kind === 'action'
            ? [item.parent, item.kind]
            : [null, null];
        if (!parent || !kind) return;
        const created = session.structural(() => addItem(session.doc, kind, parent));
        state.toggle(parent, true);
        focusSoon(`[data-bound="${created}.title"]`);
        break;
      }
      case 'Delete': {
        const item = getItem(session.doc, id);
        if (!item || item.kind === 'section') return;
        const name = String((item.fields as { title?: string }).title || '');
        session.structural(() => deleteItem(session.doc, id));
        toast.show(t('deleted', { name: name || t('delete') }), {
          label: t('undo'),
          run: () => session.undo(),
        });
        go(index - 1);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <OutlineContext.Provider value={state}>
      <nav className="outline" aria-labelledby="outline-title">
        <h2 id="outline-title" className="pane-title">
          {t('outline')}
        </h2>
        <ul
          ref={tree}
          role="tree"
          aria-labelledby="outline-title"
          className="tree"
          onKeyDown={onKeyDown}
        >
          {sections.map((id, i) => (
            <OutlineNode key={id} id={id} level={1} posinset={i + 1} setsize={sections.length} />
          ))}
        </ul>
        <p className="outline-help">{t(readOnly ? 'outlineHelpReadOnly' : 'outlineHelp')}</p>
      </nav>
    </OutlineContext.Provider>
  );
}
