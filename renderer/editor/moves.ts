/** Reordering and re-parenting in terms of what the user sees (siblings of the same kind). */
import type * as Y from 'yjs';
import {
  childrenOf,
  getItem,
  moveItem,
  PARENT_RULES,
  type ItemId,
  type ItemKind,
} from '../../core';

/** Move an item one place up (-1) or down (+1) among its siblings of the same kind. */
export function moveWithinKind(doc: Y.Doc, id: ItemId, delta: -1 | 1): boolean {
  const item = getItem(doc, id);
  if (!item) return false;
  const same = childrenOf(doc, item.parent, item.kind);
  const i = same.indexOf(id);
  const neighbour = same[i + delta];
  if (i < 0 || !neighbour) return false;
  const others = childrenOf(doc, item.parent).filter((x) => x !== id);
  const k = others.indexOf(neighbour);
  moveItem(doc, id, item.parent, delta < 0 ? k : k + 1);
  return true;
}

/** The kind (or section kind) a parent must have for a child of `kind`. */
export function canHoldChild(doc: Y.Doc, parent: ItemId, kind: ItemKind): boolean {
  const p = getItem(doc, parent);
  if (!p) return false;
  const rules = PARENT_RULES[kind];
  if (rules.includes(p.kind)) return true;
  return (
    p.kind === 'section' &&
    rules.includes(`section:${(p.fields as { sectionKind: string }).sectionKind}` as never)
  );
}

/**
 * Drop `id` on `target`: before it when they are of the same kind, or as the last child when
 * `target` can hold it. Returns false (and writes nothing) for a drop that is not allowed.
 */
export function dropOn(doc: Y.Doc, id: ItemId, target: ItemId): boolean {
  if (id === target) return false;
  const item = getItem(doc, id);
  const t = getItem(doc, target);
  if (!item || !t) return false;
  // Never into its own subtree.
  for (let p: ItemId | null = t.parent; p; p = getItem(doc, p)?.parent ?? null)
    if (p === id) return false;
  if (t.kind === item.kind) {
    const others = childrenOf(doc, t.parent).filter((x) => x !== id);
    moveItem(doc, id, t.parent, others.indexOf(target));
    return true;
  }
  if (canHoldChild(doc, target, item.kind)) {
    moveItem(doc, id, target, Number.MAX_SAFE_INTEGER);
    return true;
  }
  return false;
}
