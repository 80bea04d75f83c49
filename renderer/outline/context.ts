/** Shared state of the outline tree (active item, collapsed items, rename, drag). */
import { createContext, useContext } from 'react';
import type { ItemId } from '../../core';

export interface OutlineState {
  active: ItemId | null;
  setActive(id: ItemId): void;
  collapsed: ReadonlySet<ItemId>;
  toggle(id: ItemId, open?: boolean): void;
  renaming: ItemId | null;
  setRenaming(id: ItemId | null): void;
  dragging: ItemId | null;
  setDragging(id: ItemId | null): void;
  drop(target: ItemId): void;
}

export const OutlineContext = createContext<OutlineState | null>(null);

export function useOutline(): OutlineState {
  const s = useContext(OutlineContext);
  if (!s) throw new Error('useOutline() outside the outline');
  return s;
}
