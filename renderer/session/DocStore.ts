/**
 * Subscriptions to the parts of a programme's Y.Doc that components show. A component reads one
 * item, one parent's children, or the meta map through `useSyncExternalStore`; typing in a
 * rich-text field changes none of these, so it re-renders nothing outside its own editor.
 */
import * as Y from 'yjs';
import {
  childrenOf,
  getItem,
  getMeta,
  itemsMap,
  PLACEMENT_KEYS,
  metaMap,
  type ItemId,
  type ItemKind,
  type ItemView,
  type Meta,
} from '../../core';

type Listener = () => void;

const sameIds = (a: readonly ItemId[], b: readonly ItemId[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Cached, change-notifying reads over one Y.Doc. */
export class DocStore {
  private structureVersion = 0;
  private readonly structureListeners = new Set<Listener>();
  private readonly childCache = new Map<string, { version: number; ids: ItemId[] }>();
  private readonly itemCache = new Map<ItemId, ItemView | undefined>();
  private metaCache: Meta | null = null;
  private readonly metaListeners = new Set<Listener>();
  private readonly anyListeners = new Set<Listener>();

  constructor(readonly doc: Y.Doc) {
    itemsMap(doc).observeDeep(this.onItems);
    metaMap(doc).observe(this.onMeta);
    doc.on('afterTransaction', this.onAnyTransaction);
  }

  destroy(): void {
    itemsMap(this.doc).unobserveDeep(this.onItems);
    metaMap(this.doc).unobserve(this.onMeta);
    this.doc.off('afterTransaction', this.onAnyTransaction);
  }

  /** Ids of `parent`'s children (optionally of one kind), stable between unrelated changes. */
  children(parent: ItemId | null, kind?: ItemKind): ItemId[] {
    const key = `${parent ?? ''}|${kind ?? ''}`;
    const cached = this.childCache.get(key);
    if (cached && cached.version === this.structureVersion) return cached.ids;
    const ids = childrenOf(this.doc, parent, kind);
    const stable = cached && sameIds(cached.ids, ids) ? cached.ids : ids;
    this.childCache.set(key, { version: this.structureVersion, ids: stable });
    return stable;
  }

  subscribeStructure = (listener: Listener): (() => void) => {
    this.structureListeners.add(listener);
    return () => this.structureListeners.delete(listener);
  };

  /** One item's scalar fields; the same object until the item's own map changes. */
  item<K extends ItemKind>(id: ItemId, kind?: K): ItemView<K> | undefined {
    if (!this.itemCache.has(id)) this.itemCache.set(id, getItem(this.doc, id));
    const view = this.itemCache.get(id);
    return view && (!kind || view.kind === kind) ? (view as ItemView<K>) : undefined;
  }

  /** Subscribe to one item's scalar fields. */
  subscribeItem(id: ItemId, listener: Listener): () => void {
    const map = itemsMap(this.doc).get(id);
    const handler = () => {
      this.itemCache.delete(id);
      listener();
    };
    map?.observe(handler);
    return () => map?.unobserve(handler);
  }

  meta(): Meta {
    return (this.metaCache ??= getMeta(this.doc));
  }

  subscribeMeta = (listener: Listener): (() => void) => {
    this.metaListeners.add(listener);
    return () => this.metaListeners.delete(listener);
  };

  /** Called after every transaction (text included): for debounced readers like word counts. */
  subscribeAny = (listener: Listener): (() => void) => {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  };

  private readonly onItems = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    let structural = false;
    for (const e of events) {
      if (!(e instanceof Y.YMapEvent)) continue;
      if (e.target === itemsMap(this.doc)) {
        structural = true;
        for (const key of e.keysChanged) this.itemCache.delete(key as ItemId);
      } else if (
        e.target.parent === itemsMap(this.doc) &&
        PLACEMENT_KEYS.some((k) => e.keysChanged.has(k))
      ) {
        structural = true;
      }
    }
    if (!structural) return;
    this.structureVersion++;
    for (const l of [...this.structureListeners]) l();
  };

  private readonly onMeta = () => {
    this.metaCache = null;
    for (const l of [...this.metaListeners]) l();
  };

  private readonly onAnyTransaction = () => {
    for (const l of [...this.anyListeners]) l();
  };
}
