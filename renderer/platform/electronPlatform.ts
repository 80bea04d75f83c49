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
// A type-only import of the preload's API type (declared once, in the shell): no code crosses.
import type { DesktopApi } from '../../electron/main/ipc/api';
import { installPlatform } from './current';
import { DESKTOP_ORIGIN, DesktopStoredDocument } from './desktopDocument';
import type { DocumentStorage, Platform } from './types';

declare global {
  interface Window {
    /** The desktop shell's API (electron/preload); undefined in a browser. */
    readonly linjaus?: DesktopApi;
  }
}

function desktopStorage(api: DesktopApi, open: Set<DesktopStoredDocument>): DocumentStorage {
  const track = (id: string, doc: Y.Doc, attached: boolean) => {
    const stored: DesktopStoredDocument = new DesktopStoredDocument(api, id, doc, attached, () =>
      open.delete(stored),
    );
    open.add(stored);
    return stored;
  };
  return {
    async open(id, doc) {
      const hasContent = Y.encodeStateVector(doc).length > 1;
      // A new document (storeNewDocument): main creates it with its first update.
      if (!hasContent && !(await api.documentExists(id))) return track(id, doc, false);
      const { update } = await api.documentOpen({
        documentId: id,
        state: Y.encodeStateAsUpdate(doc),
      });
      Y.applyUpdate(doc, update, DESKTOP_ORIGIN);
      return track(id, doc, true);
    },
    exists: (id) => api.documentExists(id),
    remove: (id) => api.documentRemove(id),
  };
}

/** The desktop platform, with what main's close/quit path needs from the renderer. */
export interface DesktopPlatform extends Platform {
  /** Store every edit of every open document; ok when all are stored (main's `flushRequest`). */
  flushAll(): Promise<{ ok: boolean; message: string | null }>;
  /** Send every edit main does not have yet, synchronously (the page is going away). */
  handOver(): void;
}

/** The desktop {@link Platform} over the preload API. */
export function createElectronPlatform(api: DesktopApi): DesktopPlatform {
  let counter = 0;
  const open = new Set<DesktopStoredDocument>();
  const flushAll = async () => {
    const docs = [...open];
    await Promise.all(docs.map((d) => d.flush()));
    const problem = docs.map((d) => d.problem()).find((p) => p !== null);
    const ok = docs.every((d) => d.saveState() === 'saved');
    return { ok, message: ok ? null : (problem ?? 'Saving did not finish.').slice(0, 500) };
  };
  // Main closes a window or quits only after this answer (electron/main/lifecycle/).
  api.onFlushRequest(({ requestId }) => {
    void flushAll().then((report) => api.windowFlushed({ requestId, ...report }));
  });
  return {
    kind: 'desktop',
    flushAll,
    handOver: () => open.forEach((d) => d.handOver()),
    storage: desktopStorage(api, open),
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
  /**
   * Allow connections to a workshop server (its `http://` and `ws://` origins, for the API and
   * the socket): the window reloads with it in its CSP (`?workshop=`).
   */
  useWorkshopServer(address: string | null): Promise<boolean>;
  /** Open an http(s)/mailto link in the user's browser (validated by main). */
  openExternal(url: string): Promise<boolean>;
  /**
   * Host a workshop for an open document on the local network (`name` labels the host token):
   * the port, the host's local WebSocket URL, `http://<lan address>:<port>` for join links, and
   * one host token, with which the window creates invites through the server's HTTP API.
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
  const platform = createElectronPlatform(api);
  installPlatform(platform);
  // Closing or reloading the page: edits still queued here go to main at once (synchronously).
  window.addEventListener('beforeunload', () => platform.handOver());
  window.addEventListener('pagehide', () => platform.handOver());
  api.onShowDocument(({ documentId }) => {
    window.location.hash = `#/d/${documentId}`;
  });
  return true;
}
