/**
 * The application menu as plain data (pure): built from the UI language, the platform, the
 * recent files and the templates. menu/index.ts turns it into an Electron `Menu`, wiring each
 * item's {@link MenuCommand} to {@link routeMenuCommand}.
 */
import path from 'node:path';
import { strings, type UiLanguage } from '../i18n/strings';
import type { MenuCommand } from './commands';

/** One menu item, independent of Electron. `role` names are Electron's built-in roles. */
export interface MenuItemSpec {
  readonly label?: string;
  readonly command?: MenuCommand;
  readonly role?:
    | 'cut'
    | 'copy'
    | 'paste'
    | 'selectAll'
    | 'reload'
    | 'toggleDevTools'
    | 'zoomIn'
    | 'zoomOut'
    | 'resetZoom'
    | 'togglefullscreen'
    | 'quit'
    | 'appMenu';
  readonly accelerator?: string;
  readonly type?: 'separator' | 'radio';
  readonly checked?: boolean;
  readonly enabled?: boolean;
  readonly submenu?: readonly MenuItemSpec[];
}

export interface MenuInput {
  readonly language: UiLanguage;
  readonly platform: NodeJS.Platform;
  /** Recent files, newest first. */
  readonly recentFiles: readonly string[];
  /** Template ids with their names in the UI language. */
  readonly templates: readonly { readonly id: string; readonly name: string }[];
  /** True when the focused window shows a document (Save, Export … are enabled). */
  readonly hasDocument: boolean;
  readonly isWorkshopActive: boolean;
  /** Development builds show Reload and the developer tools. */
  readonly isDevelopment: boolean;
}

const separator: MenuItemSpec = { type: 'separator' };

/** The whole menu bar. */
export function buildMenu(input: MenuInput): MenuItemSpec[] {
  const t = strings(input.language);
  const doc = input.hasDocument;
  const file: MenuItemSpec = {
    label: t.file,
    submenu: [
      {
        label: t.newFromTemplate,
        submenu: input.templates.map((tpl) => ({
          label: tpl.name,
          command: { type: 'file.new', templateId: tpl.id },
        })),
      },
      { label: t.open, accelerator: 'CmdOrCtrl+O', command: { type: 'file.open' } },
      {
        label: t.openRecent,
        submenu:
          input.recentFiles.length === 0
            ? [{ label: t.noRecent, enabled: false }]
            : [
                ...input.recentFiles.slice(0, 10).map((file): MenuItemSpec => ({
                  label: path.basename(file),
                  command: { type: 'file.openRecent', file },
                })),
                separator,
                { label: t.clearRecent, command: { type: 'file.clearRecent' } },
              ],
      },
      separator,
      { label: t.save, accelerator: 'CmdOrCtrl+S', enabled: doc, command: { type: 'file.save' } },
      {
        label: t.saveAs,
        accelerator: 'CmdOrCtrl+Shift+S',
        enabled: doc,
        command: { type: 'file.saveAs' },
      },
      { label: t.saveAsNew, enabled: doc, command: { type: 'file.saveAsNew' } },
      separator,
      {
        label: t.exportPdf,
        accelerator: 'CmdOrCtrl+P',
        enabled: doc,
        command: { type: 'file.exportPdf' },
      },
      { label: t.importJson, command: { type: 'file.importJson' } },
      separator,
      { label: t.close, accelerator: 'CmdOrCtrl+W', command: { type: 'file.close' } },
      ...(input.platform === 'darwin'
        ? []
        : [separator, { label: t.quit, role: 'quit' } satisfies MenuItemSpec]),
    ],
  };
  const edit: MenuItemSpec = {
    label: t.edit,
    submenu: [
      // Undo/redo go to the renderer's Yjs UndoManager (own edits only), not to Chromium's.
      { label: t.undo, accelerator: 'CmdOrCtrl+Z', enabled: doc, command: { type: 'edit.undo' } },
      {
        label: t.redo,
        accelerator: input.platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z',
        enabled: doc,
        command: { type: 'edit.redo' },
      },
      separator,
      { label: t.cut, role: 'cut' },
      { label: t.copy, role: 'copy' },
      { label: t.paste, role: 'paste' },
      { label: t.selectAll, role: 'selectAll' },
      separator,
      { label: t.find, accelerator: 'CmdOrCtrl+F', enabled: doc, command: { type: 'edit.find' } },
    ],
  };
  const languages: { id: UiLanguage; label: string }[] = [
    { id: 'fi', label: 'Suomi' },
    { id: 'sv', label: 'Svenska' },
    { id: 'en', label: 'English' },
  ];
  const view: MenuItemSpec = {
    label: t.view,
    submenu: [
      {
        label: t.language,
        submenu: languages.map((l) => ({
          label: l.label,
          type: 'radio',
          checked: l.id === input.language,
          command: { type: 'view.language', language: l.id },
        })),
      },
      separator,
      { label: t.zoomIn, role: 'zoomIn' },
      { label: t.zoomOut, role: 'zoomOut' },
      { label: t.resetZoom, role: 'resetZoom' },
      { label: t.fullScreen, role: 'togglefullscreen' },
      ...(input.isDevelopment
        ? [
            separator,
            { label: t.reload, role: 'reload' } as const,
            { label: t.toggleDevTools, role: 'toggleDevTools' } as const,
          ]
        : []),
    ],
  };
  const workshop: MenuItemSpec = {
    label: t.workshop,
    submenu: [
      {
        label: t.hostWorkshop,
        enabled: doc && !input.isWorkshopActive,
        command: { type: 'workshop.host' },
      },
      {
        label: t.joinWorkshop,
        enabled: !input.isWorkshopActive,
        command: { type: 'workshop.join' },
      },
      { label: t.endWorkshop, enabled: input.isWorkshopActive, command: { type: 'workshop.end' } },
    ],
  };
  const help: MenuItemSpec = {
    label: t.help,
    submenu: [
      { label: t.userGuide, command: { type: 'help.guide' } },
      { label: t.about, command: { type: 'help.about' } },
    ],
  };
  return [
    ...(input.platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemSpec] : []),
    file,
    edit,
    view,
    workshop,
    help,
  ];
}

/** Every item of a menu, depth first (for lookups and tests). */
export function flattenMenu(items: readonly MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...flattenMenu(item.submenu ?? [])]);
}
