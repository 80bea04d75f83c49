/**
 * The API the preload exposes to the renderer as `window.linjaus`, derived from the contract's
 * argument schemas and the handlers' return types — declared once (STYLE.md §4). The renderer's
 * electronPlatform imports this type only.
 */
import type { IpcArgs, IpcEvents, IpcOperation } from '../../shared/contract';
import type { Handlers } from './handlers';

/** One function per IPC operation. */
export type DesktopInvokeApi = {
  readonly [K in IpcOperation]: (...args: IpcArgs<K>) => Promise<Awaited<ReturnType<Handlers[K]>>>;
};

/** One subscription function per main → renderer event; each returns its unsubscribe function. */
export interface DesktopEventApi {
  onMenuCommand(listener: (event: IpcEvents['menuCommand']) => void): () => void;
  onDocumentUpdate(listener: (event: IpcEvents['documentUpdate']) => void): () => void;
  onPdfProgress(listener: (event: IpcEvents['pdfProgress']) => void): () => void;
  onShowDocument(listener: (event: IpcEvents['showDocument']) => void): () => void;
  onFlushRequest(listener: (event: IpcEvents['flushRequest']) => void): () => void;
}

/** `window.linjaus` in the desktop app. */
export type DesktopApi = DesktopInvokeApi & DesktopEventApi;
