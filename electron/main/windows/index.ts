/**
 * Document windows (Electron glue): one BrowserWindow per document with the secure
 * webPreferences of Electron's checklist, remembered size and position, a title with the unsaved
 * marker, and the per-window workshop server that the window's CSP allows.
 */
import { BrowserWindow, screen } from 'electron';
import type { WindowManager } from '../app/controller';
import { eventChannel, type IpcEvents } from '../../shared/contract';
import type { UiLanguage } from '../i18n/strings';
import type { FlushReport } from '../services';
import type { WindowService } from '../services';
import { MIN_SIZE, placeWindow, rememberWindow, type WindowState } from './bounds';
import type { WindowRegistry } from './registry';
import { windowTitle } from './title';

export interface WindowsOptions {
  readonly registry: WindowRegistry;
  /** The app page: `app://linjaus/index.html` or the dev server's URL. */
  readonly pageUrl: string;
  readonly preload: string;
  readonly icon?: string;
  language(): UiLanguage;
  setLanguage(language: UiLanguage): void;
  savedStates(): Record<string, WindowState>;
  saveStates(states: Record<string, WindowState>): void;
  /** Whether the document's file lags its log (from the sessions' fileState events). */
  isFileBehind(documentId: string): boolean;
  /** The window's `close` event: false when it must wait (its edits are flushed first, lifecycle/). */
  mayClose(windowId: number): boolean;
  onWindowClosed(windowId: number): void;
  /** The window's renderer crashed or was killed. */
  onRendererGone(windowId: number): void;
  /** Resolves when the window's renderer has handed over its edits (before a reload). */
  flushWindow(windowId: number): Promise<unknown>;
  /** The renderer's answer to a flush request. */
  flushed(windowId: number, requestId: string, report: FlushReport): void;
  refreshMenu(): void;
}

interface WindowInfo {
  title: string | null;
  isDirty: boolean;
  workshop: string | null;
}

/** Send an event to a window's renderer. */
export function sendEvent<E extends keyof IpcEvents>(
  windowId: number,
  event: E,
  payload: IpcEvents[E],
): void {
  const window = BrowserWindow.fromId(windowId);
  if (window && !window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
}

export function createWindows(
  options: WindowsOptions,
): WindowManager & WindowService & { readonly grantedWorkshops: ReadonlySet<string> } {
  const info = new Map<number, WindowInfo>();
  const grantedWorkshops = new Set<string>();

  const urlFor = (documentId: string | null, workshop: string | null = null): string => {
    // The renderer routes by hash (renderer/app/router.ts: `#/d/<id>`).
    const url = new URL(options.pageUrl);
    if (workshop) url.searchParams.set('workshop', workshop);
    url.hash = documentId ? `#/d/${documentId}` : '#/';
    return url.href;
  };

  const updateTitle = (windowId: number): void => {
    const window = BrowserWindow.fromId(windowId);
    const entry = options.registry.get(windowId);
    const state = info.get(windowId);
    if (!window || !entry || !state) return;
    const isDirty =
      state.isDirty || (entry.documentId !== null && options.isFileBehind(entry.documentId));
    window.setTitle(
      windowTitle({
        documentTitle: entry.documentId ? (state.title ?? '') : null,
        isDirty,
        language: options.language(),
      }),
    );
    if (process.platform === 'darwin') {
      window.setDocumentEdited(isDirty);
      window.setRepresentedFilename(entry.file ?? '');
    }
  };

  const remember = (window: BrowserWindow, documentId: string | null): void => {
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, isMaximized: window.isMaximized() };
    options.saveStates(rememberWindow(options.savedStates(), documentId ?? 'last', state));
  };

  const manager = {
    open(documentId: string | null): number {
      const saved = options.savedStates();
      const occupied = BrowserWindow.getAllWindows().map((w) => w.getBounds());
      const place = placeWindow(
        saved[documentId ?? 'last'] ?? saved.last,
        screen.getAllDisplays().map((d) => d.workArea),
        occupied,
      );
      const window = new BrowserWindow({
        x: place.x,
        y: place.y,
        width: place.width,
        height: place.height,
        minWidth: MIN_SIZE.width,
        minHeight: MIN_SIZE.height,
        show: false,
        title: 'Linjaus',
        backgroundColor: '#f6f5f1',
        icon: options.icon,
        webPreferences: {
          preload: options.preload,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          webviewTag: false,
          navigateOnDragDrop: false,
          safeDialogs: true,
          disableBlinkFeatures: 'Auxclick',
          spellcheck: true,
        },
      });
      const windowId = window.id;
      options.registry.add(windowId).documentId = documentId;
      info.set(windowId, { title: null, isDirty: false, workshop: null });
      window.once('ready-to-show', () => {
        if (place.isMaximized) window.maximize();
        window.show();
      });
      window.on('focus', () => options.refreshMenu());
      window.on('close', (event) => {
        remember(window, options.registry.get(windowId)?.documentId ?? null);
        if (!options.mayClose(windowId)) event.preventDefault();
      });
      let crashReloads = 0;
      window.webContents.on('render-process-gone', (_event, details) => {
        options.onRendererGone(windowId);
        if (details.reason === 'clean-exit' || window.isDestroyed()) return;
        // Edits still queued in the dead renderer are gone (never reported saved); everything
        // saved is in the log: reload shows it. Limited, so a crash on load does not loop.
        console.error(`Window ${windowId}: renderer ${details.reason}; reloading.`);
        if (++crashReloads <= 3) window.webContents.reload();
      });
      window.on('closed', () => {
        info.delete(windowId);
        options.registry.remove(windowId);
        options.onWindowClosed(windowId);
        options.refreshMenu();
      });
      void window.loadURL(urlFor(documentId));
      return windowId;
    },
    show(windowId: number, documentId: string): void {
      sendEvent(windowId, 'showDocument', { documentId });
    },
    focus(windowId: number): void {
      const window = BrowserWindow.fromId(windowId);
      if (!window) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    close(windowId: number): void {
      BrowserWindow.fromId(windowId)?.close();
    },
    refresh(): void {
      for (const entry of options.registry.all()) updateTitle(entry.windowId);
      options.refreshMenu();
    },
    flushed(windowId: number, requestId: string, report: FlushReport): void {
      options.flushed(windowId, requestId, report);
    },
    setRendererState(windowId: number, state: { title: string; isDirty: boolean }): void {
      const current = info.get(windowId);
      if (!current) return;
      current.title = state.title;
      current.isDirty = state.isDirty;
      updateTitle(windowId);
    },
    setDocument(windowId: number, documentId: string | null): void {
      const entry = options.registry.get(windowId);
      if (entry) entry.documentId = documentId;
      updateTitle(windowId);
      options.refreshMenu();
    },
    setWorkshopServer(windowId: number, address: string | null): void {
      const current = info.get(windowId);
      const window = BrowserWindow.fromId(windowId);
      if (!current || !window || current.workshop === address) return;
      current.workshop = address;
      if (address !== null) grantedWorkshops.add(address);
      // A page's CSP is fixed when it loads: reload with the new connect-src, once the renderer
      // has handed over its edits. The `workshop` parameter tells the renderer to reconnect.
      void options.flushWindow(windowId).then(() => {
        if (window.isDestroyed()) return;
        void window.loadURL(urlFor(options.registry.get(windowId)?.documentId ?? null, address));
      });
    },
    focusWindowOfFile(realPath: string): boolean {
      const entry = options.registry.findByFile(realPath);
      if (!entry) return false;
      manager.focus(entry.windowId);
      return true;
    },
    setLanguage(language: UiLanguage): void {
      options.setLanguage(language);
      manager.refresh();
    },
    grantedWorkshops,
  };
  return manager;
}
