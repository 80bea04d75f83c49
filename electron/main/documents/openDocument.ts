/**
 * One open document in main: its store, the windows attached to it, its compaction timer and
 * the watcher of its file. {@link DocumentSessions} keeps one per document id.
 */
import type { DocumentStore } from '../storage/documentStore';
import { watchFile } from './watch';

/** When to compact: idle time after the last edit, or at once past a log size. */
export interface CompactionPolicy {
  readonly compactAfterMs?: number;
  readonly compactAtBytes?: number;
}

export class OpenDocument {
  readonly windows = new Set<number>();
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  private stopWatching: () => void = () => undefined;

  constructor(readonly store: DocumentStore) {}

  /** Watch the document's file (again, e.g. after "Save as") and call `onChange` when it may have changed. */
  watch(onChange: () => void): void {
    this.stopWatching();
    this.stopWatching =
      this.store.file === null ? () => undefined : watchFile(this.store.file, onChange);
  }

  /** Compact after the idle time, or now when the log is large; `onCompacted` after it ran. */
  scheduleCompaction(policy: CompactionPolicy, onCompacted: () => void): void {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    const compact = () => {
      this.compactTimer = null;
      void this.store
        .compact()
        .then(onCompacted)
        .catch(() => undefined);
    };
    if (this.store.logBytes >= (policy.compactAtBytes ?? 4 * 1024 * 1024)) compact();
    else this.compactTimer = setTimeout(compact, policy.compactAfterMs ?? 2000);
  }

  /** Stop the timer and the watcher, then fsync, compact and close the store. */
  close(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.stopWatching();
    return this.store.close();
  }
}

/** Documents being closed, until their close settles: quit and reopening wait for them. */
export class ClosingDocuments {
  private readonly pending = new Set<Promise<void>>();

  track(closing: Promise<void>): Promise<void> {
    this.pending.add(closing);
    void closing.finally(() => this.pending.delete(closing)).catch(() => undefined);
    return closing;
  }

  /** Resolves when nothing is closing, with the first failure among those waited for. */
  async settled(): Promise<{ error: unknown } | null> {
    let failure: { error: unknown } | null = null;
    while (this.pending.size > 0) {
      const results = await Promise.allSettled([...this.pending]);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      failure ??= failed ? { error: failed.reason } : null;
    }
    return failure;
  }
}
