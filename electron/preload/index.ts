/**
 * The preload: runs sandboxed (CommonJS, no Node), exposes `window.linjaus` through the
 * context bridge — one named function per operation, never `ipcRenderer` itself, and listeners
 * that receive only the payload (never the IPC event, which would leak `sender`).
 *
 * Imports only `electron` and types: a sandboxed preload cannot load other modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DesktopApi, DesktopInvokeApi } from '../main/ipc/api';
import { eventChannel, ipcChannel } from '../shared/channels';
import type { IpcEvents, IpcOperation } from '../shared/contract';

function invoke<K extends IpcOperation>(operation: K): DesktopInvokeApi[K] {
  return ((...args: unknown[]) =>
    ipcRenderer.invoke(ipcChannel(operation), ...args)) as DesktopInvokeApi[K];
}

function subscribe<E extends keyof IpcEvents>(event: E) {
  return (listener: (payload: IpcEvents[E]) => void): (() => void) => {
    const channel = eventChannel(event);
    const wrapped = (_event: IpcRendererEvent, payload: IpcEvents[E]) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.off(channel, wrapped);
  };
}

const api = {
  documentOpen: invoke('documentOpen'),
  documentAppend: invoke('documentAppend'),
  documentFlush: invoke('documentFlush'),
  documentClose: invoke('documentClose'),
  documentExists: invoke('documentExists'),
  documentRemove: invoke('documentRemove'),
  recentList: invoke('recentList'),
  recentTouch: invoke('recentTouch'),
  recentRemove: invoke('recentRemove'),
  fileOpen: invoke('fileOpen'),
  fileSave: invoke('fileSave'),
  pdfExport: invoke('pdfExport'),
  pdfWarmUp: invoke('pdfWarmUp'),
  dialogConfirm: invoke('dialogConfirm'),
  windowSetState: invoke('windowSetState'),
  windowFlushed: invoke('windowFlushed'),
  uiSetLanguage: invoke('uiSetLanguage'),
  externalOpen: invoke('externalOpen'),
  workshopSetServer: invoke('workshopSetServer'),
  workshopHost: invoke('workshopHost'),
  workshopMintToken: invoke('workshopMintToken'),
  workshopEnd: invoke('workshopEnd'),
  onMenuCommand: subscribe('menuCommand'),
  onDocumentUpdate: subscribe('documentUpdate'),
  onPdfProgress: subscribe('pdfProgress'),
  onShowDocument: subscribe('showDocument'),
  onFlushRequest: subscribe('flushRequest'),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('linjaus', api);
