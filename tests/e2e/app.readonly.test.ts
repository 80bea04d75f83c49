/**
 * Read-only mode (a workshop viewer or commenter) in the built web app: every editing surface
 * refuses edits live, reading features keep working, and switching back restores editing.
 *
 * The app exposes no test hook. The workshop client turns read-only on through
 * `DocumentSession.setReadOnly`; these tests reach the same session object through React's own
 * fiber reference on a DOM node of the editor (the `SessionContext` provider's `value`), so the
 * production build is tested unchanged.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe';
import { launchBrowser } from './helpers/browser';
import {
  createDocument,
  reload,
  sectionId,
  trackErrors,
  typeInField,
  waitSaved,
} from './helpers/app';
import { serveApp, type StaticServer } from './helpers/server';
import { grabSession } from './helpers/session';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
}

/** What the tests use of the open document's `DocumentSession` inside the page. */
interface PageSession {
  setReadOnly(readOnly: boolean, reason?: 'viewer' | 'commenter'): void;
  subscribeRefusedWrites(listener: () => void): () => void;
  refusedWrites(): number;
  needsResync(): boolean;
  doc: {
    on(
      event: 'update',
      listener: (update: Uint8Array, origin: unknown, doc: unknown, tr: { local: boolean }) => void,
    ): void;
    getMap(name: string): Map<string, { get(key: string): unknown }> & {
      set(key: string, value: unknown): void;
      toJSON(): unknown;
    };
  };
}
interface TestWindow {
  testSession: PageSession;
  testNotices: number;
  testLocalWrites: number;
}

const setReadOnly = (page: Page, on: boolean, reason: 'viewer' | 'commenter' = 'viewer') =>
  page.evaluate(
    ([readOnly, why]) => (window as unknown as TestWindow).testSession.setReadOnly(readOnly, why),
    [on, reason] as const,
  );

/** Count, from now on, the refused writes the session tells the user about. */
const countNotices = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as TestWindow;
    w.testNotices = 0;
    w.testSession.subscribeRefusedWrites(() => {
      w.testNotices++;
    });
  });
const notices = (page: Page) => page.evaluate(() => (window as unknown as TestWindow).testNotices);

/** The document's whole content (meta and every item with its rich text), as one string. */
const content = (page: Page) =>
  page.evaluate(() => {
    const { doc } = (window as unknown as TestWindow).testSession;
    return JSON.stringify([doc.getMap('meta').toJSON(), doc.getMap('items').toJSON()]);
  });

const richText = (page: Page, fieldId: string): Locator =>
  page.locator(`[data-field-wrap="${fieldId}"] .rt-editor`);

describe('authoring app: read-only mode', () => {
  it('refuses every edit live while read-only, keeps reading features, and restores editing after', async () => {
    const page = await newPage();
    const errors = trackErrors(page);
    await createDocument(page, server.url, 'elinvoimaohjelma', { example: true });
    const vision = `${await sectionId(page, 'vision')}-body`;
    await typeInField(page, vision, ' Alku.');
    await waitSaved(page);
    const visionText = await richText(page, vision).innerText();
    expect(visionText).toContain('Alku.');
    const theme = page.locator('.card-theme').first();
    const themeId = (await theme.getAttribute('data-item')) ?? '';
    const themeTitle = theme.locator(`[data-bound="${themeId}.title"]`);
    const titleBefore = await themeTitle.inputValue();
    const themeOrder = () =>
      page
        .locator('[role="treeitem"][data-kind="theme"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-outline')));
    const orderBefore = await themeOrder();
    const undoButton = page.getByRole('button', { name: 'Kumoa', exact: true });
    await expect(undoButton.isEnabled()).resolves.toBe(true);

    await grabSession(page);
    await setReadOnly(page, true);
    await countNotices(page);
    const stored = await content(page);

    // The banner and the status line say so, in Finnish by default.
    await expect
      .poll(() => page.locator('.readonly-banner').innerText())
      .toContain('Vain luku — sinulla on katseluoikeus tässä työpajassa');
    await expect(page.locator('[data-readonly-status]').innerText()).resolves.toBe('Vain luku');

    // Rich text: not editable, still focusable and selectable; typing, paste and undo do nothing.
    const editor = richText(page, vision);
    await expect(editor.getAttribute('contenteditable')).resolves.toBe('false');
    await expect(editor.getAttribute('aria-readonly')).resolves.toBe('true');
    await expect(editor.getAttribute('tabindex')).resolves.toBe('0');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('XYZ');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await editor.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/html', '<p>liitetty</p>');
      data.setData('text/plain', 'liitetty');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await page.keyboard.press('Control+z');
    await expect(editor.innerText()).resolves.toBe(visionText);
    await expect(page.locator('.toolbar').count()).resolves.toBe(0);
    await editor.click({ clickCount: 3 });
    const selected = await page.evaluate(() => window.getSelection()?.toString().trim() ?? '');
    expect(selected.length).toBeGreaterThan(10);
    expect(visionText).toContain(selected);
    // Undo and redo: disabled in the top bar, and the shortcut outside a field does nothing.
    await expect(undoButton.isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Tee uudelleen' }).isDisabled()).resolves.toBe(
      true,
    );
    await page.locator('.doc-h1').click();
    await page.keyboard.press('Control+z');
    await expect(editor.innerText()).resolves.toBe(visionText);

    // Cards: titles are read-only inputs, no add / move / delete buttons, choices disabled.
    await expect(themeTitle.getAttribute('readonly')).resolves.toBe('');
    await themeTitle.click();
    await page.keyboard.type('muutos');
    await expect(themeTitle.inputValue()).resolves.toBe(titleBefore);
    await expect(page.locator('.doc-page .item-actions').count()).resolves.toBe(0);
    await expect(page.locator('.doc-page .btn-add').count()).resolves.toBe(0);
    await expect(page.locator('.action-details select').first().isDisabled()).resolves.toBe(true);

    // Indicator table: cells read-only, direction disabled.
    const indicatorRow = page.locator('.table-indicators tbody tr').first();
    const cell = indicatorRow.locator('input').first();
    const cellBefore = await cell.inputValue();
    await expect(cell.getAttribute('readonly')).resolves.toBe('');
    await cell.click();
    await page.keyboard.type('999');
    await expect(cell.inputValue()).resolves.toBe(cellBefore);
    await expect(indicatorRow.locator('select').isDisabled()).resolves.toBe(true);

    // Outline: navigation works; reorder, delete, rename, insert and drag do not.
    const firstTheme = page.locator(`[role="treeitem"][data-outline="${themeId}"]`);
    await firstTheme.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Insert');
    await page.keyboard.press('F2');
    await expect(page.locator('.tree-rename').count()).resolves.toBe(0);
    expect(await themeOrder()).toEqual(orderBefore);
    await expect(firstTheme.getAttribute('draggable')).resolves.toBe('false');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-outline')))
      .not.toBe(themeId);
    await expect(page.locator('.outline-help').innerText()).resolves.toBe(
      'Nuolinäppäimet liikkuvat, Enter näyttää kohdan.',
    );

    // Document details: inputs read-only, choices disabled.
    await page.getByRole('button', { name: 'Asiakirjan tiedot' }).click();
    const docTitle = page.getByLabel('Asiakirjan nimi');
    const docTitleBefore = await docTitle.inputValue();
    await docTitle.click();
    await page.keyboard.type('x');
    await expect(docTitle.inputValue()).resolves.toBe(docTitleBefore);
    await expect(page.locator('.side-panel select').first().isDisabled()).resolves.toBe(true);
    await page.locator('.side-panel').getByRole('button', { name: 'Sulje' }).click();

    // Reading features: find (Ctrl+F), word counts, and no serious axe violations.
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox').fill('Alku');
    await page.locator('.find-hit').first().waitFor();
    await expect(page.locator('.word-count').first().innerText()).resolves.toMatch(/\d+ sanaa/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('searchbox').fill('');
    await page.getByRole('button', { name: 'Etsi' }).click();

    // The picture in docs/app.md: LINJAUS_READONLY_SCREENSHOT=docs/app-readonly.png.
    const shot = process.env.LINJAUS_READONLY_SCREENSHOT;
    if (shot) {
      mkdirSync(dirname(resolve(shot)), { recursive: true });
      await page.locator('.doc-scroll').evaluate((el) => el.scrollTo(0, 0));
      await page.mouse.move(700, 880);
      await page.screenshot({ path: resolve(shot) });
    }

    // PDF export still works.
    await page.getByRole('button', { name: 'Vie PDF' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vie PDF-tiedostoksi' });
    await dialog.locator('[data-export-state="done"]').waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Sulje' }).first().click();
    await dialog.waitFor({ state: 'detached' });

    // Mount every field of the document while read-only: a field normalizing the example's
    // content as it loads (list numbering) writes by itself; that write is reverted silently.
    await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (const wrap of Array.from(document.querySelectorAll('[data-field-wrap]'))) {
        wrap.scrollIntoView();
        while (!wrap.querySelector('.rt-live')) await frame();
      }
    });
    await expect
      .poll(() => page.locator('[data-field-wrap] [contenteditable="true"]').count())
      .toBe(0);
    // Nothing of the document changed, and the reader was never told a change was refused.
    expect(await content(page)).toBe(stored);
    expect(await notices(page)).toBe(0);

    // Editable again: everything comes back, live.
    await setReadOnly(page, false);
    await expect.poll(() => page.locator('.readonly-banner').count()).toBe(0);
    await expect(editor.getAttribute('contenteditable')).resolves.toBe('true');
    await expect(undoButton.isEnabled()).resolves.toBe(true);
    await expect(themeTitle.getAttribute('readonly')).resolves.toBeNull();
    await expect(page.locator('.doc-page .item-actions').count()).resolves.not.toBe(0);
    await typeInField(page, vision, ' Lisää.');
    await expect.poll(() => editor.innerText()).toContain('Alku. Lisää.');
    await page.keyboard.press('Control+z');
    await expect.poll(() => editor.innerText()).not.toContain('Lisää.');
    await expect(editor.innerText()).resolves.toContain('Alku.');
    await firstTheme.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(themeOrder).not.toEqual(orderBefore);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reverts a write that still reaches the document while read-only, tells the user, and stores nothing of it', async () => {
    const page = await newPage();
    const errors = trackErrors(page);
    await createDocument(page, server.url, 'elinvoimaohjelma', { example: true });
    const title = await page.locator('.doc-h1').innerText();
    const themeTitles = () =>
      page
        .locator('[role="treeitem"][data-kind="theme"]')
        .evaluateAll((els) => els.map((e) => e.textContent));
    const themes = await themeTitles();
    expect(themes.length).toBeGreaterThan(1);
    await grabSession(page);
    await setReadOnly(page, true);
    await countNotices(page);
    const stored = await content(page);
    // What a missed code path would do: write through the model's maps directly.
    await page.evaluate(() => {
      const { doc } = (window as unknown as TestWindow).testSession;
      doc.getMap('meta').set('title', 'Hakkeroitu');
      const items = doc.getMap('items');
      for (const [id, item] of items) {
        if (item.get('kind') === 'theme') {
          items.delete(id);
          break;
        }
      }
    });
    await expect(page.locator('.toast').innerText()).resolves.toContain(
      'Muutosta ei tallennettu: asiakirja on vain luku -tilassa.',
    );
    expect(await notices(page)).toBe(2);
    expect(await content(page)).toBe(stored);
    // The revert re-created the theme and the title under new ids: only a fresh copy is exact.
    await expect(
      page.evaluate(() => (window as unknown as TestWindow).testSession.needsResync()),
    ).resolves.toBe(true);
    await expect(page.locator('.doc-h1').innerText()).resolves.toBe(title);
    await expect.poll(themeTitles).toEqual(themes);
    await waitSaved(page);
    await reload(page);
    await expect(page.locator('.doc-h1').innerText()).resolves.toBe(title);
    await expect.poll(themeTitles).toEqual(themes);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('writes nothing to the document when a viewer scrolls every rich-text field of an example into view', async () => {
    for (const templateId of ['elinvoimaohjelma', 'kuntastrategia']) {
      const page = await newPage();
      const errors = trackErrors(page);
      await createDocument(page, server.url, templateId, { example: true });
      await grabSession(page);
      await setReadOnly(page, true);
      // Every transaction written through this Y.Doc (what the guard would have to revert).
      await page.evaluate(() => {
        const w = window as unknown as TestWindow;
        w.testLocalWrites = 0;
        w.testSession.doc.on('update', (_u, _o, _d, tr) => {
          if (tr.local) w.testLocalWrites++;
        });
      });
      const stored = await content(page);
      const wraps = await page
        .locator('[data-field-wrap]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-field-wrap') ?? ''));
      expect(wraps.length).toBeGreaterThan(20);
      for (const id of wraps) {
        const wrap = page.locator(`[data-field-wrap="${id}"]`);
        await wrap.scrollIntoViewIfNeeded();
        await wrap.locator('.rt-editor').waitFor();
      }
      const written = await page.evaluate(() => {
        const w = window as unknown as TestWindow;
        return {
          local: w.testLocalWrites,
          refused: w.testSession.refusedWrites(),
          resync: w.testSession.needsResync(),
        };
      });
      expect(written).toEqual({ local: 0, refused: 0, resync: false });
      expect(await content(page)).toBe(stored);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('makes budget tables read-only and words the banner for commenters in every language', async () => {
    const page = await newPage();
    await createDocument(page, server.url, 'hankesuunnitelma', { example: true });
    const total = page.getByTestId('budget-total');
    const totalBefore = await total.innerText();
    await grabSession(page);
    await setReadOnly(page, true, 'commenter');
    const amount = page.locator('.table-budget tbody td.w-money input').first();
    await amount.scrollIntoViewIfNeeded();
    await expect(amount.getAttribute('readonly')).resolves.toBe('');
    await amount.click();
    await page.keyboard.press('End');
    await page.keyboard.type('00');
    await expect(total.innerText()).resolves.toBe(totalBefore);
    await expect(page.locator('.budget .row-buttons').count()).resolves.toBe(0);
    await expect(page.locator('.budget .item-actions').count()).resolves.toBe(0);
    await expect(page.locator('.readonly-banner').innerText()).resolves.toContain(
      'Vain luku — sinulla on kommentointioikeus tässä työpajassa',
    );
    await page.getByRole('button', { name: /^SV/ }).click();
    await expect
      .poll(() => page.locator('.readonly-banner').innerText())
      .toContain('Endast läsning — du har kommentarsrätt i den här workshoppen');
    await page.getByRole('button', { name: /^EN/ }).click();
    await expect
      .poll(() => page.locator('.readonly-banner').innerText())
      .toContain('Read-only — you have comment access in this workshop');
    await setReadOnly(page, true, 'viewer');
    await expect
      .poll(() => page.locator('.readonly-banner').innerText())
      .toContain('Read-only — you have view access in this workshop');
    await expect(page.locator('[data-readonly-status]').innerText()).resolves.toBe('Read-only');
    await page.getByRole('button', { name: /^FI/ }).click();
    await page.context().close();
  });
});
