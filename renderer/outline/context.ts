/** Shared state of the outline tree (active item, collapsed items, rename, drag). */
import { createContext, useContext } from 'react';
import type { ItemId, ItemKind } from '../../core';

export interface OutlineState {
  active: ItemId | null;
  setActive(id: ItemId): void;
  /** Sections and themes start open, goals closed (a long programme's outline stays short). */
  isExpanded(id: ItemId, kind: ItemKind): boolean;
  toggle(id: ItemId, open?: boolean): void;
  /** The document is read-only: navigation only (no rename, drag or structural keys). */
  readOnly: boolean;
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
