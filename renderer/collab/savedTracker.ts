/**
 * Knows which of this client's changes are stored on the server. Every local update (any origin
 * but the provider's) waits until a "stored" notice's snapshot contains it
 * (`Y.snapshotContainsUpdate`, which checks inserted items and deletions). What the document held
 * before the tracker started counts as waiting too: it may be edits the server never saw.
 * On a read-only connection nothing local is waited for: the server refuses such updates, so they
 * would never be stored and the status would say "saving" for ever.
 */
import * as Y from 'yjs';

interface Waiting {
  update: Uint8Array;
  /** Local transactions merged into `update`. */
  count: number;
}

/** Merge waiting updates beyond this many, so checking a notice stays cheap. */
const MERGE_AT = 64;

export class SavedTracker {
  private waiting: Waiting[] = [];
  private readOnly = false;
  private readonly listeners = new Set<() => void>();
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (this.readOnly || this.isRemote(origin)) return;
    this.waiting.push({ update, count: 1 });
    if (this.waiting.length > MERGE_AT) {
      const count = this.waiting.reduce((sum, w) => sum + w.count, 0);
      this.waiting = [{ update: Y.mergeUpdates(this.waiting.map((w) => w.update)), count }];
    }
    this.emit();
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly isRemote: (origin: unknown) => boolean,
  ) {
    if (doc.store.clients.size > 0)
      this.waiting.push({ update: Y.encodeStateAsUpdate(doc), count: 1 });
    doc.on('update', this.onUpdate);
  }

  /** Local changes not yet known to be stored. */
  get waitingChanges(): number {
    return this.waiting.reduce((sum, w) => sum + w.count, 0);
  }

  get isSaved(): boolean {
    return this.waiting.length === 0;
  }

  /**
   * Whether the server serves this connection read-only (set on every authentication). Turning
   * it on drops what waits; turning it off counts the whole document as waiting again, as at the
   * start, since what was written meanwhile may never have reached the server.
   */
  setReadOnly(readOnly: boolean): void {
    if (readOnly === this.readOnly) return;
    this.readOnly = readOnly;
    this.waiting =
      readOnly || this.doc.store.clients.size === 0
        ? []
        : [{ update: Y.encodeStateAsUpdate(this.doc), count: 1 }];
    this.emit();
  }

  /** Apply a stored snapshot from the server. */
  stored(snapshot: Y.Snapshot): void {
    const before = this.waiting.length;
    this.waiting = this.waiting.filter((w) => !Y.snapshotContainsUpdate(snapshot, w.update));
    if (this.waiting.length !== before) this.emit();
  }

  /** Call `listener` whenever the waiting count changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.listeners.clear();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
