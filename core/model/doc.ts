/**
 * The programme's Y.Doc layout. Two root types, both in the undo scope:
 *
 * - `meta` (Y.Map): document id, title, period, status, approval … one key per field;
 * - `items` (Y.Map<ItemId, Y.Map>): every structured item, flat, each with its `kind`, its
 *   placement `pos` ({ parent, order }) and its fields; rich-text fields are Y.XmlElements
 *   inside the item's map.
 *
 * Items are flat with a parent pointer and a fractional order key (not nested Y.Arrays) so that
 * moving an item is one write that keeps its id, its content and any concurrent edits to it
 * (core/SPEC.md rules S1, M1–M4).
 */
import type * as Y from 'yjs';
import type { DocumentId, ItemId } from './ids';
import type { ItemKind } from './kinds';

export const META_KEY = 'meta';
export const ITEMS_KEY = 'items';

/** Placement of an item: its parent (null = document root) and its fractional order key. */
export interface Placement {
  readonly parent: ItemId | null;
  readonly order: string;
}

/** The Y.Map of one item. Read it through the functions in `items.ts`. */
export type ItemMap = Y.Map<unknown>;

/** The meta root map. */
export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(META_KEY);
/** The items root map. */
export const itemsMap = (doc: Y.Doc): Y.Map<ItemMap> => doc.getMap(ITEMS_KEY);

/** The shared types an undo manager should be scoped to (notes/lexical-fields.md: not the whole doc). */
export const undoScope = (doc: Y.Doc): [Y.Map<unknown>, Y.Map<ItemMap>] => [
  metaMap(doc),
  itemsMap(doc),
];

/** The document id of a programme, or null for a doc that was never initialised. */
export function getDocumentId(doc: Y.Doc): DocumentId | null {
  const value = metaMap(doc).get('documentId');
  return typeof value === 'string' ? (value as DocumentId) : null;
}

/** The Y.Map of an item, or undefined if there is none (deleted, or never existed). */
export const getItemMap = (doc: Y.Doc, id: ItemId): ItemMap | undefined => itemsMap(doc).get(id);

/** The kind of an item map (items with an unknown kind are ignored by readers). */
export function kindOf(map: ItemMap): ItemKind | undefined {
  const kind = map.get('kind');
  return typeof kind === 'string' ? (kind as ItemKind) : undefined;
}

/** The placement of an item map, or undefined when it is malformed. */
export function placementOf(map: ItemMap): Placement | undefined {
  const pos = map.get('pos') as Partial<Placement> | undefined;
  if (!pos || typeof pos.order !== 'string') return undefined;
  if (pos.parent !== null && typeof pos.parent !== 'string') return undefined;
  return pos as Placement;
}
