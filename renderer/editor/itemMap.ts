/** Read-only access to an item's Y.Map for the few places that need the raw shared type. */
import type * as Y from 'yjs';
import { itemsMap, type ItemId } from '../../core';

export const getItemMapSafe = (doc: Y.Doc, id: ItemId): Y.Map<unknown> | undefined =>
  itemsMap(doc).get(id);
