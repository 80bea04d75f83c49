/** React access to the open document: the session and fine-grained subscriptions. */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { ItemId, ItemKind, ItemView, Meta } from '../../core';
import type { SaveState } from '../platform/types';
import type { DocumentSession, NetworkState, ReadOnlyReason } from './DocumentSession';

export const SessionContext = createContext<DocumentSession | null>(null);

/** The open document session; only inside the editor screen. */
export function useSession(): DocumentSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside a document');
  return session;
}

/** Children ids of `parent`, re-rendering only when that list changes. */
export function useChildren(parent: ItemId | null, kind?: ItemKind): ItemId[] {
  const { store } = useSession();
  const get = useCallback(() => store.children(parent, kind), [store, parent, kind]);
  return useSyncExternalStore(store.subscribeStructure, get);
}

/** One item's scalar fields, re-rendering only when that item changes. */
export function useItem<K extends ItemKind>(id: ItemId, kind?: K): ItemView<K> | undefined {
  const { store } = useSession();
  const subscribe = useCallback((l: () => void) => store.subscribeItem(id, l), [store, id]);
  const get = useCallback(() => store.item(id, kind), [store, id, kind]);
  return useSyncExternalStore(subscribe, get);
}

/** The document's meta fields. */
export function useMeta(): Meta {
  const { store } = useSession();
  return useSyncExternalStore(store.subscribeMeta, () => store.meta());
}

/** The truthful save state for the status line. */
export function useSaveState(): SaveState {
  const session = useSession();
  return useSyncExternalStore(session.subscribeSaveState, session.saveState);
}

/** The workshop connection state (always "local" without renderer/collab). */
export function useNetworkState(): NetworkState {
  const session = useSession();
  return useSyncExternalStore(session.subscribeNetwork, session.networkState);
}

/** Whether undo / redo are possible now. */
export function useUndoState(): { canUndo: boolean; canRedo: boolean } {
  const session = useSession();
  useSyncExternalStore(session.subscribeUndo, session.getUndoVersion);
  return { canUndo: session.canUndo(), canRedo: session.canRedo() };
}

/** Whether the open document is read-only here (a workshop viewer or commenter). */
export function useReadOnly(): boolean {
  const session = useSession();
  return useSyncExternalStore(session.subscribeReadOnly, session.isReadOnly);
}

/** The workshop role that makes the document read-only, or null when it is editable. */
export function useReadOnlyReason(): ReadOnlyReason | null {
  const session = useSession();
  return useSyncExternalStore(session.subscribeReadOnly, session.readOnlyReason);
}
