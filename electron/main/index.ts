/**
 * The desktop app's main process: wires Electron to the Electron-free modules (sessions,
 * controller, handlers, menu spec). Start reading at `start()`.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { getTemplate, templateIds } from '../../core';
import { DesktopController } from './app/controller';
import { registerAppScheme, serveApp } from './app/protocol';
import { DocumentSessions } from './documents/sessions';
import { createUtilityExporter } from './export/index';
import { filesFromArgv } from './files/argv';
import { createNativeDialogs } from './files/nativeDialogs';
import { languageForLocale, type UiLanguage } from './i18n/strings';
import { createWindowLifecycle } from './lifecycle/index';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/index';
import { installMenu } from './menu/index';
import { RecentIndex } from './recent/recentIndex';
import { APP_INDEX_URL, APP_ORIGINS } from './security/appProtocol';
import { cspForPage } from './security/csp';
import { installSecurity, openExternalSafely } from './security/index';
import type { Services } from './services';
import { loadSettings, saveSettings, type AppSettings } from './settings/appSettings';
import { linjausCodec } from './storage/linjausCodec';
import { WindowRegistry } from './windows/registry';
import { createWindows, sendEvent } from './windows/index';
import type { WorkshopHost } from './workshop/host';
import { createUtilityWorkshopHost } from './workshop/index';
import { lanAddresses } from './workshop/lan';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root in development (out/main → ../..); unused in a packaged app. */
const repoRoot = path.resolve(here, '../..');
const devServer =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL
    ? new URL(process.env.ELECTRON_RENDERER_URL).origin
    : null;
const origins = { ...APP_ORIGINS, devServer };

// Started as `electron out/main/index.js` in development, Electron would not read our
// package.json; the name decides the data folder (…/Linjaus).
app.setName('Linjaus');
registerAppScheme();
app.enableSandbox();

// One app instance: a second launch (a double-clicked file) hands its files to the first.
const pendingFiles: string[] = [];
let openFiles: ((files: string[]) => Promise<void>) | null = null;
const queueOrOpen = (files: string[]) =>
  openFiles ? void openFiles(files) : void pendingFiles.push(...files);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  queueOrOpen(filesFromArgv(process.argv, { cwd: process.cwd(), isPackaged: app.isPackaged }));
  app.on('second-instance', (_event, argv, cwd) => {
    const files = filesFromArgv(argv, { cwd, isPackaged: app.isPackaged });
    if (files.length > 0) queueOrOpen(files);
    else BrowserWindow.getAllWindows()[0]?.focus();
  });
  // macOS sends double-clicked files as events, possibly before `ready`.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    queueOrOpen([file]);
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const settingsFile = path.join(dataDir, 'settings.json');
  const settings: AppSettings = await loadSettings(settingsFile);
  let language: UiLanguage = settings.language ?? languageForLocale(app.getLocale());
  const persist = () =>
    void saveSettings(settingsFile, settings).catch((error: unknown) => console.error(error));

  const recent = await RecentIndex.load(path.join(dataDir, 'recent.json'));
  const registry = new WindowRegistry();
  const fileBehind = new Map<string, boolean>();
  const sessions = new DocumentSessions(
    { codec: linjausCodec, unsavedDir: path.join(dataDir, 'unsaved'), recent },
    {
      documentUpdate: (documentId, update, windowIds) =>
        windowIds.forEach((w) => sendEvent(w, 'documentUpdate', { documentId, update })),
      fileState: (documentId, state) => {
        fileBehind.set(documentId, state.isFileBehind);
        windows.refresh();
      },
    },
  );

  const brandsDir = app.isPackaged
    ? path.join(process.resourcesPath, 'brands')
    : path.join(repoRoot, 'templates', 'brands');
  const pdf = createUtilityExporter(path.join(here, 'exportWorker.js'), brandsDir);
  const webDir = app.isPackaged
    ? path.join(process.resourcesPath, 'web')
    : path.join(repoRoot, 'dist', 'web');
  const workshopProcess = createUtilityWorkshopHost(path.join(here, 'workshopWorker.js'), {
    bindHost: '0.0.0.0',
    dataDir: path.join(dataDir, 'workshop'),
    webDir: existsSync(webDir) ? webDir : null,
    allowedHosts: [],
    allowedOrigins: ['app://linjaus', ...(devServer ? [devServer] : [])],
  });
  // Documents this app hosts a workshop for: the menu's Workshop → End follows them.
  const hosted = new Set<string>();
  const workshop: WorkshopHost = {
    ...workshopProcess,
    host: async (documentId, name) => {
      const session = await workshopProcess.host(documentId, name);
      hosted.add(documentId);
      refreshMenu();
      return session;
    },
    end: async (documentId) => {
      const closed = await workshopProcess.end(documentId);
      hosted.delete(documentId);
      refreshMenu();
      return closed;
    },
  };
  const dialogs = createNativeDialogs({ isPackaged: app.isPackaged, language: () => language });
  // Closing a window or quitting flushes the renderers first (lifecycle/windowLifecycle.ts).
  const lifecycle = createWindowLifecycle(sessions, dialogs);

  const refreshMenu = () => {
    const focused = BrowserWindow.getFocusedWindow();
    const entry = focused ? registry.get(focused.id) : undefined;
    installMenu(
      {
        language,
        platform: process.platform,
        recentFiles: recent.list().flatMap((e) => (e.file ? [e.file] : [])),
        templates: templateIds().map((id) => ({ id, name: getTemplate(id).name[language] })),
        hasDocument: Boolean(entry?.documentId),
        isWorkshopActive: entry?.documentId ? hosted.has(entry.documentId) : false,
        isDevelopment: !app.isPackaged,
      },
      {
        main: controller,
        sendToRenderer: (windowId, command) => sendEvent(windowId, 'menuCommand', { command }),
      },
    );
  };

  const windows = createWindows({
    registry,
    pageUrl: devServer ? `${process.env.ELECTRON_RENDERER_URL}` : APP_INDEX_URL,
    preload: path.join(here, '../preload/index.cjs'),
    icon: app.isPackaged ? undefined : path.join(repoRoot, 'build', 'icon.png'),
    language: () => language,
    setLanguage: (next) => {
      language = next;
      settings.language = next;
      persist();
    },
    savedStates: () => settings.windows,
    saveStates: (states) => {
      settings.windows = states;
      persist();
    },
    isFileBehind: (documentId) => fileBehind.get(documentId) ?? false,
    mayClose: (windowId) => lifecycle.mayClose(windowId),
    onWindowClosed: (windowId) => lifecycle.windowClosed(windowId),
    onRendererGone: (windowId) => lifecycle.rendererGone(windowId),
    flushWindow: (windowId) => lifecycle.flushWindow(windowId),
    flushed: (windowId, requestId, report) => lifecycle.flushed(windowId, requestId, report),
    refreshMenu: () => refreshMenu(),
  });

  const controller = new DesktopController({
    sessions,
    recent,
    dialogs,
    windows,
    registry,
    language: () => language,
    setLanguage: async (next) => {
      windows.setLanguage(next);
      for (const entry of registry.all())
        sendEvent(entry.windowId, 'menuCommand', { command: `view.language.${next}` });
    },
    openExternal: async (url) => void (await openExternalSafely(url)),
    flushWindow: (windowId) => lifecycle.flushWindow(windowId),
    appVersion: app.getVersion(),
  });

  const csp = (url: string) => cspForPage(url, { granted: windows.grantedWorkshops, devServer });
  serveApp(path.join(here, '../renderer'), csp);
  installSecurity(origins, csp);

  const services: Services = {
    sessions,
    recent,
    dialogs,
    windows,
    pdf,
    workshop,
    lanAddresses: () => lanAddresses(os.networkInterfaces()),
    openExternal: async (url) => void (await openExternalSafely(url)),
    language: () => language,
  };
  registerIpc(
    createHandlers((windowId, requestId, p) =>
      sendEvent(windowId, 'pdfProgress', { requestId, ...p }),
    ),
    services,
    origins,
  );
  refreshMenu();

  // New documents that were never saved come back after a crash, each in its window.
  for (const documentId of await sessions.unsavedDocuments()) windows.open(documentId);
  openFiles = (files) => controller.openFiles(files);
  if (pendingFiles.length > 0) await controller.openFiles(pendingFiles.splice(0));
  if (BrowserWindow.getAllWindows().length === 0) windows.open(null);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) windows.open(null);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let mayExit = false;
  let quitting = false;
  app.on('before-quit', (event) => {
    if (mayExit) return;
    // Every window's edits are flushed and every document fsynced and compacted first; a window
    // whose edits cannot be stored asks the user, who may cancel the quit. (Closing the windows
    // emits `window-all-closed` → quit again while this runs: that one only waits.)
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    void lifecycle
      .quit()
      .catch((error: unknown) => {
        console.error(error);
        return true;
      })
      .then(async (canExit) => {
        quitting = false;
        if (!canExit) return;
        mayExit = true;
        pdf.dispose();
        await workshop.stop().catch((error: unknown) => console.error(error));
        app.quit();
      });
  });
}
