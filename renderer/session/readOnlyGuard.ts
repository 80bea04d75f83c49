/**
 * The second line of defence of read-only mode. The UI does not offer editing while a document
 * is read-only (fields not editable, controls disabled, undo refused); if a local write still
 * reaches the Y.Doc (a code path we missed, an extension, the console), it is undone at once.
 * Yjs has no veto before a transaction applies, so "refuse" means "revert right after": the
 * revert runs in the same task, before control returns to the browser, so nothing is painted
 * with the change and the content reads as it did. The update and its revert both reach the
 * storage and the provider (the server drops both from a viewer).
 *
 * The revert restores content, it does not restore the same Yjs items: undoing a delete or a
 * map-key write (a title, a Lexical attribute, a whole item) creates new items that exist only
 * in this copy. A peer's later write to the same key or item can then lose against them here, or
 * land on the original that this copy deleted, and never show. Such a revert is reported as a
 * divergence (`onRefused(…, diverged)`): only a fresh copy from the server is exactly right
 * again. A revert of pure text or list insertions creates nothing and is not a divergence.
 *
 * Local means `transaction.local`: everything written through this `Y.Doc` object, whatever the
 * origin (model functions, Lexical bindings, the undo manager). Updates applied with
 * `Y.applyUpdate` — a workshop peer, another tab, IndexedDB loading — are never reverted.
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

/**
 * Whether undoing `tr` would recreate content under new ids: it deleted something (the undo
 * re-inserts copies), or it wrote a map key or attribute (a key's winner is decided among all
 * items ever written to it, the reverted ones included).
 */
function revertDiverges(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const keys of tr.changed.values()) for (const key of keys) if (key !== null) return true;
  return false;
}

export class ReadOnlyGuard {
  private readonly reverter: Y.UndoManager;
  private refusedCount = 0;
  /** Whether the write being captured (the next `stack-item-added`) diverges once reverted. */
  private capturedDiverges = false;

  /**
   * @param isReadOnly - read on every transaction; the guard does nothing while it is false.
   * @param onRefused - called with the write's origin after it was reverted, and whether the
   * revert left this copy diverged from the server (see the file comment).
   */
  constructor(
    doc: Y.Doc,
    isReadOnly: () => boolean,
    private readonly onRefused: (origin: unknown, diverged: boolean) => void,
  ) {
    this.reverter = new Y.UndoManager(undoScope(doc), {
      trackedOrigins: new EveryOrigin(),
      // Never merge two writes into one step: each is reverted on its own, right away.
      captureTimeout: 0,
      captureTransaction: (tr) => {
        const capture = isReadOnly() && tr.local && tr.origin !== this.reverter;
        if (capture) this.capturedDiverges = revertDiverges(tr);
        return capture;
      },
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
    const diverged = this.capturedDiverges;
    this.capturedDiverges = false;
    // Runs inside the write's afterTransaction: Yjs runs the revert as the next transaction of
    // the same synchronous cleanup (after the write's remaining observers and `update` event),
    // so the document is back before control returns to the browser.
    this.reverter.undo();
    // Drop the redo step and the deleted content it kept from garbage collection.
    this.reverter.clear();
    this.refusedCount++;
    this.onRefused(event.origin, diverged);
  };
}
