/** Rich-text field access for components: the element, and a React key for its identity. */
import { useCallback, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { getItemMapSafe } from './itemMap';
import type { ItemId } from '../../core';
import { useSession } from '../session/hooks';

const keys = new WeakMap<Y.XmlElement, number>();
let next = 1;

/** A React key that changes when the field's element is replaced (e.g. by a peer or an import). */
export function elementKey(el: Y.XmlElement): string {
  let k = keys.get(el);
  if (k === undefined) {
    k = next++;
    keys.set(el, k);
  }
  return `el${k}`;
}

/** The Y.XmlElement of an item's rich-text field, following replacement of the map value. */
export function useRichElement(id: ItemId, field: string): Y.XmlElement | null {
  const session = useSession();
  const subscribe = useCallback(
    (l: () => void) => session.store.subscribeItem(id, l),
    [session, id],
  );
  const get = useCallback(() => {
    const value = getItemMapSafe(session.doc, id)?.get(field);
    return value instanceof Y.XmlElement ? value : null;
  }, [session, id, field]);
  return useSyncExternalStore(subscribe, get);
}
