/** Files and moves in the built web app: .linjaus and JSON round trips, bad input, drag in the outline. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser';
import { createDocument, trackErrors } from './helpers/app';
import { serveApp, type StaticServer } from './helpers/server';

let server: StaticServer;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'linjaus-e2e-files-'));

beforeAll(async () => {
  server = await serveApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  return (
    await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  ).newPage();
}

async function download(page: Page, button: string, name: string): Promise<string> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const file = join(dir, name);
  await d.saveAs(file);
  return file;
}

async function openFromStart(page: Page, button: string, file: string): Promise<void> {
  await page.goto(server.url);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await chooser.setFiles(file);
}

describe('authoring app: files', () => {
  it('downloads a .linjaus file and JSON, and opens both in another browser with the same content', async () => {
    const page = await newPage();
    await createDocument(page, server.url, 'elinvoimaohjelma', { example: true });
    const title = await page.locator('.doc-h1').innerText();
    const themeTitle = await page.locator('.card-theme .title-theme').first().inputValue();
    const linjaus = await download(page, 'Lataa tiedosto', 'doc.linjaus');
    const json = await download(page, 'Lataa JSON', 'doc.json');

    for (const [button, file] of [
      ['Avaa .linjaus-tiedosto', linjaus],
      ['Tuo JSON', json],
    ] as const) {
      const other = await newPage();
      const errors = trackErrors(other);
      await openFromStart(other, button, file);
      await other.locator('.doc-h1').waitFor();
      await expect(other.locator('.doc-h1').innerText()).resolves.toBe(title);
      await expect(other.locator('.card-theme .title-theme').first().inputValue()).resolves.toBe(
        themeTitle,
      );
      await other.goto(server.url);
      await expect.poll(() => other.locator('.recent-title').allInnerTexts()).toEqual([title]);
      expect(errors).toEqual([]);
      await other.context().close();
    }
    await page.context().close();
  });

  it('refuses a broken JSON file with a clear message and keeps the documents it had', async () => {
    const page = await newPage();
    await createDocument(page, server.url, 'kuntastrategia');
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      '{"format":"linjaus-programme","formatVersion":1,"id":"x","meta":{"title":5}',
    );
    await openFromStart(page, 'Tuo JSON', bad);
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toMatch(/^Tiedostoa ei voitu avata: .*bad\.json/);
    await expect(page.locator('.recent-title').count()).resolves.toBe(1);
    await page.context().close();
  });

  it('moves a goal to another theme by dragging it in the outline', async () => {
    const page = await newPage();
    await createDocument(page, server.url, 'elinvoimaohjelma', { example: true });
    const themes = page.locator('.tree-theme');
    const secondTheme = (await themes.nth(1).getAttribute('data-outline')) ?? '';
    const goal = page.locator('.tree-goal').first();
    const goalId = (await goal.getAttribute('data-outline')) ?? '';
    await goal.dragTo(themes.nth(1));
    await expect
      .poll(() =>
        page
          .locator(`.card-theme[data-item="${secondTheme}"] .card-goal`)
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-item'))),
      )
      .toContain(goalId);
    await page.context().close();
  });
});
