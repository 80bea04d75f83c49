/**
 * The second line of defence of read-only mode. The UI does not offer editing while a document
 * is read-only (fields not editable, controls disabled, undo refused); if a local write still
 * reaches the Y.Doc (a code path we missed, an extension, the console), it is undone at once so
 * that this copy never silently diverges from the workshop server, which refuses a viewer's
 * writes. Yjs has no veto before a transaction applies, so "refuse" means "revert right after":
 * the revert runs in the same task, before control returns to the browser, so nothing is
 * painted with the change and the stored copy ends with the content it had. The update and its
 * revert both reach the storage and the provider (the server drops both from a viewer).
 *
 * Local means `transaction.local`: everything written through this `Y.Doc` object, whatever the
 * origin (model functions, Lexical bindings, the undo manager). Updates applied with
 * `Y.applyUpdate` — a workshop peer, another tab, IndexedDB loading — are never reverted.
 *
 * A Lexical field also writes by itself when it mounts and normalizes content written elsewhere
 * (e.g. list item numbers after a JSON import): in a read-only document that write is reverted
 * too, so the local copy keeps exactly the server's content; the session reports it apart from
 * other refused writes, since the reader did nothing.
 */
import * as Y from 'yjs';
import { undoScope } from '../../core';

/**
 * `Y.UndoManager` filters by origin before it asks `captureTransaction`; the guard decides by
 * `transaction.local` alone, so every origin passes the first filter.
 */
class EveryOrigin extends Set<unknown> {
  override has(): boolean {
    return true;
  }
}

export class ReadOnlyGuard {
  private readonly reverter: Y.UndoManager;
  private refusedCount = 0;

  /**
   * @param isReadOnly - read on every transaction; the guard does nothing while it is false.
   * @param onRefused - called with the write's origin after it was reverted.
   */
  constructor(
    doc: Y.Doc,
    isReadOnly: () => boolean,
    private readonly onRefused: (origin: unknown) => void,
  ) {
    this.reverter = new Y.UndoManager(undoScope(doc), {
      trackedOrigins: new EveryOrigin(),
      // Never merge two writes into one step: each is reverted on its own, right away.
      captureTimeout: 0,
      captureTransaction: (tr) => isReadOnly() && tr.local && tr.origin !== this.reverter,
    });
    this.reverter.on('stack-item-added', this.revert);
  }

  /** How many local writes were reverted since the session opened. */
  get refused(): number {
    return this.refusedCount;
  }

  destroy(): void {
    this.reverter.off('stack-item-added', this.revert);
    this.reverter.destroy();
  }

  private readonly revert = (event: { origin: unknown }) => {
    // Runs inside the write's afterTransaction: Yjs runs the revert as the next transaction of
    // the same synchronous cleanup (after the write's remaining observers and `update` event),
    // so the document is back before control returns to the browser.
    this.reverter.undo();
    // Drop the redo step and the deleted content it kept from garbage collection.
    this.reverter.clear();
    this.refusedCount++;
    this.onRefused(event.origin);
  };
}
