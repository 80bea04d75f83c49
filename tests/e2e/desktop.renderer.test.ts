/**
 * The renderer side of the desktop app's native menus, in real Chromium: the built web app with
 * `window.linjaus` provided before it loads (tests/fixtures/electron/desktopPage.ts), so the app
 * installs the desktop platform (renderer/platform/electronPlatform.ts) exactly as under the
 * preload, over the real main side in Node (handlers, sessions, files in a temp folder, a real
 * PDF export job). Each menu item is routed with main's own `routeMenuCommand` and the
 * DesktopController, and the test checks what the user gets. Electron itself cannot run here:
 * the native menu bar and dialogs are not on screen (dialogs are answered by the dialog seam).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../../core';
import { readLinjausFile } from '../../core/format';
import { DesktopController } from '../../electron/main/app/controller';
import { runExportJob } from '../../electron/main/export/job';
import type { UiLanguage } from '../../electron/main/i18n/strings';
import { routeMenuCommand, type MenuCommand } from '../../electron/main/menu/commands';
import { WindowRegistry } from '../../electron/main/windows/registry';
import { connectDesktopPage } from '../fixtures/electron/desktopPage';
import { createInProcessDesktop } from '../fixtures/electron/inProcessDesktop';
import { launchBrowser } from './helpers/browser';
import {
  createDocument,
  field,
  sectionId,
  trackErrors,
  typeInField,
  waitSaved,
} from './helpers/app';
import { serveApp, type StaticServer } from './helpers/server';

const WINDOW = 1;
const dir = mkdtempSync(join(tmpdir(), 'linjaus-e2e-desktop-'));
const pdfTarget = join(dir, 'Vienti.pdf');
const saveAsTarget = join(dir, 'Kuntastrategia.linjaus');
const brandsDir = resolve(import.meta.dirname, '../../templates/brands');

let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[];
let desktop: Awaited<ReturnType<typeof createInProcessDesktop>>;
let visionBody: string;
let language: UiLanguage = 'fi';

let flushRequests = 0;
let storedAtClose = '';
let held: Promise<void> = Promise.resolve();
/** When set, only the next storage call is held (at `holdNextGate`); later ones pass. */
let holdNext = false;
let holdNextGate: Promise<void> = Promise.resolve();

/**
 * Run a menu command while the renderer's storage calls are held in flight, and let them go
 * once main asked the window to flush — or once the command finished without asking, in which
 * case the edits were not in main when it acted and the test fails.
 */
async function withEditsInFlight(type: () => Promise<void>, command: MenuCommand): Promise<void> {
  let release = () => undefined as void;
  held = new Promise<void>((resolve) => (release = resolve));
  await type();
  const asked = flushRequests;
  const running = menu(command);
  await Promise.race([expect.poll(() => flushRequests > asked).toBe(true), running]);
  release();
  held = Promise.resolve();
  await running;
}

/** Click a menu item: main's routing, with the focused window `WINDOW`. */
let menu: (command: MenuCommand) => Promise<void>;

beforeAll(async () => {
  server = await serveApp();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  errors = trackErrors(page);
  const registry = new WindowRegistry();
  registry.add(WINDOW);
  desktop = await createInProcessDesktop(join(dir, 'data'), {
    dialogs: { save: [pdfTarget, saveAsTarget] },
    pdf: {
      exportPdf: async (request, onProgress) =>
        (await runExportJob(request, { brandsDir }, onProgress)).bytes,
      warmUp: () => undefined,
    },
    registry,
    // The window closes as Electron's does (the page's beforeunload runs); what main has of the
    // document at that moment is recorded.
    onWindowClosed: () => {
      storedAtClose = storedText(documentId());
      void page.close({ runBeforeUnload: true });
    },
  });
  const api = desktop.apiFor(WINDOW);
  api.onFlushRequest(() => flushRequests++);
  const { emit } = await connectDesktopPage(page, {
    ...api,
    // Held while a test keeps the renderer's edits "in flight" (see `withEditsInFlight`).
    documentAppend: async (...args) => {
      if (holdNext) {
        holdNext = false;
        await holdNextGate;
      }
      await held;
      return api.documentAppend(...args);
    },
  });
  const controller = new DesktopController({
    sessions: desktop.sessions,
    recent: desktop.recent,
    dialogs: desktop.dialogs,
    registry,
    windows: {
      open: () => {
        throw new Error('this test has one window');
      },
      show: () => undefined,
      focus: () => undefined,
      close: (windowId) => void desktop.lifecycle.requestClose(windowId),
      refresh: () => undefined,
    },
    language: () => language,
    // As main/index.ts: every window's renderer follows the menu's language.
    setLanguage: async (next) => {
      language = next;
      await emit('menuCommand', { command: `view.language.${next}` });
    },
    openExternal: async () => undefined,
    flushWindow: (windowId) => desktop.lifecycle.flushWindow(windowId),
    appVersion: 'e2e',
  });
  menu = (command) =>
    routeMenuCommand(command, WINDOW, {
      main: controller,
      sendToRenderer: (windowId, rendererCommand) =>
        void emit('menuCommand', { command: rendererCommand }),
    });

  await createDocument(page, server.url, 'elinvoimaohjelma');
  visionBody = `${await sectionId(page, 'vision')}-body`;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await desktop?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The document as main stores it (the renderer's edits arrive over the desktop API). */
const storedText = (documentId: string) =>
  JSON.stringify(snapshot(desktop.sessions.store(documentId)!.doc));
const fileText = (file: string) =>
  JSON.stringify(snapshot(readLinjausFile(new Uint8Array(readFileSync(file))).doc));
const documentId = () => /#\/d\/(.+)$/.exec(page.url())![1]!;

describe('desktop renderer: native menu commands', () => {
  it('runs the app on the desktop platform: edits are stored by main', async () => {
    const kind = await page.evaluate(() => typeof (window as { linjaus?: unknown }).linjaus);
    expect(kind).toBe('object');
    await typeInField(page, visionBody, 'Järvilaakso kasvaa.');
    await waitSaved(page);
    expect(storedText(documentId())).toContain('Järvilaakso kasvaa.');
  });

  it('Edit → Undo undoes the last own edit and Edit → Redo brings it back', async () => {
    // A structural edit between the two typings closes the first undo step (typing within the
    // undo manager's capture time would otherwise be one step).
    const themes = await sectionId(page, 'themes');
    await page.locator(`section[data-item="${themes}"] .themes > button.btn-add`).click();
    await page.locator('.card-theme').first().waitFor();
    const editor = await typeInField(page, visionBody, ' Kumottava lause.');
    await expect.poll(() => editor.innerText()).toContain('Kumottava lause.');
    await menu({ type: 'edit.undo' });
    await expect.poll(() => editor.innerText()).not.toContain('Kumottava lause.');
    expect(await editor.innerText()).toContain('Järvilaakso kasvaa.');
    expect(await page.locator('.card-theme').count()).toBe(1);
    await menu({ type: 'edit.redo' });
    await expect.poll(() => editor.innerText()).toContain('Kumottava lause.');
    await waitSaved(page);
    expect(storedText(documentId())).toContain('Kumottava lause.');
  });

  it('Edit → Find opens the find panel, which finds the typed text', async () => {
    await menu({ type: 'edit.find' });
    const panel = page.getByRole('complementary', { name: 'Etsi' });
    await panel.waitFor();
    await panel.getByRole('searchbox').fill('Järvilaakso');
    await expect.poll(() => panel.locator('.find-hit').count()).toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Sulje' }).click();
    await panel.waitFor({ state: 'detached' });
  });

  it('File → Export PDF opens the export dialog; the PDF is made by the export job and saved where the dialog says', async () => {
    await menu({ type: 'file.exportPdf' });
    const dialog = page.getByRole('dialog', { name: 'Vie PDF-tiedostoksi' });
    await dialog.waitFor();
    await dialog.locator('[data-export-state="done"]').waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Tallenna PDF' }).click();
    await expect.poll(() => desktop.dialogs.shown.some((s) => s.startsWith('save:'))).toBe(true);
    await expect.poll(() => readFileSync(pdfTarget).subarray(0, 5).toString()).toBe('%PDF-');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('View → Language switches the whole interface, and main hears the choice back', async () => {
    await menu({ type: 'view.language', language: 'sv' });
    await page.getByRole('button', { name: 'Exportera PDF' }).waitFor();
    expect(desktop.languages.at(-1)).toBe('sv');
    await menu({ type: 'view.language', language: 'en' });
    await page.getByRole('button', { name: 'Export PDF' }).waitFor();
    await menu({ type: 'view.language', language: 'fi' });
    await page.getByRole('button', { name: 'Vie PDF' }).waitFor();
    expect(desktop.languages.slice(-3)).toEqual(['sv', 'en', 'fi']);
  });

  it('Workshop → Host opens the workshop dialog of the document', async () => {
    await menu({ type: 'workshop.host' });
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-labelledby')).toBeTruthy();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('File → Save as asks where with the save dialog and writes everything typed so far', async () => {
    await withEditsInFlight(() => typeIn(' Juuri ennen tallennusta.'), { type: 'file.saveAs' });
    expect(desktop.dialogs.shown.at(-1)).toMatch(/^save:.*\.linjaus$/);
    expect(fileText(saveAsTarget)).toContain('Juuri ennen tallennusta.');
  });

  it('File → Save writes the file with the edit typed just before it', async () => {
    await withEditsInFlight(() => typeIn(' Tallenna heti.'), { type: 'file.save' });
    expect(fileText(saveAsTarget)).toContain('Tallenna heti.');
  });

  it('reloading the page hands the edits still queued in the renderer to main (beforeunload)', async () => {
    let release = () => undefined as void;
    holdNextGate = new Promise<void>((resolve) => (release = resolve));
    holdNext = true;
    // The first keystroke's call stays in flight; the rest wait in the renderer behind it.
    await typeIn(' Ennen uudelleenlatausta.');
    expect(holdNext).toBe(false);
    expect(storedText(documentId())).not.toContain('uudelleenlatausta');
    await page.reload();
    await page.locator('.doc-h1').waitFor();
    await expect.poll(() => storedText(documentId())).toContain('Ennen uudelleenlatausta.');
    await expect
      .poll(async () => (await field(page, visionBody)).innerText())
      .toContain('Ennen uudelleenlatausta.');
    release();
  });

  it('File → Close flushes the window first: the last edit is in the file after the window closed', async () => {
    const id = documentId();
    await withEditsInFlight(() => typeIn(' Viimeinen sana.'), { type: 'file.close' });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(desktop.isOpen(WINDOW)).toBe(false);
    expect(storedAtClose).toContain('Viimeinen sana.');
    await desktop.sessions.closeAll();
    expect(desktop.sessions.store(id)).toBeUndefined();
    expect(fileText(saveAsTarget)).toContain('Viimeinen sana.');
    expect(errors).toEqual([]);
  });
});

/** Type at the end of the vision text (the editor is already mounted). */
async function typeIn(text: string): Promise<void> {
  const editor = await field(page, visionBody);
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}
