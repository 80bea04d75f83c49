/**
 * The main process's Electron wiring (electron/main/index.ts and its glue modules) run in Node
 * against a recording stand-in for `electron` (tests/fixtures/electron/fakeElectron.ts): the
 * real app start, real files and sessions; only Electron's own objects are replaced. Checks what
 * the security checklist and the file handling depend on being wired, not Electron itself.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeLinjausFile } from '../../core/format';
import { IPC_OPERATIONS, ipcChannel } from '../../electron/shared/contract';
import * as fake from '../fixtures/electron/fakeElectron';
import { newProgramme } from '../fixtures/electron/programmes';

vi.mock('electron', () => import('../fixtures/electron/fakeElectron'));

let dir: string;
let file: string;

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const firstWindow = () => fake.BrowserWindow.windows[0]!;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linjaus-main-'));
  fake.app.userData = path.join(dir, 'data');
  file = path.join(dir, 'Elinvoimaohjelma.linjaus');
  await fs.writeFile(file, writeLinjausFile(newProgramme()));
  await import('../../electron/main/index');
  fake.app.makeReady();
  await until(() => fake.BrowserWindow.windows.length === 1, 'the start window');
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('desktop main process wiring', () => {
  it('registers app:// as a standard, secure scheme', () => {
    expect(fake.recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('opens the start window sandboxed and isolated, from app://, with the CommonJS preload', () => {
    const prefs = firstWindow().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(firstWindow().loaded).toEqual(['app://linjaus/index.html#/']);
  });

  it('registers one guarded IPC handler per contract operation', async () => {
    expect([...fake.recorded.ipcHandlers.keys()].sort()).toEqual(
      IPC_OPERATIONS.map(ipcChannel).sort(),
    );
    const wc = firstWindow().webContents;
    const list = fake.recorded.ipcHandlers.get(ipcChannel('recentList')) as unknown as (
      event: unknown,
    ) => Promise<unknown>;
    await expect(list({ sender: wc, senderFrame: wc.mainFrame })).resolves.toEqual([]);
    await expect(
      list({ sender: wc, senderFrame: { url: 'https://evil.example/' } }),
    ).rejects.toThrow(/not Linjaus/);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      fake.recorded.permissionRequestHandler?.(null, permission, (granted) =>
        answers.push(granted),
      );
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(fake.recorded.permissionCheckHandler?.()).toBe(false);
  });

  it('blocks navigation away from the app and opens only validated links outside', () => {
    const wc = firstWindow().webContents;
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      wc.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('app://linjaus/index.html#/d/x')).toBe(false);
    expect(navigate('https://www.kunta.fi/strategia')).toBe(true);
    expect(navigate('javascript:alert(1)')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(wc.windowOpenHandler?.({ url: 'smb://attacker.example/x' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler?.({ url: 'mailto:kehitys@kunta.fi' })).toEqual({ action: 'deny' });
    expect(fake.recorded.openedExternally).toEqual([
      'https://www.kunta.fi/strategia',
      'mailto:kehitys@kunta.fi',
    ]);
  });

  it('refuses webviews', () => {
    const event = { preventDefault: vi.fn() };
    firstWindow().webContents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('serves nothing outside the renderer folder over app://', async () => {
    const handler = fake.recorded.protocolHandlers.get('app')!;
    expect((await handler(new Request('app://linjaus/%2e%2e/%2e%2e/package.json'))).status).toBe(
      404,
    );
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
  });

  it('opens a double-clicked file into the start window, and focuses it when the file is opened again', async () => {
    const wc = firstWindow().webContents;
    fake.app.emit('second-instance', {}, ['/usr/bin/electron', '.', file], dir);
    await until(
      () => wc.sent.some((m) => m.channel === 'linjaus-event:showDocument'),
      'the document to be shown',
    );
    const before = firstWindow().focusCount;
    fake.app.emit('second-instance', {}, ['/usr/bin/electron', '.', file], dir);
    await until(() => firstWindow().focusCount > before, 'the window to be focused');
    expect(fake.BrowserWindow.windows).toHaveLength(1);
  });

  it('titles the window with the document title and the unsaved marker the renderer reports', async () => {
    const wc = firstWindow().webContents;
    const shown = wc.sent.find((m) => m.channel === 'linjaus-event:showDocument')?.payload as {
      documentId: string;
    };
    const call = (operation: string, ...args: unknown[]) =>
      (
        fake.recorded.ipcHandlers.get(`linjaus:${operation}`) as unknown as (
          e: unknown,
          ...a: unknown[]
        ) => Promise<unknown>
      )({ sender: wc, senderFrame: wc.mainFrame }, ...args);
    await call('documentOpen', { documentId: shown.documentId, state: new Uint8Array([0, 0]) });
    await call('windowSetState', { title: 'Seutukunnan elinvoimaohjelma', isDirty: true });
    expect(firstWindow().title).toBe('• Seutukunnan elinvoimaohjelma — Linjaus');
    await call('windowSetState', { title: 'Seutukunnan elinvoimaohjelma', isDirty: false });
    expect(firstWindow().title).toBe('Seutukunnan elinvoimaohjelma — Linjaus');
  });

  it('builds the menu in Finnish with the five menus', () => {
    const menu = fake.recorded.menus.at(-1) as { label?: string }[];
    expect(menu.map((m) => m.label)).toEqual(['Tiedosto', 'Muokkaa', 'Näytä', 'Työpaja', 'Ohje']);
  });

  it('closes a window only after its renderer has handed over its edits', async () => {
    const window = await openExtraWindow();
    const seen = flushRequests(window).length;
    window.close();
    expect(window.destroyed).toBe(false);
    const request = await nextFlushRequest(window, seen);
    await answerFlush(window, request, { ok: true, message: null });
    await until(() => window.destroyed, 'the window to close');
  });

  it('does not wait for a crashed renderer when its window closes, and reloads a crashed window', async () => {
    const window = await openExtraWindow();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(window.webContents.reloads).toBe(1);
    const seen = flushRequests(window).length;
    window.close();
    await nextFlushRequest(window, seen);
    // The renderer dies before answering: the close goes on without waiting for the time limit
    // (which would log that the window did not answer).
    const warn = vi.spyOn(console, 'warn');
    window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    await until(() => window.destroyed, 'the window to close');
    expect(warn.mock.calls.flat().join('\n')).not.toMatch(/did not answer/);
    warn.mockRestore();
  });

  it('asks the renderers to flush, then writes open documents into their files before quitting', async () => {
    const event = { preventDefault: vi.fn() };
    const seen = flushRequests(firstWindow()).length;
    fake.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    const request = await nextFlushRequest(firstWindow(), seen);
    expect(fake.recorded.quitCalls).toBe(0);
    await answerFlush(firstWindow(), request, { ok: true, message: null });
    await until(() => fake.recorded.quitCalls > 0, 'the app to quit');
    expect(firstWindow().destroyed).toBe(true);
  });
});

/** A second window: File → New from template opens the new document in its own window. */
async function openExtraWindow(): Promise<fake.BrowserWindow> {
  const count = fake.BrowserWindow.getAllWindows().length;
  const menu = fake.recorded.menus.at(-1) as {
    submenu?: { submenu?: { click?: () => void }[] }[];
  }[];
  menu[0]!.submenu![0]!.submenu![0]!.click!();
  await until(() => fake.BrowserWindow.getAllWindows().length > count, 'a second window');
  return fake.BrowserWindow.getAllWindows().at(-1)!;
}

const flushRequests = (window: fake.BrowserWindow) =>
  window.webContents.sent.filter((m) => m.channel === 'linjaus-event:flushRequest');

/** Wait for main's flush request to the window after the first `seen`; returns its id. */
async function nextFlushRequest(window: fake.BrowserWindow, seen: number): Promise<string> {
  await until(() => flushRequests(window).length > seen, 'a flush request');
  return (flushRequests(window).at(-1)!.payload as { requestId: string }).requestId;
}

/** The renderer's answer, through the guarded IPC handler as the preload sends it. */
async function answerFlush(
  window: fake.BrowserWindow,
  requestId: string,
  report: { ok: boolean; message: string | null },
): Promise<void> {
  const handler = fake.recorded.ipcHandlers.get(ipcChannel('windowFlushed')) as unknown as (
    event: unknown,
    ...args: unknown[]
  ) => Promise<unknown>;
  const wc = window.webContents;
  await handler({ sender: wc, senderFrame: wc.mainFrame }, { requestId, ...report });
}
