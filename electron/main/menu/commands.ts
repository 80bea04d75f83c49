/**
 * Menu commands and where each goes (pure). Main carries out what needs files, dialogs or
 * windows; the renderer gets what lives in the document UI (export dialog, undo of the user's
 * own edits, find, workshop panels).
 */
import type { UiLanguage } from '../i18n/strings';

/** A command a menu item (or a keyboard accelerator) issues. */
export type MenuCommand =
  | { readonly type: 'file.new'; readonly templateId: string }
  | { readonly type: 'file.open' }
  | { readonly type: 'file.openRecent'; readonly file: string }
  | { readonly type: 'file.clearRecent' }
  | { readonly type: 'file.save' }
  | { readonly type: 'file.saveAs' }
  | { readonly type: 'file.saveAsNew' }
  | { readonly type: 'file.exportPdf' }
  | { readonly type: 'file.importJson' }
  | { readonly type: 'file.close' }
  | { readonly type: 'edit.undo' }
  | { readonly type: 'edit.redo' }
  | { readonly type: 'edit.find' }
  | { readonly type: 'view.language'; readonly language: UiLanguage }
  | { readonly type: 'workshop.host' }
  | { readonly type: 'workshop.join' }
  | { readonly type: 'workshop.end' }
  | { readonly type: 'help.guide' }
  | { readonly type: 'help.about' };

/** Commands the renderer carries out, sent to the focused window as `menuCommand` events. */
export const RENDERER_COMMANDS = [
  'file.exportPdf',
  'edit.undo',
  'edit.redo',
  'edit.find',
  'workshop.host',
  'workshop.join',
  'workshop.end',
] as const;
export type RendererCommand = (typeof RENDERER_COMMANDS)[number];

/** What main does for the commands it handles itself. `windowId` is the focused window, if any. */
export interface MainCommandHandlers {
  newFromTemplate(templateId: string): Promise<void>;
  open(): Promise<void>;
  openFile(file: string): Promise<void>;
  clearRecent(): Promise<void>;
  save(windowId: number): Promise<void>;
  saveAs(windowId: number): Promise<void>;
  saveAsNew(windowId: number): Promise<void>;
  importJson(): Promise<void>;
  close(windowId: number): Promise<void>;
  setLanguage(language: UiLanguage): Promise<void>;
  openGuide(): Promise<void>;
  about(): Promise<void>;
}

/** Where a command is carried out. */
export interface CommandTarget {
  readonly main: MainCommandHandlers;
  /** Send a command to the renderer of a window. */
  sendToRenderer(windowId: number, command: RendererCommand): void;
}

const isRendererCommand = (type: string): type is RendererCommand =>
  (RENDERER_COMMANDS as readonly string[]).includes(type);

/**
 * Carry out a command. Commands that act on a document do nothing without a focused window.
 *
 * @example
 * await routeMenuCommand({ type: 'file.save' }, focusedWindowId, target);
 */
export async function routeMenuCommand(
  command: MenuCommand,
  windowId: number | null,
  target: CommandTarget,
): Promise<void> {
  if (isRendererCommand(command.type)) {
    if (windowId !== null) target.sendToRenderer(windowId, command.type);
    return;
  }
  const { main } = target;
  switch (command.type) {
    case 'file.new':
      return main.newFromTemplate(command.templateId);
    case 'file.open':
      return main.open();
    case 'file.openRecent':
      return main.openFile(command.file);
    case 'file.clearRecent':
      return main.clearRecent();
    case 'file.importJson':
      return main.importJson();
    case 'view.language':
      return main.setLanguage(command.language);
    case 'help.guide':
      return main.openGuide();
    case 'help.about':
      return main.about();
    case 'file.save':
      return windowId === null ? undefined : main.save(windowId);
    case 'file.saveAs':
      return windowId === null ? undefined : main.saveAs(windowId);
    case 'file.saveAsNew':
      return windowId === null ? undefined : main.saveAsNew(windowId);
    case 'file.close':
      return windowId === null ? undefined : main.close(windowId);
    default:
      return undefined;
  }
}
