/**
 * The real native dialogs (Electron's `dialog`), behind the {@link NativeDialogs} seam. In an
 * unpackaged app, `LINJAUS_DIALOG_SCRIPT` (a JSON {@link DialogScript}) answers them instead, so an
 * end-to-end run can open and save files without a person at the keyboard.
 */
import { readFileSync } from 'node:fs';
import { BrowserWindow, dialog } from 'electron';
import { scriptedDialogs, type DialogScript, type NativeDialogs } from './dialogs';
import { strings, type UiLanguage } from '../i18n/strings';

const parent = (windowId: number | null) =>
  windowId === null ? undefined : (BrowserWindow.fromId(windowId) ?? undefined);

export function createNativeDialogs(options: {
  isPackaged: boolean;
  language: () => UiLanguage;
}): NativeDialogs {
  const scriptFile = process.env.LINJAUS_DIALOG_SCRIPT;
  if (scriptFile && !options.isPackaged)
    return scriptedDialogs(JSON.parse(readFileSync(scriptFile, 'utf8')) as DialogScript);
  const withParent = <T>(
    windowId: number | null,
    run: (w: BrowserWindow | undefined) => Promise<T>,
  ) => run(parent(windowId));
  return {
    chooseOpen: (windowId, o) =>
      withParent(windowId, async (w) => {
        const opts = {
          title: o.title,
          properties: ['openFile' as const],
          filters: o.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        };
        const result = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }),
    chooseSave: (windowId, o) =>
      withParent(windowId, async (w) => {
        const opts = {
          defaultPath: o.defaultName,
          filters: o.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        };
        const result = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
        return result.canceled || !result.filePath ? null : result.filePath;
      }),
    confirm: (windowId, message) =>
      withParent(windowId, async (w) => {
        const t = strings(options.language());
        const opts = {
          type: 'question' as const,
          message,
          buttons: [t.yes, t.no],
          defaultId: 0,
          cancelId: 1,
        };
        const result = w ? await dialog.showMessageBox(w, opts) : await dialog.showMessageBox(opts);
        return result.response === 0;
      }),
    confirmDiscard: (windowId, problem) =>
      withParent(windowId, async (w) => {
        const t = strings(options.language());
        const opts = {
          type: 'warning' as const,
          message: t.unsavedEdits,
          detail: t.unsavedEditsDetail(problem),
          buttons: [t.keepOpen, t.closeAndDiscard],
          defaultId: 0,
          cancelId: 0,
        };
        const result = w ? await dialog.showMessageBox(w, opts) : await dialog.showMessageBox(opts);
        return result.response === 1;
      }),
    inform: (windowId, o) =>
      withParent(windowId, async (w) => {
        const opts = {
          type: o.kind,
          title: o.title,
          message: o.message,
          detail: o.detail,
          buttons: [strings(options.language()).ok],
        };
        if (w) await dialog.showMessageBox(w, opts);
        else await dialog.showMessageBox(opts);
      }),
  };
}
