/** Builds the Electron application menu from the pure menu spec and routes its commands. */
import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { routeMenuCommand, type CommandTarget } from './commands';
import { buildMenu, type MenuInput, type MenuItemSpec } from './template';

function toElectron(item: MenuItemSpec, target: CommandTarget): MenuItemConstructorOptions {
  const { command } = item;
  return {
    label: item.label,
    role: item.role,
    type: item.type ?? (item.submenu ? 'submenu' : 'normal'),
    accelerator: item.accelerator,
    checked: item.checked,
    enabled: item.enabled ?? true,
    submenu: item.submenu?.map((child) => toElectron(child, target)),
    click: command
      ? () => {
          const focused = BrowserWindow.getFocusedWindow();
          void routeMenuCommand(command, focused?.id ?? null, target);
        }
      : undefined,
  };
}

/** Install the menu for the current state (call again when language, recent files or focus change). */
export function installMenu(input: MenuInput, target: CommandTarget): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenu(input).map((item) => toElectron(item, target))),
  );
}
