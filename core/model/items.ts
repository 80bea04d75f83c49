/**
 * Operations on the structured items of a programme: add, update, move, reorder, delete.
 * Every operation runs in one transaction with a typed origin and validates its input; an
 * invalid call throws a {@link ModelError} and writes nothing.
 */
import * as Y from 'yjs';
import { newRichField } from './richSeed';
import {
  getItemMap,
  itemsMap,
  knownKindOf,
  placementOf,
  setPlacement,
  type ItemMap,
  type Placement,
} from './doc';
import { ModelError } from './errors';
import { newItemId, type ItemId } from './ids';
import {
  isItemKind,
  ITEM_DEFAULTS,
  ITEM_RICH_FIELDS,
  ITEM_SCALARS,
  PARENT_RULES,
  type ItemKind,
  type ItemScalars,
  type ParentRule,
  type RichFieldOf,
} from './kinds';
import { compareOrdered, keyForIndex, type Ordered } from './order';
import { readScalars } from './scalars';
import { origin as originOf, type Origin } from './origins';

/** Options shared by the writing operations. */
export interface WriteOptions {
  /** Transaction origin; defaults to `origin('local')`. */
  origin?: Origin;
}

/** A read-only view of one item. */
export interface ItemView<K extends ItemKind = ItemKind> {
  readonly id: ItemId;
  readonly kind: K;
  readonly parent: ItemId | null;
  readonly fields: ItemScalars<K>;
}

function transact<T>(doc: Y.Doc, options: WriteOptions | undefined, fn: () => T): T {
  let result: T | undefined;
  doc.transact(
    () => {
      result = fn();
    },
    options?.origin ?? originOf('local'),
  );
  return result as T;
}

function requireItem(doc: Y.Doc, id: ItemId): { map: ItemMap; kind: ItemKind; pos: Placement } {
  const map = getItemMap(doc, id);
  const kind = map && knownKindOf(map);
  const pos = map && placementOf(map);
  if (!map || !kind || !pos) throw new ModelError(`No item with id "${id}" in this programme.`);
  return { map, kind, pos };
}

/** The rule a parent satisfies ("root", "theme", "section:themes" …). */
function parentRulesOf(doc: Y.Doc, parent: ItemId | null): ParentRule[] {
  if (parent === null) return ['root'];
  const map = getItemMap(doc, parent);
  const kind = map && knownKindOf(map);
  if (!map || !kind) throw new ModelError(`Parent item "${parent}" does not exist.`);
  if (kind === 'section') return [kind, `section:${String(map.get('sectionKind'))}` as ParentRule];
  return [kind];
}

function assertParent(doc: Y.Doc, kind: ItemKind, parent: ItemId | null): void {
  const allowed = PARENT_RULES[kind];
  const actual = parentRulesOf(doc, parent);
  if (!actual.some((rule) => allowed.includes(rule))) {
    throw new ModelError(
      `A ${kind} cannot be placed under ${parent === null ? 'the document root' : `"${parent}" (${actual.join(', ')})`}; ` +
        `expected ${allowed.join(' or ')}.`,
    );
  }
}

/** Items under `parent` in document order, optionally of one kind and without one item. */
function siblingOrder(
  doc: Y.Doc,
  parent: ItemId | null,
  options: { exclude?: ItemId; kind?: ItemKind } = {},
): Ordered[] {
  const out: Ordered[] = [];
  itemsMap(doc).forEach((map, id) => {
    if (id === options.exclude) return;
    const pos = placementOf(map);
    const kind = knownKindOf(map);
    if (pos && kind && pos.parent === parent && (!options.kind || kind === options.kind)) {
      out.push({ id, order: pos.order });
    }
  });
  return out.sort(compareOrdered);
}

function place(doc: Y.Doc, parent: ItemId | null, index: number, exclude?: ItemId): string {
  const siblings = siblingOrder(doc, parent, { exclude });
  const { key, rekey } = keyForIndex(siblings, index);
  for (const [id, order] of rekey) {
    // Only the order register: a peer's concurrent move of this sibling keeps its parent.
    getItemMap(doc, id as ItemId)?.set('order', order);
  }
  return key;
}

function validateScalars<K extends ItemKind>(
  kind: K,
  patch: Partial<ItemScalars<K>>,
): Partial<ItemScalars<K>> {
  const result = ITEM_SCALARS[kind].partial().strict().safeParse(patch);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ModelError(
      `Invalid ${kind} field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid value'}.`,
    );
  }
  return result.data as Partial<ItemScalars<K>>;
}

/**
 * Ids of the children of `parent` (null = the document root) in document order, optionally only
 * those of one kind.
 *
 * @example
 * const themeIds = childrenOf(doc, themesSectionId, 'theme');
 */
export function childrenOf(doc: Y.Doc, parent: ItemId | null, kind?: ItemKind): ItemId[] {
  return siblingOrder(doc, parent, { kind }).map((o) => o.id as ItemId);
}

/**
 * Add an item of `kind` under `parent` at `index` (default: last) and return its id. Its
 * rich-text fields are created and seeded in the same transaction.
 *
 * @example
 * const goal = addItem(doc, 'goal', themeId, { title: 'Uusiutuva energia' });
 */
export function addItem<K extends ItemKind>(
  doc: Y.Doc,
  kind: K,
  parent: ItemId | null,
  fields: Partial<ItemScalars<K>> = {},
  options: WriteOptions & {
    index?: number;
    id?: ItemId;
    /** An order key the caller computed (bulk import appending in order); skips the sibling scan. */
    order?: string;
  } = {},
): ItemId {
  if (!isItemKind(kind)) throw new ModelError(`Unknown item kind "${String(kind)}".`);
  const valid = validateScalars(kind, fields);
  return transact(doc, options, () => {
    assertParent(doc, kind, parent);
    const id = options.id ?? newItemId();
    if (itemsMap(doc).has(id)) throw new ModelError(`An item with id "${id}" already exists.`);
    const order = options.order ?? place(doc, parent, options.index ?? Number.MAX_SAFE_INTEGER);
    const map: ItemMap = new Y.Map();
    map.set('kind', kind);
    map.set('parent', parent);
    map.set('order', order);
    for (const [key, value] of Object.entries({ ...ITEM_DEFAULTS[kind], ...valid })) {
      map.set(key, value);
    }
    for (const field of ITEM_RICH_FIELDS[kind]) map.set(field, newRichField());
    if (kind === 'budgetLine') map.set('amounts', new Y.Map<number>());
    itemsMap(doc).set(id, map);
    return id;
  });
}

/** Read one item, or undefined when it does not exist (e.g. a peer deleted it). */
export function getItem<K extends ItemKind = ItemKind>(
  doc: Y.Doc,
  id: ItemId,
  kind?: K,
): ItemView<K> | undefined {
  const map = getItemMap(doc, id);
  const k = map && knownKindOf(map);
  const pos = map && placementOf(map);
  if (!map || !k || !pos || (kind && k !== kind)) return undefined;
  return { id, kind: k as K, parent: pos.parent, fields: readScalars(map, k) as ItemScalars<K> };
}

/**
 * Change scalar fields of an item. Each field is its own last-writer-wins register
 * (core/SPEC.md rule F1): two people changing different fields of one indicator both win.
 */
export function updateItem<K extends ItemKind>(
  doc: Y.Doc,
  id: ItemId,
  kind: K,
  patch: Partial<ItemScalars<K>>,
  options?: WriteOptions,
): void {
  const valid = validateScalars(kind, patch);
  transact(doc, options, () => {
    const item = requireItem(doc, id);
    if (item.kind !== kind) throw new ModelError(`Item "${id}" is a ${item.kind}, not a ${kind}.`);
    if (kind === 'section' && 'sectionKind' in valid) {
      throw new ModelError('The kind of a section cannot be changed.');
    }
    for (const [key, value] of Object.entries(valid)) {
      if (item.map.get(key) !== value) item.map.set(key, value);
    }
  });
}

/**
 * Set (or with `null`, clear) the amount of a budget line for one year. Years are separate
 * registers, so two people filling different years merge (core/SPEC.md rule F2).
 */
export function setBudgetAmount(
  doc: Y.Doc,
  id: ItemId,
  year: string,
  amount: number | null,
  options?: WriteOptions,
): void {
  if (!/^\d{4}$/.test(year))
    throw new ModelError(`Budget year must be four digits, got "${year}".`);
  if (amount !== null && !(Number.isFinite(amount) && amount >= 0 && amount <= 1e12)) {
    throw new ModelError(
      `Budget amount for ${year} must be a non-negative number of euros, got ${amount}.`,
    );
  }
  transact(doc, options, () => {
    const item = requireItem(doc, id);
    if (item.kind !== 'budgetLine') throw new ModelError(`Item "${id}" is not a budget line.`);
    const amounts = item.map.get('amounts');
    if (!(amounts instanceof Y.Map)) throw new ModelError(`Budget line "${id}" has no amounts.`);
    if (amount === null) amounts.delete(year);
    else amounts.set(year, Math.round(amount * 100) / 100);
  });
}

/** The amounts of a budget line by year. */
export function budgetAmounts(doc: Y.Doc, id: ItemId): Record<string, number> {
  const amounts = getItemMap(doc, id)?.get('amounts');
  const out: Record<string, number> = {};
  if (amounts instanceof Y.Map) {
    amounts.forEach((value, year) => {
      if (typeof value === 'number' && Number.isFinite(value)) out[year] = value;
    });
  }
  return out;
}

/**
 * Move an item to `index` under `parent` (the same parent reorders). One write of its placement:
 * id, fields, rich text and children stay, and concurrent edits to it are kept
 * (core/SPEC.md rules M1, M3).
 */
export function moveItem(
  doc: Y.Doc,
  id: ItemId,
  parent: ItemId | null,
  index: number,
  options?: WriteOptions,
): void {
  transact(doc, options, () => {
    const item = requireItem(doc, id);
    assertParent(doc, item.kind, parent);
    const order = place(doc, parent, index, id);
    setPlacement(item.map, { parent, order });
  });
}

/** Delete an item with everything under it (children, rich text) in one transaction (rule D1). */
export function deleteItem(doc: Y.Doc, id: ItemId, options?: WriteOptions): void {
  transact(doc, options, () => {
    requireItem(doc, id);
    const byParent = new Map<string, ItemId[]>();
    itemsMap(doc).forEach((map, childId) => {
      const parent = placementOf(map)?.parent;
      if (parent) byParent.set(parent, [...(byParent.get(parent) ?? []), childId as ItemId]);
    });
    // Iterative, with a visited set: a faulty peer could have written a parent cycle.
    const doomed = new Set<ItemId>();
    const stack: ItemId[] = [id];
    while (stack.length > 0) {
      const current = stack.pop() as ItemId;
      if (doomed.has(current)) continue;
      doomed.add(current);
      stack.push(...(byParent.get(current) ?? []));
    }
    for (const d of doomed) itemsMap(doc).delete(d);
  });
}

/**
 * The Y.XmlElement of a rich-text field, for a Lexical binding or {@link readRichText}.
 * Throws when the item or field does not exist.
 */
export function richField<K extends ItemKind>(
  doc: Y.Doc,
  id: ItemId,
  field: RichFieldOf<K>,
): Y.XmlElement {
  const { map, kind } = requireItem(doc, id);
  const el = map.get(field);
  if (!(el instanceof Y.XmlElement)) {
    throw new ModelError(`Item "${id}" (${kind}) has no rich-text field "${field}".`);
  }
  return el;
}

/**
 * Remove items whose parent no longer exists. A peer can add a goal under a theme that another
 * peer deleted at the same time; the delete wins (rule D2) and the orphan, never shown, is
 * pruned here when the document is compacted.
 */
export function pruneOrphans(doc: Y.Doc, options?: WriteOptions): number {
  const items = itemsMap(doc);
  const memo = new Map<string, boolean>();
  // An item is attached when its chain of parents reaches the root. Items of a kind this
  // version does not know (from a newer Linjaus) are left alone.
  const isAttached = (id: string, depth: number): boolean => {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    const map = items.get(id);
    const pos = map && placementOf(map);
    const attached =
      !!pos && depth < 64 && (pos.parent === null || isAttached(pos.parent, depth + 1));
    memo.set(id, attached);
    return attached;
  };
  const orphans: string[] = [];
  items.forEach((map, id) => {
    if (knownKindOf(map) && !isAttached(id, 0)) orphans.push(id);
  });
  if (orphans.length > 0) transact(doc, options, () => orphans.forEach((id) => items.delete(id)));
  return orphans.length;
}
