import { describe, expect, it } from 'vitest';
import {
  routeMenuCommand,
  type CommandTarget,
  type MainCommandHandlers,
  type MenuCommand,
} from '../../electron/main/menu/commands';
import { buildMenu, flattenMenu, type MenuInput } from '../../electron/main/menu/template';

const input = (over: Partial<MenuInput> = {}): MenuInput => ({
  language: 'fi',
  platform: 'linux',
  recentFiles: ['/home/a/Elinvoimaohjelma.linjaus'],
  templates: [
    { id: 'elinvoimaohjelma', name: 'Elinvoimaohjelma' },
    { id: 'hankesuunnitelma', name: 'Hankesuunnitelma' },
  ],
  hasDocument: true,
  isWorkshopActive: false,
  isDevelopment: false,
  ...over,
});

/** A target that records what was carried out where. */
function recorder() {
  const calls: string[] = [];
  const main = new Proxy({} as MainCommandHandlers, {
    get:
      (_t, name: string) =>
      async (...args: unknown[]) =>
        void calls.push(`main.${name}(${args.map((a) => JSON.stringify(a)).join(',')})`),
  });
  const target: CommandTarget = {
    main,
    sendToRenderer: (w, c) => void calls.push(`renderer[${w}].${c}`),
  };
  return { calls, target };
}

describe('buildMenu', () => {
  it('has File, Edit, View, Workshop and Help in Finnish by default, and in Swedish and English', () => {
    expect(buildMenu(input()).map((m) => m.label)).toEqual([
      'Tiedosto',
      'Muokkaa',
      'Näytä',
      'Työpaja',
      'Ohje',
    ]);
    expect(buildMenu(input({ language: 'sv' })).map((m) => m.label)).toEqual([
      'Arkiv',
      'Redigera',
      'Visa',
      'Workshop',
      'Hjälp',
    ]);
    expect(buildMenu(input({ language: 'en' })).map((m) => m.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Workshop',
      'Help',
    ]);
  });

  it('lists the File commands the issue names, in order', () => {
    const file = buildMenu(input({ language: 'en' }))[0]!;
    const labels = (file.submenu ?? []).filter((i) => i.label).map((i) => i.label);
    expect(labels).toEqual([
      'New from Template',
      'Open…',
      'Open Recent',
      'Save',
      'Save As…',
      'Save As Separate Document…',
      'Export PDF…',
      'Import JSON…',
      'Close',
      'Quit',
    ]);
  });

  it('offers every template under New from template and every recent file under Open recent', () => {
    const items = flattenMenu(buildMenu(input()));
    expect(items.filter((i) => i.command?.type === 'file.new').map((i) => i.label)).toEqual([
      'Elinvoimaohjelma',
      'Hankesuunnitelma',
    ]);
    expect(items.find((i) => i.command?.type === 'file.openRecent')?.label).toBe(
      'Elinvoimaohjelma.linjaus',
    );
  });

  it('disables document commands when no document is open, and workshop items by session state', () => {
    const items = flattenMenu(buildMenu(input({ hasDocument: false, isWorkshopActive: true })));
    const byType = (type: string) => items.find((i) => i.command?.type === type);
    expect(byType('file.save')?.enabled).toBe(false);
    expect(byType('file.exportPdf')?.enabled).toBe(false);
    expect(byType('workshop.end')?.enabled).toBe(true);
    expect(byType('workshop.join')?.enabled).toBe(false);
  });

  it('puts the app menu first and Quit there on macOS', () => {
    const menu = buildMenu(input({ platform: 'darwin' }));
    expect(menu[0]?.role).toBe('appMenu');
    expect(flattenMenu(menu).some((i) => i.role === 'quit')).toBe(false);
  });

  it('shows developer tools only in development', () => {
    expect(flattenMenu(buildMenu(input())).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(
      flattenMenu(buildMenu(input({ isDevelopment: true }))).some(
        (i) => i.role === 'toggleDevTools',
      ),
    ).toBe(true);
  });

  it('gives no two items the same accelerator', () => {
    const accelerators = flattenMenu(buildMenu(input())).flatMap((i) =>
      i.accelerator ? [i.accelerator] : [],
    );
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});

describe('routeMenuCommand', () => {
  it('routes every command of the menu to main or to the focused renderer', async () => {
    const { calls, target } = recorder();
    for (const item of flattenMenu(buildMenu(input()))) {
      if (item.command) await routeMenuCommand(item.command, 7, target);
    }
    expect(calls).toEqual([
      'main.newFromTemplate("elinvoimaohjelma")',
      'main.newFromTemplate("hankesuunnitelma")',
      'main.open()',
      'main.openFile("/home/a/Elinvoimaohjelma.linjaus")',
      'main.clearRecent()',
      'main.save(7)',
      'main.saveAs(7)',
      'main.saveAsNew(7)',
      'renderer[7].file.exportPdf',
      'main.importJson()',
      'main.close(7)',
      'renderer[7].edit.undo',
      'renderer[7].edit.redo',
      'renderer[7].edit.find',
      'main.setLanguage("fi")',
      'main.setLanguage("sv")',
      'main.setLanguage("en")',
      'renderer[7].workshop.host',
      'renderer[7].workshop.join',
      'renderer[7].workshop.end',
      'main.openGuide()',
      'main.about()',
    ]);
  });

  it('does nothing with a document command when no window has focus', async () => {
    const { calls, target } = recorder();
    const commands: MenuCommand[] = [
      { type: 'file.save' },
      { type: 'file.saveAs' },
      { type: 'file.saveAsNew' },
      { type: 'file.close' },
      { type: 'file.exportPdf' },
      { type: 'edit.undo' },
    ];
    for (const command of commands) await routeMenuCommand(command, null, target);
    expect(calls).toEqual([]);
    await routeMenuCommand({ type: 'file.open' }, null, target);
    expect(calls).toEqual(['main.open()']);
  });
});
