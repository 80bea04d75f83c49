/**
 * The open documents of the desktop app (no Electron here: tested in Node). Each document has
 * one {@link DocumentStore}; windows attach to documents by id. A window may only write to a
 * document it attached to. Changes merged from disk are forwarded to the attached windows.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { getDocumentId, getMeta } from '../../../core';
import type { RecentIndex } from '../recent/recentIndex';
import type { DocumentCodec } from '../storage/codec';
import { DocumentStore, type DiskState, type RecoveryReport } from '../storage/documentStore';
import { ClosingDocuments, OpenDocument, type CompactionPolicy } from './openDocument';
import { UnsavedLogs } from './unsavedLogs';
import { fileExists, requireId } from './util';

/** Thrown when a window uses a document it did not open. */
export class NotAttachedError extends Error {
  override readonly name = 'NotAttachedError';
}

export interface SessionOptions extends CompactionPolicy {
  readonly codec: DocumentCodec;
  /** Folder of new documents' logs (in the app's data folder). */
  readonly unsavedDir: string;
  readonly recent: RecentIndex;
}

/** Events for the Electron glue: forward updates, refresh a title, tell the user. */
export interface SessionEvents {
  documentUpdate(documentId: string, update: Uint8Array, windowIds: readonly number[]): void;
  fileState(
    documentId: string,
    state: { isFileBehind: boolean; blockedBy: DiskState | null },
  ): void;
}

export class DocumentSessions {
  private readonly sessions = new Map<string, OpenDocument>();
  /** Sessions being closed (removed from `sessions` already). */
  private readonly closing = new ClosingDocuments();
  private readonly unsaved: UnsavedLogs;
  /** Documents being loaded for a window, by id (see {@link loadOnce}). */
  private readonly loading = new Map<string, Promise<OpenDocument>>();

  constructor(
    private readonly options: SessionOptions,
    private readonly events: SessionEvents,
  ) {
    this.unsaved = new UnsavedLogs(options.unsavedDir);
  }

  /** Open a `.linjaus` file (or return its session if it is open). Throws the codec's error for a bad file. */
  async openFile(file: string): Promise<{ documentId: string; recovery: RecoveryReport | null }> {
    const real = await fs.realpath(file);
    const open = [...this.sessions.entries()].find(([, s]) => s.store.file === real);
    if (open) return { documentId: open[0], recovery: null };
    // A closing store still writes its file and log: opening them now could remove its temp
    // file, or append to a log it is about to replace.
    await this.closing.settled();
    const again = [...this.sessions.entries()].find(([, s]) => s.store.file === real);
    if (again) return { documentId: again[0], recovery: null };
    const { store, recovery } = await DocumentStore.open(real, this.options.codec);
    if (this.sessions.has(requireId(store.doc))) {
      // Another copy of an open document: one session per document id, merging is explicit.
      await store.detach();
      throw new Error(
        `Another copy of this document is already open (${this.sessions.get(requireId(store.doc))?.store.file ?? 'unsaved'}).`,
      );
    }
    const documentId = this.add(store);
    await this.remember(documentId);
    return { documentId, recovery };
  }

  /** Start storing a new document (from a template or an imported JSON); its log is in the data folder. */
  async createNew(doc: Y.Doc): Promise<string> {
    const documentId = requireId(doc);
    await this.unsaved.ensureDir();
    const store = await DocumentStore.createUnsaved(
      doc,
      this.unsaved.path(documentId),
      this.options.codec,
    );
    this.add(store);
    await this.remember(documentId);
    return documentId;
  }

  /**
   * Attach window `windowId` to document `documentId`: the stored document is opened if needed
   * (by its recent file, its unsaved log, or as a new document holding the renderer's state), the
   * renderer's state is merged in, and what the renderer lacks is returned.
   */
  async attach(
    documentId: string,
    rendererState: Uint8Array,
    windowId: number,
  ): Promise<{ update: Uint8Array; file: string | null }> {
    const session =
      this.sessions.get(documentId) ?? (await this.loadOnce(documentId, rendererState));
    session.windows.add(windowId);
    if (rendererState.length > 2) await session.store.append(rendererState);
    const update = Y.encodeStateAsUpdate(
      session.store.doc,
      Y.encodeStateVectorFromUpdate(rendererState),
    );
    return { update, file: session.store.file };
  }

  /** Store an update from window `windowId` (resolves after fsync) and forward it to other windows. */
  async append(documentId: string, update: Uint8Array, windowId: number): Promise<void> {
    const session = this.attached(documentId, windowId);
    await session.store.append(update);
    const others = [...session.windows].filter((w) => w !== windowId);
    if (others.length > 0) this.events.documentUpdate(documentId, update, others);
    this.scheduleCompaction(documentId, session);
  }

  /** Resolves when every update sent so far is durable. */
  async flush(documentId: string, windowId: number): Promise<void> {
    await this.attached(documentId, windowId).store.whenDurable();
  }

  /** Detach a window; the last one out compacts and closes the document. */
  async detach(documentId: string, windowId: number): Promise<void> {
    const session = this.sessions.get(documentId);
    if (!session || !session.windows.delete(windowId) || session.windows.size > 0) return;
    await this.closeSession(documentId, session);
  }

  /** Detach a window from every document it uses (the window closed). */
  async detachWindow(windowId: number): Promise<void> {
    for (const [id, session] of [...this.sessions])
      if (session.windows.has(windowId)) await this.detach(id, windowId);
  }

  /** True when the document is open, has a file in the recent index, or has an unsaved log. */
  async exists(documentId: string): Promise<boolean> {
    if (this.sessions.has(documentId)) return true;
    const file = this.options.recent.byId(documentId)?.file;
    return (
      (file ? await fileExists(file) : false) || (await fileExists(this.unsaved.path(documentId)))
    );
  }

  /** Forget a document: its recent entry and unsaved log. A user's `.linjaus` file is never deleted. */
  async remove(documentId: string): Promise<void> {
    if (this.sessions.has(documentId))
      throw new Error('An open document cannot be removed; close it first.');
    await this.unsaved.remove(documentId);
    await this.options.recent.remove(documentId);
  }

  /** "Save": write the file now. False when the document has no file yet (ask for one: Save as). */
  async save(documentId: string): Promise<boolean> {
    const session = this.sessions.get(documentId);
    if (!session || session.store.file === null) return false;
    await session.store.compact({ force: true });
    this.reportState(documentId, session);
    return session.store.blockedBy === null;
  }

  /** "Save as": write to `file`, optionally as a separate document with a new id. Returns the id. */
  async saveAs(
    documentId: string,
    file: string,
    options: { newDocumentId?: string } = {},
  ): Promise<string> {
    const session = this.sessions.get(documentId);
    if (!session) throw new Error(`Document ${documentId} is not open.`);
    await session.store.saveAs(path.resolve(file), options);
    const newId = requireId(session.store.doc);
    if (newId !== documentId) {
      this.sessions.delete(documentId);
      this.sessions.set(newId, session);
    }
    this.watch(session);
    await this.remember(newId);
    this.reportState(newId, session);
    return newId;
  }

  /** Compare a document's file with the disk now (window focus, file watcher). */
  async checkDisk(documentId: string): Promise<DiskState | null> {
    const session = this.sessions.get(documentId);
    if (!session) return null;
    const state = await session.store.checkDisk();
    if (state.status === 'merged') this.scheduleCompaction(documentId, session);
    this.reportState(documentId, session);
    return state;
  }

  /** The store of an open document (for export and the window title). */
  store(documentId: string): DocumentStore | undefined {
    return this.sessions.get(documentId)?.store;
  }

  /** Ids of new documents whose logs survived the last session (to reopen after a crash). */
  async unsavedDocuments(): Promise<string[]> {
    return (await this.unsaved.list()).filter((id) => !this.sessions.has(id));
  }

  /**
   * Compact and close everything (app quit), including documents whose last window is closing
   * right now. Every document is closed even when one fails; then the first error is thrown.
   */
  async closeAll(): Promise<void> {
    for (const [id, session] of [...this.sessions])
      void this.closeSession(id, session).catch(() => undefined);
    const failure = await this.closing.settled();
    if (failure) throw failure.error;
  }

  private add(store: DocumentStore): string {
    const documentId = requireId(store.doc);
    const session = new OpenDocument(store);
    this.watch(session);
    store.onUpdateFromDisk((update) =>
      this.events.documentUpdate(requireId(store.doc), update, [...session.windows]),
    );
    this.sessions.set(documentId, session);
    return documentId;
  }

  private watch(session: OpenDocument): void {
    session.watch(() => void this.checkDisk(requireId(session.store.doc)).catch(() => undefined));
  }

  /** {@link load}, shared by windows that attach to the same document at the same time. */
  private loadOnce(documentId: string, rendererState: Uint8Array): Promise<OpenDocument> {
    const running = this.loading.get(documentId);
    if (running) return running;
    const load = this.load(documentId, rendererState).finally(() =>
      this.loading.delete(documentId),
    );
    this.loading.set(documentId, load);
    return load;
  }

  private async load(documentId: string, rendererState: Uint8Array): Promise<OpenDocument> {
    await this.closing.settled();
    const opened = this.sessions.get(documentId);
    if (opened) return opened;
    const file = this.options.recent.byId(documentId)?.file;
    if (file && (await fileExists(file))) {
      const { documentId: opened } = await this.openFile(file);
      if (opened === documentId) return this.sessions.get(opened)!;
    }
    const unsaved = await DocumentStore.recoverUnsaved(
      this.unsaved.path(documentId),
      this.options.codec,
    );
    if (unsaved && requireId(unsaved.doc) === documentId) {
      this.add(unsaved);
      return this.sessions.get(documentId)!;
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, rendererState);
    if (getDocumentId(doc) !== documentId)
      throw new Error(`Document ${documentId} is not stored here.`);
    await this.createNew(doc);
    return this.sessions.get(documentId)!;
  }

  private attached(documentId: string, windowId: number): OpenDocument {
    const session = this.sessions.get(documentId);
    if (!session || !session.windows.has(windowId))
      throw new NotAttachedError(`This window has not opened document ${documentId}.`);
    return session;
  }

  private scheduleCompaction(documentId: string, session: OpenDocument): void {
    this.reportState(documentId, session);
    session.scheduleCompaction(this.options, () =>
      this.reportState(requireId(session.store.doc), session),
    );
  }

  private reportState(documentId: string, session: OpenDocument): void {
    this.events.fileState(documentId, {
      isFileBehind: session.store.isFileBehind,
      blockedBy: session.store.blockedBy,
    });
  }

  private closeSession(documentId: string, session: OpenDocument): Promise<void> {
    this.sessions.delete(documentId);
    return this.closing.track(session.close());
  }

  private async remember(documentId: string): Promise<void> {
    const store = this.sessions.get(documentId)?.store;
    if (!store) return;
    const meta = getMeta(store.doc);
    await this.options.recent.touch({
      id: documentId,
      title: meta.title,
      templateId: meta.templateId,
      updatedAt: Date.now(),
      file: store.file,
    });
  }
}
