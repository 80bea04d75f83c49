/**
 * The programme's Y.Doc layout. Two root types, both in the undo scope:
 *
 * - `meta` (Y.Map): document id, title, period, status, approval … one key per field;
 * - `items` (Y.Map<ItemId, Y.Map>): every structured item, flat, each with its `kind`, its
 *   placement (`parent` and `order`, two registers) and its fields; rich-text fields are
 *   Y.XmlElements inside the item's map.
 *
 * Items are flat with a parent pointer and a fractional order key (not nested Y.Arrays) so that
 * moving an item rewrites only its placement and keeps its id, its content and any concurrent
 * edits to it (core/SPEC.md rules S1, M1–M4). Parent and order are separate registers so that
 * re-keying a list (writing `order` only) never undoes a peer's concurrent move (rule S2).
 */
import type * as Y from 'yjs';
import type { DocumentId, ItemId } from './ids';
import { ITEM_KINDS, type ItemKind } from './kinds';

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

/** The keys of an item map that hold its placement: a change to either is a structural change. */
export const PLACEMENT_KEYS: readonly string[] = ['parent', 'order'];

/**
 * The placement of an item map, or undefined when it is malformed. An order key that is not a
 * string reads as the empty key (first); `keyForIndex` re-keys a list with malformed keys.
 */
export function placementOf(map: ItemMap): Placement | undefined {
  const parent = map.get('parent');
  if (parent !== null && typeof parent !== 'string') return undefined;
  const order = map.get('order');
  return { parent: parent as ItemId | null, order: typeof order === 'string' ? order : '' };
}

/** Write an item's placement (only the registers that change). */
export function setPlacement(map: ItemMap, placement: Placement): void {
  if (map.get('parent') !== placement.parent) map.set('parent', placement.parent);
  if (map.get('order') !== placement.order) map.set('order', placement.order);
}

/** The kind of an item map when it is one this version knows, else undefined. */
export function knownKindOf(map: ItemMap): ItemKind | undefined {
  const kind = kindOf(map);
  return kind && (ITEM_KINDS as readonly string[]).includes(kind) ? kind : undefined;
}
