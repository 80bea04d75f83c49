/**
 * What the desktop app does for the user's file commands (menus, double-clicked files, the
 * command line), without Electron: windows and dialogs come in as interfaces, so all of it is
 * tested in Node with real files (tests/integration/electronController.test.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  createProgramme,
  getMeta,
  getTemplate,
  newDocumentId,
  programmeToDoc,
  type Language,
} from '../../../core';
import { FormatError, parseProgrammeJson, readLinjausFile } from '../../../core/format';
import type { DocumentSessions } from '../documents/sessions';
import type { NativeDialogs } from '../files/dialogs';
import { FILE_EXTENSION } from '../files/argv';
import { strings, type Strings, type UiLanguage } from '../i18n/strings';
import type { MainCommandHandlers } from '../menu/commands';
import type { RecentIndex } from '../recent/recentIndex';
import type { WindowRegistry } from '../windows/registry';

/** The windows, as the controller drives them (windows/index.ts implements it with BrowserWindow). */
export interface WindowManager {
  /** Open a new window showing `documentId` (or the start screen); returns its id. */
  open(documentId: string | null): number;
  /** Make an existing window show `documentId` (a start-screen window being reused). */
  show(windowId: number, documentId: string): void;
  focus(windowId: number): void;
  close(windowId: number): void;
  /** Rebuild menus and titles (language, recent files or document state changed). */
  refresh(): void;
}

export interface ControllerDeps {
  readonly sessions: DocumentSessions;
  readonly recent: RecentIndex;
  readonly dialogs: NativeDialogs;
  readonly windows: WindowManager;
  readonly registry: WindowRegistry;
  language(): UiLanguage;
  setLanguage(language: UiLanguage): Promise<void>;
  openExternal(url: string): Promise<void>;
  /**
   * Have the window's renderer hand over the edits still queued in it (lifecycle/), so Save
   * writes what the user typed just before choosing it. Absent: nothing is asked.
   */
  flushWindow?(windowId: number): Promise<unknown>;
  readonly appVersion: string;
}

const GUIDE_URL = 'https://github.com/linjaus/linjaus#readme';

export class DesktopController implements MainCommandHandlers {
  constructor(private readonly deps: ControllerDeps) {}

  private get t(): Strings {
    return strings(this.deps.language());
  }

  /**
   * Open a `.linjaus` file: focus its window if it is already open; otherwise open it into the
   * start-screen window or a new one. A bad file is explained to the user and left untouched.
   */
  async openFile(file: string): Promise<void> {
    const { sessions, registry, windows, dialogs } = this.deps;
    let real: string;
    try {
      real = await fs.realpath(file);
    } catch {
      await dialogs.inform(null, {
        kind: 'error',
        title: this.t.cannotOpen,
        message: path.basename(file),
        detail: file,
      });
      return;
    }
    const open = registry.findByFile(real);
    if (open) return windows.focus(open.windowId);
    let documentId: string;
    try {
      const bytes = new Uint8Array(await fs.readFile(real));
      const id = readLinjausFile(bytes, { fileName: path.basename(real) }).manifest.documentId;
      const sameDocument = registry.findByDocument(id);
      if (sameDocument) {
        // Another copy of a document that is open: merging is an explicit choice (CLI `merge`).
        await dialogs.inform(sameDocument.windowId, {
          kind: 'info',
          title: this.t.cannotOpen,
          message: this.t.sameDocumentOpen,
          detail: real,
        });
        return windows.focus(sameDocument.windowId);
      }
      ({ documentId } = await sessions.openFile(real));
    } catch (error) {
      await this.explain(error, this.t.cannotOpen, real);
      return;
    }
    this.showInWindow(documentId, real);
  }

  /** File → Open: a native dialog, then {@link openFile}. */
  async open(): Promise<void> {
    const file = await this.deps.dialogs.chooseOpen(null, {
      filters: [{ name: this.t.linjausFiles, extensions: ['linjaus'] }],
    });
    if (file !== null) await this.openFile(file);
  }

  /** File → New from template: a new document, stored in the app's data folder until saved. */
  async newFromTemplate(templateId: string): Promise<void> {
    const language = this.deps.language() as Language;
    const doc = createProgramme(getTemplate(templateId), { language });
    const documentId = await this.deps.sessions.createNew(doc);
    this.showInWindow(documentId, null);
  }

  /** File → Import JSON: a programme in the interchange format becomes a new, unsaved document. */
  async importJson(): Promise<void> {
    const { dialogs, sessions, registry, windows } = this.deps;
    const file = await dialogs.chooseOpen(null, {
      filters: [{ name: this.t.jsonFiles, extensions: ['json'] }],
    });
    if (file === null) return;
    let documentId: string;
    try {
      const programme = parseProgrammeJson(await fs.readFile(file, 'utf8'), path.basename(file));
      const open = registry.findByDocument(programme.id);
      if (open) return windows.focus(open.windowId);
      documentId = await sessions.createNew(programmeToDoc(programme));
    } catch (error) {
      await this.explain(error, this.t.cannotOpen, file);
      return;
    }
    this.showInWindow(documentId, null);
  }

  /** File → Save: write the file now; a new document asks where (Save as). */
  async save(windowId: number): Promise<void> {
    const entry = this.deps.registry.get(windowId);
    if (!entry?.documentId) return;
    if (entry.file === null) return this.saveAs(windowId);
    await this.deps.flushWindow?.(windowId);
    try {
      const saved = await this.deps.sessions.save(entry.documentId);
      if (!saved)
        await this.deps.dialogs.inform(windowId, {
          kind: 'error',
          title: this.t.cannotSave,
          message: this.t.fileReplaced,
        });
    } catch (error) {
      await this.explain(error, this.t.cannotSave, entry.file, windowId);
    }
    this.deps.windows.refresh();
  }

  /** File → Save as: the same document (same id) at a new path. */
  saveAs(windowId: number): Promise<void> {
    return this.saveTo(windowId, false);
  }

  /** File → Save as a separate document: a copy with a new document id (it will not merge with the original). */
  saveAsNew(windowId: number): Promise<void> {
    return this.saveTo(windowId, true);
  }

  async close(windowId: number): Promise<void> {
    this.deps.windows.close(windowId);
  }

  async clearRecent(): Promise<void> {
    await this.deps.recent.clear();
    this.deps.windows.refresh();
  }

  async setLanguage(language: UiLanguage): Promise<void> {
    await this.deps.setLanguage(language);
    this.deps.windows.refresh();
  }

  async openGuide(): Promise<void> {
    await this.deps.openExternal(GUIDE_URL);
  }

  async about(): Promise<void> {
    await this.deps.dialogs.inform(null, {
      kind: 'info',
      title: this.t.about,
      message: `Linjaus ${this.deps.appVersion}`,
    });
  }

  /** Open the files named on the command line or by the OS (double-click), one after another. */
  async openFiles(files: readonly string[]): Promise<void> {
    for (const file of files) await this.openFile(file);
  }

  private async saveTo(windowId: number, isNewDocument: boolean): Promise<void> {
    const { registry, dialogs, sessions, windows } = this.deps;
    const entry = registry.get(windowId);
    if (!entry?.documentId) return;
    await this.deps.flushWindow?.(windowId);
    // Characters no file system accepts in a name (and control characters) become spaces.
    /* eslint-disable no-control-regex */
    const title =
      getMeta(sessions.store(entry.documentId)!.doc)
        .title.replace(/[/\\:*?"<>|\u0000-\u001f]/g, ' ')
        .trim() || this.t.untitled;
    /* eslint-enable no-control-regex */
    const chosen = await dialogs.chooseSave(windowId, {
      defaultName: `${title}${FILE_EXTENSION}`,
      filters: [{ name: this.t.linjausFiles, extensions: ['linjaus'] }],
    });
    if (chosen === null) return;
    const target = chosen.toLowerCase().endsWith(FILE_EXTENSION)
      ? chosen
      : `${chosen}${FILE_EXTENSION}`;
    const other = registry.findByFile(await fs.realpath(target).catch(() => path.resolve(target)));
    if (other && other.windowId !== windowId) {
      await dialogs.inform(windowId, {
        kind: 'error',
        title: this.t.cannotSave,
        message: this.t.targetIsOpen,
        detail: target,
      });
      return;
    }
    try {
      const documentId = await sessions.saveAs(
        entry.documentId,
        target,
        isNewDocument ? { newDocumentId: newDocumentId() } : {},
      );
      entry.documentId = documentId;
      entry.file = await fs.realpath(target);
    } catch (error) {
      await this.explain(error, this.t.cannotSave, target, windowId);
    }
    windows.refresh();
  }

  private showInWindow(documentId: string, file: string | null): void {
    const { registry, windows } = this.deps;
    const empty = registry.findEmpty();
    const windowId = empty ? empty.windowId : windows.open(documentId);
    const entry = registry.get(windowId) ?? registry.add(windowId);
    entry.documentId = documentId;
    entry.file = file;
    if (empty) windows.show(windowId, documentId);
    windows.focus(windowId);
    windows.refresh();
  }

  /** Tell the user what went wrong, in their language; the technical message goes in the details. */
  private async explain(
    error: unknown,
    title: string,
    file: string,
    windowId: number | null = null,
  ): Promise<void> {
    const message =
      error instanceof FormatError
        ? this.t.formatErrors[error.code]
        : error instanceof Error
          ? error.message
          : String(error);
    const detail = error instanceof Error ? error.message : String(error);
    await this.deps.dialogs.inform(windowId, {
      kind: 'error',
      title,
      message: `${path.basename(file)}: ${message}`,
      detail,
    });
  }
}
