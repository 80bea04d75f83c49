/**
 * Screenshots of the main screens for docs/app.md: `npx tsx tests/e2e/helpers/screenshots.ts`
 * (after `npm run build:web`). Writes docs/app-*.png.
 */
import { resolve } from 'node:path';
import { launchBrowser } from './browser';
import { createDocument } from './app';
import { serveApp } from './server';

const out = (name: string) => resolve(import.meta.dirname, `../../../docs/app-${name}.png`);

const server = await serveApp();
const browser = await launchBrowser();
try {
  const page = await (
    await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })
  ).newPage();
  await createDocument(page, server.url, 'hankesuunnitelma', { example: true });
  await createDocument(page, server.url, 'elinvoimaohjelma', { example: true });
  const docUrl = page.url();
  await page.goto(server.url);
  await page.locator('.recent-item').nth(1).waitFor();
  await page.screenshot({ path: out('start') });

  await page.goto(docUrl);
  await page.locator('.doc-h1').waitFor();
  await page.screenshot({ path: out('editor') });

  const theme = page.locator('.card-theme').first();
  await theme.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await theme.locator('[data-field-wrap]').first().click();
  await page.keyboard.press('End');
  await page.screenshot({ path: out('themes') });

  await page
    .locator('.card-goal .indicators table')
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: out('indicators') });

  await page.getByRole('button', { name: 'Asiakirjan tiedot' }).click();
  await page.getByRole('heading', { name: 'Asiakirjan tiedot' }).waitFor();
  await page.screenshot({ path: out('settings') });
  await page.getByRole('button', { name: 'Etsi' }).click();
  await page.getByRole('searchbox').fill('aurinko');
  await page.locator('.find-hit').first().waitFor();
  await page.screenshot({ path: out('find') });
  await page.getByRole('button', { name: 'Etsi' }).click();

  await page.getByRole('button', { name: 'Vie PDF' }).click();
  await page.waitForFunction(
    () => /^\d+ sivua$/.test(document.querySelector('.progress-label')?.textContent ?? ''),
    null,
    { timeout: 120_000 },
  );
  await page.screenshot({ path: out('export') });
  await page.keyboard.press('Escape');

  await page.goto(server.url);
  await page.locator('.recent-link').nth(1).click();
  await page.locator('.doc-h1').waitFor();
  await page.getByRole('button', { name: /^SV/ }).click();
  await page.locator('.budget').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: out('budget-sv') });
  await page.getByRole('button', { name: /^FI/ }).click();
} finally {
  await browser.close();
  await server.close();
}
