/**
 * The desktop implementation of the platform interface (types.ts), over the preload's
 * `window.linjaus` API: documents are stored by the main process (an fsynced log next to the
 * `.linjaus` file, compacted into it), files go through native dialogs, PDF export runs in a
 * utility process. No `electron` import: the renderer sees only the preload's named functions.
 *
 * Desktop entry: call {@link installDesktopPlatform} before the app renders (a no-op in a
 * browser, where `window.linjaus` does not exist).
 */
import * as Y from 'yjs';
import { getMeta, type Origin } from '../../core';
// A type-only import of the preload's API type (declared once, in the shell): no code crosses.
import type { DesktopApi } from '../../electron/main/ipc/api';
import { installPlatform } from './current';
import type { DocumentStorage, Platform, SaveState, StoredDocument } from './types';

declare global {
  interface Window {
    /** The desktop shell's API (electron/preload); undefined in a browser. */
    readonly linjaus?: DesktopApi;
  }
}

/** Origin of changes main sends: merged from disk or from another window. Never undone locally. */
const DESKTOP_ORIGIN: Origin = Object.freeze({ kind: 'file', detail: 'desktop' });

class DesktopStoredDocument implements StoredDocument {
  private state: SaveState = 'saved';
  private pending = 0;
  private failed = false;
  private lastReported = '';
  private readonly listeners = new Set<(s: SaveState) => void>();
  private waiters: (() => void)[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly api: DesktopApi,
    private readonly id: string,
    private readonly doc: Y.Doc,
    /** False until main has this document (a new one is attached with its first update). */
    private attached: boolean,
  ) {
    doc.on('update', this.onUpdate);
    this.unsubscribe = api.onDocumentUpdate((event) => {
      if (event.documentId !== this.id) return;
      Y.applyUpdate(this.doc, event.update, DESKTOP_ORIGIN);
    });
    this.report();
  }

  saveState(): SaveState {
    return this.state;
  }

  onSaveState(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async flush(): Promise<void> {
    // After a failed write, send the whole state again: main merges it (Yjs ignores duplicates).
    if (this.failed) this.enqueue(() => this.attach());
    if (this.pending === 0) return;
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    this.doc.off('update', this.onUpdate);
    this.unsubscribe();
    if (this.attached) await this.api.documentClose(this.id);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === DESKTOP_ORIGIN) return this.report();
    this.enqueue(() =>
      this.attached ? this.api.documentAppend({ documentId: this.id, update }) : this.attach(),
    );
  };

  private async attach(): Promise<void> {
    const { update } = await this.api.documentOpen({
      documentId: this.id,
      state: Y.encodeStateAsUpdate(this.doc),
    });
    this.attached = true;
    Y.applyUpdate(this.doc, update, DESKTOP_ORIGIN);
  }

  /** Run storage calls one after another; "saved" once the last one resolved (main fsynced it). */
  private enqueue(call: () => Promise<unknown>): void {
    this.pending++;
    this.setState('saving');
    this.queue = this.queue
      .then(call)
      .then(
        () => {
          this.failed = false;
        },
        (error: unknown) => {
          console.warn('Saving failed', error);
          this.failed = true;
        },
      )
      .then(() => {
        this.pending--;
        if (this.pending > 0) return;
        this.setState(this.failed ? 'unsaved' : 'saved');
        this.waiters.splice(0).forEach((w) => w());
      });
  }

  private setState(state: SaveState): void {
    if (state !== this.state) {
      this.state = state;
      for (const l of this.listeners) l(state);
    }
    this.report();
  }

  /** Tell main the title and whether edits are in flight (window title, unsaved marker). */
  private report(): void {
    const title = getMeta(this.doc).title;
    const isDirty = this.state !== 'saved';
    const key = `${isDirty}|${title}`;
    if (key === this.lastReported || !this.attached) return;
    this.lastReported = key;
    void this.api.windowSetState({ title: title.slice(0, 500), isDirty }).catch(() => undefined);
  }
}

function desktopStorage(api: DesktopApi): DocumentStorage {
  return {
    async open(id, doc) {
      const hasContent = Y.encodeStateVector(doc).length > 1;
      if (!hasContent && !(await api.documentExists(id))) {
        // A new document (storeNewDocument): main creates it with its first update.
        return new DesktopStoredDocument(api, id, doc, false);
      }
      const { update } = await api.documentOpen({
        documentId: id,
        state: Y.encodeStateAsUpdate(doc),
      });
      Y.applyUpdate(doc, update, DESKTOP_ORIGIN);
      return new DesktopStoredDocument(api, id, doc, true);
    },
    exists: (id) => api.documentExists(id),
    remove: (id) => api.documentRemove(id),
  };
}

/** The desktop {@link Platform} over the preload API. */
export function createElectronPlatform(api: DesktopApi): Platform {
  let counter = 0;
  return {
    kind: 'desktop',
    storage: desktopStorage(api),
    recent: {
      list: () => api.recentList(),
      touch: (entry) =>
        api.recentTouch({ ...entry, updatedAt: Math.max(0, Math.round(entry.updatedAt)) }),
      remove: (id) => api.recentRemove(id),
    },
    files: {
      openFile: (options) =>
        api.fileOpen({ extensions: [...options.extensions], description: options.description }),
      saveFile: (name, bytes, mimeType) => api.fileSave({ name, bytes, mimeType }),
    },
    pdf: {
      async exportPdf(request, onProgress, onWarnings) {
        const requestId = `pdf-${Date.now().toString(36)}-${++counter}`;
        const stop = api.onPdfProgress((event) => {
          if (event.requestId !== requestId) return;
          onProgress?.({ phase: event.phase, fraction: event.fraction });
          if (event.warnings?.length) {
            onWarnings?.(event.warnings.map((message) => ({ code: 'pdf', message, where: '' })));
          }
        });
        try {
          return await api.pdfExport({
            requestId,
            programme: request.programme,
            language: request.language,
          });
        } finally {
          stop();
        }
      },
      warmUp: () => void api.pdfWarmUp().catch(() => undefined),
    },
    dialogs: { confirm: (message) => api.dialogConfirm(message) },
  };
}

/** Desktop-only services beyond the platform interface (menus, language, workshop, links). */
export interface DesktopShell {
  /** Menu commands for the renderer (`file.exportPdf`, `edit.undo`, `edit.redo`, `edit.find`, `workshop.*`, `view.language.<fi|sv|en>`). */
  onMenuCommand(listener: (command: string) => void): () => void;
  /** Main's menus and dialogs follow the UI language. */
  setLanguage(language: 'fi' | 'sv' | 'en'): Promise<void>;
  /** Allow connections to a workshop server: the window reloads with it in its CSP (`?workshop=`). */
  useWorkshopServer(address: string | null): Promise<boolean>;
  /** Open an http(s)/mailto link in the user's browser (validated by main). */
  openExternal(url: string): Promise<boolean>;
  /**
   * Host a workshop for an open document on the local network: the port, the host's local
   * WebSocket URL, `http://<lan address>:<port>` for join links, and the host's and guests' tokens.
   */
  hostWorkshop: DesktopApi['workshopHost'];
  /** A token for one participant (revocable on its own). */
  mintWorkshopToken: DesktopApi['workshopMintToken'];
  /** End the hosted workshop: every token revoked, every connection closed. */
  endWorkshop: DesktopApi['workshopEnd'];
}

/** The desktop shell's extras, or null in a browser. */
export function desktopShell(): DesktopShell | null {
  const api = typeof window === 'undefined' ? undefined : window.linjaus;
  if (!api) return null;
  return {
    onMenuCommand: (listener) => api.onMenuCommand((event) => listener(event.command)),
    setLanguage: (language) => api.uiSetLanguage(language),
    useWorkshopServer: (address) => api.workshopSetServer(address),
    openExternal: (url) => api.externalOpen(url),
    hostWorkshop: (args) => api.workshopHost(args),
    mintWorkshopToken: (args) => api.workshopMintToken(args),
    endWorkshop: (args) => api.workshopEnd(args),
  };
}

/**
 * Install the desktop platform when running in the desktop app; returns false in a browser.
 * Also follows main's "show this document" requests (a file opened into this window).
 */
export function installDesktopPlatform(): boolean {
  const api = typeof window === 'undefined' ? undefined : window.linjaus;
  if (!api) return false;
  installPlatform(createElectronPlatform(api));
  api.onShowDocument(({ documentId }) => {
    window.location.hash = `#/d/${documentId}`;
  });
  return true;
}
