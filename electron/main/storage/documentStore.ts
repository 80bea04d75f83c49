/**
 * One open document's storage in the main process: a mirror Y.Doc, its update log and its
 * `.linjaus` file (storage/SPEC.md rules L1–L8).
 *
 * - {@link DocumentStore.append}: a renderer update is applied to the mirror and appended to the
 *   log with fsync; the returned promise is the "saved" signal (L1).
 * - {@link DocumentStore.compact}: the mirror is written into the `.linjaus` file atomically and
 *   the log restarts from that snapshot (L3, L4).
 * - {@link DocumentStore.checkDisk}: a file changed by someone else is merged, never overwritten;
 *   a file replaced by another document or left unreadable stops compaction until resolved (L5).
 *
 * Every disk operation runs one at a time through {@link DocumentStore.serial}. The `.linjaus`
 * file's side (what was last read or written there, merging, atomic writes) is documentFile.ts.
 */
import * as Y from 'yjs';
import { asDocumentId, initDocumentId, origin } from '../../../core';
import type { DocumentCodec } from './codec';
import { DocumentFile, sha256 } from './documentFile';
import { removeLeftovers, sidecarPaths } from './durable';
import { readLog, UpdateLog } from './updateLog';
import { readWithBackup, replayChanges, requireDocumentId } from './recovery';
import { InvalidUpdateError, type DiskState, type RecoveryReport } from './storeTypes';

export { InvalidUpdateError, type DiskState, type RecoveryReport } from './storeTypes';

export class DocumentStore {
  private queue: Promise<unknown> = Promise.resolve();
  private pending: Uint8Array[] = [];
  private hasUnwritten = false;
  private updateListeners = new Set<(update: Uint8Array) => void>();

  private constructor(
    readonly doc: Y.Doc,
    private log: UpdateLog,
    /** The `.linjaus` file; null for a new document not saved to a file yet. */
    private docFile: DocumentFile | null,
    private readonly codec: DocumentCodec,
  ) {}

  /**
   * Open a `.linjaus` file and replay its log. A bad file throws the codec's error and nothing
   * on disk is written or changed (L7).
   */
  static async open(
    file: string,
    codec: DocumentCodec,
  ): Promise<{ store: DocumentStore; recovery: RecoveryReport }> {
    const paths = sidecarPaths(file);
    const { doc, assets, bytes, usedBackup } = await readWithBackup(file, paths.backup, codec);
    const documentId = requireDocumentId(doc);
    await removeLeftovers(file, usedBackup ? {} : { backup: paths.backup });
    const { log, replay } = await UpdateLog.open(paths.log, documentId);
    const changed = replayChanges(doc, replay.updates);
    const known = usedBackup ? null : sha256(bytes);
    const store = new DocumentStore(doc, log, new DocumentFile(file, codec, assets, known), codec);
    store.hasUnwritten = changed || usedBackup;
    return {
      store,
      recovery: {
        replayedUpdates: replay.updates.length,
        droppedBytes: replay.droppedBytes,
        usedBackup,
        foreignLogMovedTo: replay.foreignLogMovedTo,
      },
    };
  }

  /**
   * Start storing a new document that has no file yet: its log lives at `logFile` (in the app's
   * data folder) until the first "Save as".
   */
  static async createUnsaved(
    doc: Y.Doc,
    logFile: string,
    codec: DocumentCodec,
  ): Promise<DocumentStore> {
    const log = await UpdateLog.create(logFile, requireDocumentId(doc), Y.encodeStateAsUpdate(doc));
    const store = new DocumentStore(doc, log, null, codec);
    store.hasUnwritten = true;
    return store;
  }

  /** Reopen a new document's log after a crash (see {@link createUnsaved}). */
  static async recoverUnsaved(
    logFile: string,
    codec: DocumentCodec,
  ): Promise<DocumentStore | null> {
    const { header } = await readLog(logFile);
    if (!header) return null;
    const { log, replay } = await UpdateLog.open(logFile, header.documentId);
    const doc = new Y.Doc();
    replayChanges(doc, replay.updates);
    const store = new DocumentStore(doc, log, null, codec);
    store.hasUnwritten = true;
    return store;
  }

  /** The document file, or null for a new document not saved to a file yet. */
  get file(): string | null {
    return this.docFile?.path ?? null;
  }

  /** True while edits exist that are safe in the log but not yet in the `.linjaus` file. */
  get isFileBehind(): boolean {
    return this.hasUnwritten || this.pending.length > 0 || this.docFile === null;
  }

  /** Set while compaction is stopped because the file on disk needs the user's decision. */
  get blockedBy(): DiskState | null {
    return this.docFile?.blocked ?? null;
  }

  /** Bytes appended to the log since the last compaction (for the compaction policy). */
  get logBytes(): number {
    return this.log.pendingBytes;
  }

  /** Listen to updates that main applied to the mirror from disk (to forward to the renderer). */
  onUpdateFromDisk(listener: (update: Uint8Array) => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  /**
   * Store one Yjs update from the renderer. Resolves once it is fsynced in the log; rejects with
   * {@link InvalidUpdateError} (and stores nothing) for bytes that are not a Yjs update.
   */
  async append(update: Uint8Array): Promise<void> {
    try {
      Y.decodeUpdate(update);
      Y.applyUpdate(this.doc, update, origin('remote'));
    } catch (error) {
      throw new InvalidUpdateError(
        `Not a Yjs update: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.pending.push(update);
    this.hasUnwritten = true;
    await this.serial(() => this.flush());
  }

  /** Resolves when every update appended so far is fsynced. */
  whenDurable(): Promise<void> {
    return this.serial(() => this.flush());
  }

  /**
   * Write the mirror into the `.linjaus` file (atomic, previous version kept until complete) and
   * restart the log from that state. Merges a change made on disk by someone else first; does
   * not write while the file is blocked by a conflict. Returns whether the file was written.
   */
  compact(options: { force?: boolean } = {}): Promise<boolean> {
    return this.serial(async () => {
      if (this.docFile === null) return false;
      await this.checkDiskNow();
      if (this.docFile.blocked) return false;
      if (!this.hasUnwritten && !options.force && !this.docFile.isUnknown) return false;
      return this.writeFile();
    });
  }

  /** Compare the file on disk with what this store knows, merging a changed copy (L5). */
  checkDisk(): Promise<DiskState> {
    return this.serial(() => this.checkDiskNow());
  }

  /**
   * Save to a new path ("Save as"). The current file first gets every edit so far; with
   * `newDocumentId` the copy becomes a separate document (a new id written into the mirror, which
   * the caller forwards to the renderer through {@link onUpdateFromDisk}).
   */
  saveAs(file: string, options: { newDocumentId?: string } = {}): Promise<void> {
    return this.serial(async () => {
      if (this.docFile !== null && !this.docFile.blocked) {
        await this.checkDiskNow();
        if (!this.docFile.blocked && this.hasUnwritten) await this.writeFile();
      }
      if (options.newDocumentId) this.setDocumentId(options.newDocumentId);
      const previousLog = this.log;
      const wasUnsaved = this.docFile === null;
      await this.flush();
      this.docFile = new DocumentFile(file, this.codec, this.docFile?.assets ?? new Map(), null);
      this.log = await UpdateLog.create(
        sidecarPaths(file).log,
        requireDocumentId(this.doc),
        Y.encodeStateAsUpdate(this.doc),
      );
      await this.writeFile();
      if (previousLog.file === this.log.file) return;
      // The old log belongs to the old file (or to the unsaved copy, which is now saved).
      if (wasUnsaved) await previousLog.remove();
      else await previousLog.close();
    });
  }

  /** Release the log file without writing the document file (everything stays in the log). */
  detach(): Promise<void> {
    return this.serial(async () => {
      await this.flush();
      await this.log.close();
    });
  }

  /** Compact if needed and release the log (it stays on disk only when the file is blocked). */
  close(): Promise<void> {
    return this.serial(async () => {
      await this.flush();
      if (this.docFile === null) return this.log.close();
      await this.checkDiskNow();
      if (this.docFile.blocked) return this.log.close();
      if (this.hasUnwritten || this.docFile.isUnknown) await this.writeFile();
      await this.log.close();
    });
  }

  private setDocumentId(id: string): void {
    const before = Y.encodeStateVector(this.doc);
    initDocumentId(this.doc, asDocumentId(id), { origin: origin('system') });
    this.emit(Y.encodeStateAsUpdate(this.doc, before));
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    await this.log.append(batch);
  }

  private async checkDiskNow(): Promise<DiskState> {
    if (this.docFile === null) return { status: 'missing' };
    const state = await this.docFile.check(this.doc);
    this.afterMerge(state);
    return state;
  }

  /** A copy merged from disk: forward it, and our file must get it too. */
  private afterMerge(state: DiskState): void {
    if (state.status !== 'merged') return;
    // Our log already holds our state; the merged file content must reach the file too.
    this.hasUnwritten = true;
    this.emit(state.update);
  }

  /** Write the mirror into the file and restart the log from it; false when a conflict stopped it. */
  private async writeFile(): Promise<boolean> {
    if (this.docFile === null) return false;
    if (!(await this.docFile.write(this.doc, (state) => this.afterMerge(state)))) return false;
    await this.log.reset(Y.encodeStateAsUpdate(this.doc));
    this.hasUnwritten = this.pending.length > 0;
    return true;
  }

  private emit(update: Uint8Array): void {
    for (const listener of this.updateListeners) listener(update);
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
