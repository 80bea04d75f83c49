/**
 * Creating documents from every template and editing their structure in the built web app;
 * everything must still be there after a reload (IndexedDB persistence).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser';
import {
  createDocument,
  fillBound,
  field,
  itemIds,
  reload,
  sectionId,
  trackErrors,
  typeInField,
  waitSaved,
} from './helpers/app';
import { serveApp, type StaticServer } from './helpers/server';

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
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

/** Click an "add" button and return the id of the card or row it created. */
async function add(
  page: Page,
  button: ReturnType<Page['locator']>,
  created: string,
): Promise<string> {
  const before = await itemIds(page.locator('body'), created);
  await button.click();
  await expect
    .poll(async () => (await itemIds(page.locator('body'), created)).length)
    .toBe(before.length + 1);
  const after = await itemIds(page.locator('body'), created);
  const id = after.find((x) => !before.includes(x));
  if (!id) throw new Error('nothing was added');
  return id;
}

async function themeFlow(page: Page) {
  const themes = await sectionId(page, 'themes');
  const addTheme = page.locator(`section[data-item="${themes}"] .themes > button.btn-add`);
  const t1 = await add(page, addTheme, '.card-theme');
  await fillBound(page, t1, 'title', 'Ensimmäinen teema');
  const t2 = await add(page, addTheme, '.card-theme');
  await fillBound(page, t2, 'title', 'Toinen teema');
  const addGoal = page.locator(`.card-theme[data-item="${t2}"] > .card-foot button`);
  const g1 = await add(page, addGoal, '.card-goal');
  await fillBound(page, g1, 'title', 'Tavoite yksi');
  const g2 = await add(page, addGoal, '.card-goal');
  await fillBound(page, g2, 'title', 'Tavoite kaksi');
  const a1 = await add(
    page,
    page.locator(`.card-goal[data-item="${g1}"] > .card-foot button`),
    '.card-action',
  );
  await fillBound(page, a1, 'title', 'Toimenpide A');
  const i1 = await add(
    page,
    page.locator(`.card-goal[data-item="${g1}"] > .indicators > button`),
    'tr[data-item]',
  );
  await fillBound(page, i1, 'name', 'Uusiutuvan energian osuus');
  const baseline = page.getByRole('textbox', { name: 'Lähtötaso: Uusiutuvan energian osuus' });
  await baseline.fill('12,5');
  await baseline.blur();

  // Reorder by keyboard in the outline: the second theme moves above the first.
  const node = page.locator(`[data-outline="${t2}"]`);
  await node.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect
    .poll(() => itemIds(page.locator(`section[data-item="${themes}"]`), '.card-theme'))
    .toEqual(expect.arrayContaining([t2, t1]));
  const order = async () =>
    (await itemIds(page.locator(`section[data-item="${themes}"]`), '.card-theme')).filter(
      (x) => x === t1 || x === t2,
    );
  await expect.poll(order).toEqual([t2, t1]);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-outline')))
    .toBe(t2);
  return { themes, t1, t2, g1, g2, a1, i1, order };
}

describe('authoring app: documents', () => {
  it.each(['elinvoimaohjelma', 'kuntastrategia', 'sijoittumisstrategia'])(
    'creates a %s, fills the first text, adds a theme with two goals, an action and an indicator, reorders themes by keyboard, and keeps it all after a reload',
    async (templateId) => {
      const page = await newPage();
      const errors = trackErrors(page);
      await createDocument(page, server.url, templateId);
      const firstTextKind =
        templateId === 'sijoittumisstrategia'
          ? 'richText'
          : templateId === 'kuntastrategia'
            ? 'vision'
            : 'vision';
      const first = await sectionId(page, firstTextKind);
      await typeInField(page, `${first}-body`, 'Seutu on vuonna 2030 elinvoimainen.');
      const ids = await themeFlow(page);
      await waitSaved(page);

      await reload(page);
      await expect
        .poll(async () => (await field(page, `${first}-body`)).innerText())
        .toContain('Seutu on vuonna 2030 elinvoimainen.');
      await expect.poll(ids.order).toEqual([ids.t2, ids.t1]);
      await expect(page.locator(`[data-bound="${ids.t2}.title"]`).inputValue()).resolves.toBe(
        'Toinen teema',
      );
      await expect(page.locator(`[data-bound="${ids.g1}.title"]`).inputValue()).resolves.toBe(
        'Tavoite yksi',
      );
      await expect(page.locator(`[data-bound="${ids.g2}.title"]`).inputValue()).resolves.toBe(
        'Tavoite kaksi',
      );
      await expect(page.locator(`[data-bound="${ids.a1}.title"]`).inputValue()).resolves.toBe(
        'Toimenpide A',
      );
      await expect(
        page.getByRole('textbox', { name: 'Lähtötaso: Uusiutuvan energian osuus' }).inputValue(),
      ).resolves.toBe('12,5');
      // The outline names the levels from the template and shows the new items.
      await expect(
        page.locator(`[data-outline="${ids.g1}"] .tree-label`).innerText(),
      ).resolves.toBe('Tavoite yksi');
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('creates a hankesuunnitelma, fills its first text, adds schedule phases and budget lines with live totals, and keeps them after a reload', async () => {
    const page = await newPage();
    const errors = trackErrors(page);
    await createDocument(page, server.url, 'hankesuunnitelma');
    const first = await sectionId(page, 'richText');
    await typeInField(page, `${first}-body`, 'Hanke vahvistaa seudun osaamista.');
    const schedule = await sectionId(page, 'schedule');
    const addPhase = page.locator(`section[data-item="${schedule}"] .card-list > button.btn-add`);
    const p1 = await add(page, addPhase, '.card-goal');
    await fillBound(page, p1, 'title', 'Käynnistys');
    const budget = await sectionId(page, 'budget');
    const addLine = page.locator(`section[data-item="${budget}"] .row-buttons button`).first();
    const l1 = await add(page, addLine, 'tr[data-item]');
    await fillBound(page, l1, 'category', 'Henkilöstökulut');
    const year = page.locator(`tr[data-item="${l1}"] td.w-money input`).first();
    await year.fill('80 000');
    const l2 = await add(page, addLine, 'tr[data-item]');
    await fillBound(page, l2, 'category', 'Ostopalvelut');
    await page.locator(`tr[data-item="${l2}"] td.w-money input`).first().fill('36475');
    // Intl formats the total for the Finnish UI: 116 475,00 € (with narrow no-break spaces).
    await expect
      .poll(() => page.getByTestId('budget-total').innerText())
      .toMatch(/^116\s475,00\s€$/);
    await waitSaved(page);
    await reload(page);
    await expect(page.locator(`[data-bound="${p1}.title"]`).inputValue()).resolves.toBe(
      'Käynnistys',
    );
    await expect
      .poll(() => page.getByTestId('budget-total').innerText())
      .toMatch(/^116\s475,00\s€$/);
    await expect
      .poll(async () => (await field(page, `${first}-body`)).innerText())
      .toContain('Hanke vahvistaa seudun osaamista.');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows every section of an example document with its content, in a new tab too', async () => {
    const page = await newPage();
    await createDocument(page, server.url, 'elinvoimaohjelma', { example: true });
    const url = page.url();
    const other = await page.context().newPage();
    await other.goto(url);
    await other.locator('.doc-h1').waitFor();
    await expect(other.locator('.doc-h1').innerText()).resolves.toBe(
      await page.locator('.doc-h1').innerText(),
    );
    // A field far down the page shows its text when it is mounted late (lexical#4999).
    await other.waitForFunction(
      () => performance.getEntriesByName('linjaus:document-complete').length > 0,
    );
    const lastAction = (await other.locator('.card-action').last().getAttribute('data-item')) ?? '';
    const editor = await field(other, `${lastAction}-description`);
    await expect.poll(() => editor.innerText()).not.toBe('');
    await page.context().close();
  });
});
