/**
 * The platform interface: everything the renderer needs from the shell it runs in. One web
 * implementation (`webPlatform.ts`: IndexedDB, BroadcastChannel, browser downloads, a Web
 * Worker for PDF export) and one desktop implementation over IPC (`electronPlatform.ts`).
 * The renderer never imports `electron`: it sees only this interface (STYLE.md §3).
 */
import type * as Y from 'yjs';
import type { Language, Programme } from '../../core';

/** The save state shown in the status line. "saved" means the last local edit is persisted. */
export type SaveState = 'saved' | 'saving' | 'unsaved' | 'offline';

/** An entry in the list of recent documents on the start screen. */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string;
  readonly templateId: string;
  /** Milliseconds since the epoch of the last time the document was opened or changed. */
  readonly updatedAt: number;
}

/** Storage attached to one open document's Y.Doc. */
export interface StoredDocument {
  /** The current save state. */
  saveState(): SaveState;
  /** Called whenever the save state changes; returns an unsubscribe function. */
  onSaveState(listener: (state: SaveState) => void): () => void;
  /** Resolves when every edit made so far is persisted. */
  flush(): Promise<void>;
  /** Detach from the Y.Doc (the data stays stored). */
  close(): Promise<void>;
}

/** Persistent storage of documents (IndexedDB in the browser, files on the desktop). */
export interface DocumentStorage {
  /**
   * Attach storage to `doc` for document `id`: stored content is loaded into `doc` (origin
   * `file`) before the promise resolves, and later edits are persisted. Other windows on the
   * same document are kept in sync live.
   */
  open(id: string, doc: Y.Doc): Promise<StoredDocument>;
  /** True when a document with this id is stored. */
  exists(id: string): Promise<boolean>;
  /** Delete a stored document for good. */
  remove(id: string): Promise<void>;
}

/** The recent-documents index shown on the start screen. */
export interface RecentDocuments {
  list(): Promise<DocumentSummary[]>;
  /** Add or update an entry (on open, on title change). */
  touch(entry: DocumentSummary): Promise<void>;
  remove(id: string): Promise<void>;
}

/** A file chosen by the user. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Opening and saving files. In the browser: a file picker and a download. */
export interface FileService {
  /** Let the user pick a file; null when they cancel. */
  openFile(options: {
    extensions: readonly string[];
    description: string;
  }): Promise<PickedFile | null>;
  /** Save bytes under a suggested name; false when the user cancels. */
  saveFile(name: string, bytes: Uint8Array, mimeType: string): Promise<boolean>;
}

/** What an export needs: plain data only, so it can cross a worker or process boundary. */
export interface PdfExportRequest {
  readonly programme: Programme;
  readonly language: Language;
}

/** Progress of an export, 0–1, with a phase for the progress bar's label. */
export interface PdfProgress {
  readonly phase: 'starting' | 'fonts' | 'layout' | 'render' | 'write' | 'done';
  readonly fraction: number;
}

/** Something the export could not do as asked (e.g. characters no font has), named by its item. */
export interface PdfExportWarning {
  readonly code: string;
  readonly message: string;
  readonly where: string;
}

/** PDF export, off the UI thread (a Web Worker in the browser, a utility process on the desktop). */
export interface PdfExporter {
  exportPdf(
    request: PdfExportRequest,
    onProgress?: (p: PdfProgress) => void,
    onWarnings?: (warnings: readonly PdfExportWarning[]) => void,
  ): Promise<Uint8Array>;
  /** Start the exporter early (e.g. when the export dialog opens) so the first export is fast. */
  warmUp(): void;
}

/** Small native dialogs. */
export interface Dialogs {
  confirm(message: string): Promise<boolean>;
}

/** Everything the renderer gets from its shell. */
export interface Platform {
  readonly kind: 'web' | 'desktop';
  readonly storage: DocumentStorage;
  readonly recent: RecentDocuments;
  readonly files: FileService;
  readonly pdf: PdfExporter;
  readonly dialogs: Dialogs;
}
