/** PDF export from the built web app: runs in a worker, previews pages, and the text is in the file. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser';
import {
  createDocument,
  fillBound,
  sectionId,
  trackErrors,
  typeInField,
  waitSaved,
} from './helpers/app';
import { serveApp, type StaticServer } from './helpers/server';

let server: StaticServer;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'linjaus-e2e-pdf-'));

beforeAll(async () => {
  server = await serveApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('authoring app: PDF export', () => {
  it('exports the typed content to a PDF in a worker, previews its first pages, and saves a file whose text pdftotext reads back', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors = trackErrors(page);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await createDocument(page, server.url, 'elinvoimaohjelma');
    await page.getByRole('button', { name: 'Asiakirjan tiedot' }).click();
    await page.getByLabel('Asiakirjan nimi').fill('Järvilaakson elinvoimaohjelma 2026–2030');
    await typeInField(
      page,
      `${await sectionId(page, 'vision')}-body`,
      'Järvilaakso on uusiutuvan energian edelläkävijä. 東京',
    );
    const themes = await sectionId(page, 'themes');
    await page.locator(`section[data-item="${themes}"] .themes > button.btn-add`).click();
    const themeId = (await page.locator('.card-theme').first().getAttribute('data-item')) ?? '';
    await fillBound(page, themeId, 'title', 'Puhdas energia ja biotalous');
    await waitSaved(page);

    await page.getByRole('button', { name: 'Vie PDF' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vie PDF-tiedostoksi' });
    await dialog.waitFor();
    await dialog.locator('[data-export-state="done"]').waitFor({ timeout: 60_000 });
    // The preview has parsed the file with pdf.js: the label shows its page count.
    await expect
      .poll(() => dialog.locator('.progress-label').innerText(), { timeout: 30_000 })
      .toMatch(/^\d+ sivua$/);
    await expect(dialog.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe(
      '100',
    );
    expect(workers.some((u) => /pdf\.worker-[^/]*\.js$/.test(u))).toBe(true);
    // Characters no shipped font has are reported to the user, not dropped silently.
    const warning = dialog.locator('[data-export-warnings]');
    await expect.poll(() => warning.innerText()).toMatch(/kaikkea ei voitu esittää[\s\S]*東/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Tallenna PDF' }).click(),
    ]);
    const file = join(dir, 'export.pdf');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('Järvilaakson elinvoimaohjelma 2026–2030.pdf');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Järvilaakso on uusiutuvan energian edelläkävijä.');
    expect(text).toContain('Puhdas energia ja biotalous');
    expect(text).toContain('Järvilaakson elinvoimaohjelma');
    expect(errors).toEqual([]);
    await context.close();
  });
});
