/**
 * Embedded storage for `linjaus serve`: one {@link UpdateLog} per document under
 * `<data>/documents/`. Every update the document integrates is appended (group commit: updates
 * that arrive during one fsync go into the next), and a "stored" notice follows each durable
 * write. The log is compacted when it grows past a threshold.
 *
 * It listens to the Y.Doc's own `update` event rather than Hocuspocus's debounced
 * `onStoreDocument`, so an edit is on disk within one fsync, not after a debounce.
 */
import path from 'node:path';
import type {
  Document,
  Extension,
  beforeUnloadDocumentPayload,
  afterUnloadDocumentPayload,
  onLoadDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { UpdateLog } from './updateLog';
import type { StoredNotices } from './storedNotices';

interface OpenDocument {
  readonly document: Document;
  readonly log: UpdateLog;
  readonly queue: Uint8Array[];
  flushing: Promise<void> | null;
  readonly onUpdate: (update: Uint8Array) => void;
}

export interface EmbeddedStorageOptions {
  /** Compact when the log exceeds this many bytes and twice the state size (default 4 MiB). */
  compactBytes?: number;
  /** Minimum time between two snapshots sent as notices for one document (default 200 ms). */
  noticeIntervalMs?: number;
}

/** The file of a document's log; `documentName` was validated by the auth layer (docName.ts). */
export const logFileOf = (dataDir: string, documentName: string): string =>
  path.join(dataDir, 'documents', `${documentName}.log`);

export class EmbeddedStorage implements Extension {
  readonly extensionName = 'LinjausEmbeddedStorage';
  private readonly open = new Map<string, OpenDocument>();
  private readonly closing = new Map<string, Promise<void>>();
  private readonly compactBytes: number;
  private readonly noticeIntervalMs: number;
  private readonly lastNotice = new Map<string, number>();
  private readonly trailing = new Map<OpenDocument, NodeJS.Timeout>();

  constructor(
    private readonly dataDir: string,
    private readonly notices: StoredNotices,
    options: EmbeddedStorageOptions = {},
  ) {
    this.compactBytes = options.compactBytes ?? 4 * 1024 * 1024;
    this.noticeIntervalMs = options.noticeIntervalMs ?? 200;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    await this.closing.get(documentName);
    const { log, contents } = await UpdateLog.open(logFileOf(this.dataDir, documentName));
    if (contents.droppedBytes > 0) {
      console.warn(
        `[storage] ${documentName}: cut ${contents.droppedBytes} bytes of torn log tail`,
      );
    }
    if (contents.updates.length > 0)
      Y.applyUpdate(document, Y.mergeUpdates(contents.updates), 'storage');
    this.notices.remember(documentName, Y.encodeSnapshot(Y.snapshot(document)));
    const entry: OpenDocument = {
      document,
      log,
      queue: [],
      flushing: null,
      onUpdate: (update) => this.enqueue(entry, update),
    };
    document.on('update', entry.onUpdate);
    this.open.set(documentName, entry);
  }

  async beforeUnloadDocument({ documentName }: beforeUnloadDocumentPayload): Promise<void> {
    await this.open.get(documentName)?.flushing;
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const entry = this.open.get(documentName);
    if (!entry) return;
    this.open.delete(documentName);
    entry.document.off('update', entry.onUpdate);
    clearTimeout(this.trailing.get(entry));
    this.trailing.delete(entry);
    const closing = (async () => {
      await entry.flushing;
      await entry.log.close();
    })();
    this.closing.set(documentName, closing);
    await closing;
    this.closing.delete(documentName);
    this.notices.forget(documentName);
  }

  async onDestroy(): Promise<void> {
    await this.flushAll();
    for (const [name, entry] of this.open) {
      entry.document.off('update', entry.onUpdate);
      clearTimeout(this.trailing.get(entry));
      await entry.log.close();
      this.open.delete(name);
    }
  }

  /** Resolves when everything integrated so far is durable. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.open.values()].map((entry) => entry.flushing));
  }

  private enqueue(entry: OpenDocument, update: Uint8Array): void {
    entry.queue.push(update);
    if (!entry.flushing) {
      entry.flushing = this.flush(entry).finally(() => {
        entry.flushing = null;
        if (entry.queue.length > 0) this.enqueue(entry, new Uint8Array(0));
      });
    }
  }

  private async flush(entry: OpenDocument): Promise<void> {
    const name = entry.document.name;
    while (entry.queue.length > 0) {
      const batch = entry.queue.splice(0).filter((u) => u.length > 0);
      // The queue is empty now and the update listener is synchronous: everything the document
      // holds at this instant is in `batch` or already on disk, so this snapshot is safe to claim.
      const snapshot = this.snapshotIfDue(entry);
      try {
        await entry.log.append(batch);
      } catch (error) {
        console.error(`[storage] ${name}: append failed, will retry:`, (error as Error).message);
        entry.queue.unshift(...batch);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      if (snapshot) this.notices.stored(entry.document, snapshot);
      await this.compactIfLarge(entry);
    }
    this.scheduleTrailingNotice(entry);
  }

  /**
   * The last write may have been throttled; announce it once the interval has passed, if by then
   * nothing is queued or being written (else that write's own notice covers it).
   */
  private scheduleTrailingNotice(entry: OpenDocument): void {
    if (this.trailing.has(entry)) return;
    const wait = Math.max(
      0,
      this.noticeIntervalMs - (Date.now() - (this.lastNotice.get(entry.document.name) ?? 0)),
    );
    const timer = setTimeout(() => {
      this.trailing.delete(entry);
      if (entry.queue.length > 0 || entry.flushing || entry.document.isDestroyed) return;
      this.lastNotice.set(entry.document.name, Date.now());
      this.notices.stored(entry.document, Y.encodeSnapshot(Y.snapshot(entry.document)));
    }, wait);
    this.trailing.set(entry, timer);
  }

  private snapshotIfDue(entry: OpenDocument): Uint8Array | null {
    const now = Date.now();
    if (now - (this.lastNotice.get(entry.document.name) ?? 0) < this.noticeIntervalMs) return null;
    this.lastNotice.set(entry.document.name, now);
    return Y.encodeSnapshot(Y.snapshot(entry.document));
  }

  private async compactIfLarge(entry: OpenDocument): Promise<void> {
    if (entry.log.bytes < this.compactBytes) return;
    const state = Y.encodeStateAsUpdate(entry.document);
    if (entry.log.bytes < 2 * state.length) return;
    try {
      await entry.log.compact(state);
    } catch (error) {
      console.error(
        `[storage] ${entry.document.name}: compaction failed:`,
        (error as Error).message,
      );
    }
  }
}
