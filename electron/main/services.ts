/**
 * What the IPC handlers may use. The handlers (`<feature>/handlers.ts`) see only these
 * interfaces; main/index.ts provides the Electron-backed implementations. Keeping Electron out of
 * the handlers keeps them type-checked against the contract and loadable in Node.
 */
import type { Language } from '../../core';
import type { DocumentSessions } from './documents/sessions';
import type { NativeDialogs } from './files/dialogs';
import type { UiLanguage } from './i18n/strings';
import type { FlushReport } from './lifecycle/windowLifecycle';
import type { RecentIndex } from './recent/recentIndex';
import type { PdfExportService } from './export/service';
import type { WorkshopHost } from './workshop/host';

export type { FlushReport } from './lifecycle/windowLifecycle';

/** Window operations the handlers need. */
export interface WindowService {
  /** The renderer reports its document title and whether edits are still in flight. */
  setRendererState(windowId: number, state: { title: string; isDirty: boolean }): void;
  /** The renderer's answer to a flush request (see lifecycle/windowLifecycle.ts). */
  flushed(windowId: number, requestId: string, report: FlushReport): void;
  /** Record which document a window shows (after it attached). */
  setDocument(windowId: number, documentId: string | null): void;
  /** Allow the window to connect to a (validated) workshop server, or to none: reloads it with that CSP. */
  setWorkshopServer(windowId: number, address: string | null): void;
  setLanguage(language: UiLanguage): void;
  /** Focus the window that shows the file at `realPath`; false when no window shows it. */
  focusWindowOfFile(realPath: string): boolean;
}

export interface Services {
  readonly sessions: DocumentSessions;
  readonly recent: RecentIndex;
  readonly dialogs: NativeDialogs;
  readonly windows: WindowService;
  readonly pdf: PdfExportService;
  /** The workshop server process (started on first use). */
  readonly workshop: WorkshopHost;
  /** This machine's addresses on the local network (for join links). */
  lanAddresses(): string[];
  /** Open a validated URL in the user's browser or mail program. */
  openExternal(url: string): Promise<void>;
  /** The UI language (main's menus and dialogs follow the renderer's choice). */
  language(): Language;
}

/** What a handler knows about its call. */
export interface HandlerContext {
  /** The window that made the call. */
  readonly windowId: number;
  readonly services: Services;
}
