/** Interface language and accessibility of the main screens of the built web app. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe';
import { launchBrowser } from './helpers/browser';
import { createDocument, reload } from './helpers/app';
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
  return (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
}

describe('authoring app: interface language', () => {
  it('switches the interface between Finnish, Swedish and English, formats numbers by locale, and remembers the choice', async () => {
    const page = await newPage();
    await createDocument(page, server.url, 'hankesuunnitelma', { example: true });
    await expect(page.getByRole('button', { name: 'Vie PDF' }).isVisible()).resolves.toBe(true);
    const total = page.getByTestId('budget-total');
    const fiTotal = await total.innerText();
    expect(fiTotal).toMatch(/,\d\d\s€$/);

    await page.getByRole('button', { name: /^SV/ }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Exportera PDF' }).count()).toBe(1);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sv');
    await expect(page.getByRole('heading', { name: 'Struktur' }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: /^EN/ }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Export PDF' }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-save-state]').innerText()).toBe('Saved');
    // en-GB: € first, comma grouping, point decimals.
    await expect.poll(() => total.innerText()).toMatch(/^€[\d,]+\.\d\d$/);

    await reload(page);
    await expect.poll(() => page.getByRole('button', { name: 'Export PDF' }).count()).toBe(1);
    await page.getByRole('button', { name: /^FI/ }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Vie PDF' }).count()).toBe(1);
    await page.context().close();
  });
});

describe('authoring app: accessibility', () => {
  it('has no serious or critical axe violations on the start screen, the editor, its side panels and the export dialog', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await createDocument(page, server.url, 'elinvoimaohjelma', { example: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Asiakirjan tiedot' }).click();
    await page.getByRole('heading', { name: 'Asiakirjan tiedot' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Etsi' }).click();
    await page.getByRole('searchbox').fill('energia');
    await page.locator('.find-hit').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Vie PDF' }).click();
    await page
      .getByRole('dialog')
      .locator('[data-export-state="done"]')
      .waitFor({ timeout: 60_000 });
    // Check the dialog with its preview pages drawn.
    await expect
      .poll(() => page.getByRole('dialog').locator('.progress-label').innerText(), {
        timeout: 30_000,
      })
      .toMatch(/^\d+ sivua$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('reaches outline items and their editors by keyboard with a visible focus ring, and adds, renames, deletes and restores by keyboard', async () => {
    const page = await newPage();
    await createDocument(page, server.url, 'elinvoimaohjelma', { example: true });
    const first = page.locator('[role="treeitem"]').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // Right on an expanded node moves to its first child.
    await page.keyboard.press('ArrowRight');
    const focused = page.locator('[role="treeitem"]:focus');
    await expect(focused.getAttribute('aria-level')).resolves.toBe('2');
    const ring = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
    const id = (await focused.getAttribute('data-outline')) ?? '';
    await page.keyboard.press('Enter');
    // Enter shows the item in the document and focuses its first field.
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.activeElement?.closest('[data-item]')?.getAttribute('data-item'),
        ),
      )
      .toBe(id);
    expect(['auto', 'solid']).toContain(ring);

    // Insert adds a goal under the theme and puts the cursor in its title.
    const theme = page.locator(`[data-outline="${id}"]`);
    await theme.focus();
    const goalsBefore = await page.locator(`.card-theme[data-item="${id}"] .card-goal`).count();
    await page.keyboard.press('Insert');
    await expect
      .poll(() => page.locator(`.card-theme[data-item="${id}"] .card-goal`).count())
      .toBe(goalsBefore + 1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-bound') ?? ''))
      .toMatch(/\.title$/);
    const goalId = (
      (await page.evaluate(() => document.activeElement?.getAttribute('data-bound'))) ?? ''
    ).split('.')[0]!;
    await page.keyboard.type('Näppäimistöltä lisätty');
    const node = page.locator(`[data-outline="${goalId}"]`);
    await expect.poll(() => node.locator('.tree-label').innerText()).toBe('Näppäimistöltä lisätty');
    // F2 renames in place; Delete deletes, and the toast's Undo brings it back.
    await node.focus();
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Uusi nimi');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator(`[data-bound="${goalId}.title"]`).inputValue())
      .toBe('Uusi nimi');
    await node.focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator(`.card-goal[data-item="${goalId}"]`).count()).toBe(0);
    await page.getByRole('status').getByRole('button', { name: 'Kumoa' }).click();
    await expect
      .poll(() => page.locator(`[data-bound="${goalId}.title"]`).inputValue())
      .toBe('Uusi nimi');
    await page.context().close();
  });
});
