/**
 * "Saved" in the web app means committed to IndexedDB, not just handed to y-indexeddb. The page
 * is started with IndexedDB's write transactions held open on demand (each readwrite transaction
 * keeps itself alive with requests until the test releases it), so a commit can be delayed at
 * will: the status line must say "saving" for as long as the edit is not committed, and "saved"
 * only after it is.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDocument,
  reload,
  sectionId,
  trackErrors,
  typeInField,
  waitSaved,
} from './helpers/app';
import { launchBrowser } from './helpers/browser';
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

/** Installed before the app loads: `__holdWrites(true)` keeps new readwrite transactions open. */
function holdIndexedDbWrites(): void {
  const w = window as unknown as {
    __hold: boolean;
    __held: number;
    __holdWrites(on: boolean): void;
  };
  w.__hold = false;
  w.__held = 0;
  w.__holdWrites = (on) => {
    w.__hold = on;
  };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ) {
    const tx = transaction.apply(this, args);
    if (args[1] === 'readwrite' && w.__hold) {
      w.__held++;
      const store = tx.objectStore(tx.objectStoreNames[0]!);
      // A transaction commits once no request is pending after its callbacks ran, so each
      // request's callback makes the next one (a timer would let it commit in between).
      const spin = () => {
        if (w.__hold) store.count().onsuccess = spin;
        else w.__held--;
      };
      store.count().onsuccess = spin;
    }
    return tx;
  } as IDBDatabase['transaction'];
}

const saveState = (page: Page) =>
  page.locator('[data-save-state]').first().getAttribute('data-save-state');

describe('authoring app: the save state', () => {
  it('says saving until IndexedDB has committed an edit, and saved only after the commit', async () => {
    const page = await browser.newPage();
    const errors = trackErrors(page);
    await page.addInitScript(holdIndexedDbWrites);
    await createDocument(page, server.url, 'kuntastrategia');
    const vision = `${await sectionId(page, 'vision')}-body`;

    await page.evaluate(() =>
      (window as unknown as { __holdWrites(on: boolean): void }).__holdWrites(true),
    );
    await typeInField(page, vision, 'Odottaa tallennusta.');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __held: number }).__held))
      .toBeGreaterThan(0);
    // The edit is in the editor and handed to IndexedDB, but not committed: never "saved".
    for (let i = 0; i < 10; i++) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20))));
      expect(await saveState(page)).toBe('saving');
    }

    await page.evaluate(() =>
      (window as unknown as { __holdWrites(on: boolean): void }).__holdWrites(false),
    );
    await waitSaved(page);
    await reload(page);
    await expect
      .poll(async () => page.locator(`[data-field-wrap="${vision}"]`).innerText())
      .toContain('Odottaa tallennusta.');
    expect(errors).toEqual([]);
    await page.close();
  });
});
