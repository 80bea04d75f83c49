/**
 * A workshop viewer's copy that diverged is replaced with a fresh copy from the server
 * (renderer/workshop/resync.ts): a real `linjaus serve` (port 0, --web dist/web), a host and a
 * viewer in separate Chromium contexts. A local write on the viewer's read-only document (what a
 * missed code path would do) deletes a theme; the guard's revert recreates it under new Yjs ids,
 * so the host's later rename of that theme would never show in the old copy. The viewer's page
 * fetches a fresh copy, reloads once, says so, and shows the host's rename; a second divergence
 * in the same page session does not reload again.
 *
 * The app exposes no test hook: as in app.readonly.test.ts, the test reaches the open document's
 * `DocumentSession` through React's fiber reference on the editor's root element.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser';
import { createDocument, fillBound, trackErrors } from './helpers/app';
import { mintHost, startServe, type Serve } from './helpers/server';
import { grabSession } from './helpers/session';

/** What the test uses of the open document's `DocumentSession` inside the page. */
interface PageSession {
  needsResync(): boolean;
  doc: { getMap(name: string): { delete(key: string): void } };
}
interface TestWindow {
  testSession: PageSession;
  testSamePage?: boolean;
}

/** Delete an item through the model's map, as a missed code path would; returns needsResync. */
const forceDelete = (page: Page, itemId: string) =>
  page.evaluate((id) => {
    const { testSession } = window as unknown as TestWindow;
    testSession.doc.getMap('items').delete(id);
    return testSession.needsResync();
  }, itemId);

const title = (page: Page, itemId: string) =>
  page.locator(`[data-bound="${itemId}.title"]`).inputValue();

describe('workshop viewer’s diverged copy', () => {
  let serve: Serve;
  let browser: Browser;

  beforeAll(async () => {
    serve = await startServe();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (serve) {
      const exited = new Promise((r) => serve.child.once('exit', r));
      serve.child.kill('SIGTERM');
      await exited;
      rmSync(serve.dataDir, { recursive: true, force: true });
    }
  });

  it('is replaced with the server’s copy once, shows the host’s later rename, and does not loop', async () => {
    const viewport = { width: 1440, height: 900 };
    const a = await (await browser.newContext({ viewport })).newPage();
    const v = await (await browser.newContext({ viewport })).newPage();
    const errors = [...trackErrors(a), ...trackErrors(v)];
    let viewerLoads = 0;
    v.on('load', () => viewerLoads++);

    // The host starts a workshop on an example and hands out a viewer (read-only) code.
    const docId = await createDocument(a, serve.url, 'elinvoimaohjelma', { example: true });
    const token = await mintHost(serve.dataDir, docId, 'Aino');
    await a.locator('[data-ws="open"]').click();
    await a.locator('[data-ws="name"]').fill('Aino');
    await a.locator('[data-ws="token"]').fill(token);
    await a.locator('[data-ws="start"]').click();
    await a.locator('[data-ws-connection="online"]').waitFor();
    await a.locator('[data-ws="invite-viewer"]').check();
    await a.locator('[data-ws="code"][data-role="viewer"]').waitFor();
    const viewerCode = await a.locator('[data-ws="code"]').innerText();
    await a.keyboard.press('Escape');
    await a.locator('[role="dialog"]').waitFor({ state: 'detached' });
    const themes = await a
      .locator('.card-theme')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-item') ?? ''));
    expect(themes.length).toBeGreaterThan(1);
    const [first = '', second = ''] = themes;
    const firstTitle = await title(a, first);

    // The viewer joins with the code; her copy is read-only.
    await v.goto(serve.url);
    await v.locator('[data-ws="join-open"]').click();
    await v.locator('[data-ws="join-input"]').fill(viewerCode);
    await v.locator('[data-ws="join-name"]').fill('Dora');
    await v.locator('[data-ws="join"]').click();
    await v.locator('[data-ws-connection="online"]').waitFor();
    await v.locator('[data-readonly-status]').waitFor();
    await expect.poll(() => title(v, first)).toBe(firstTitle);
    expect(viewerLoads).toBe(1);

    // A local write slips through: the revert recreates the theme under new ids (diverged).
    await grabSession(v);
    await expect(forceDelete(v, first)).resolves.toBe(true);
    // The host renames that very theme: the old copy would keep showing the old title.
    await fillBound(a, first, 'title', 'Aino nimesi uudelleen');

    // The viewer's page fetched a fresh copy, reloaded once, says so and shows the rename.
    await v
      .locator('.toast')
      .filter({ hasText: 'Kopiosi päivitettiin työpajan versioon.' })
      .waitFor();
    await v.locator('[data-ws-connection="online"]').waitFor();
    await expect.poll(() => title(v, first)).toBe('Aino nimesi uudelleen');
    expect(viewerLoads).toBe(2);
    await v.locator('[data-readonly-status]').waitFor();

    // A second divergence in the same page session does not refresh (or reload) again: the
    // page stays connected and keeps receiving the host's edits of other items live.
    await v.evaluate(() => ((window as unknown as TestWindow).testSamePage = true));
    await grabSession(v);
    await expect(forceDelete(v, first)).resolves.toBe(true);
    await v
      .locator('.toast')
      .filter({ hasText: 'Muutosta ei tallennettu: asiakirja on vain luku -tilassa.' })
      .waitFor();
    await fillBound(a, second, 'title', 'Toinen teema live');
    await expect.poll(() => title(v, second)).toBe('Toinen teema live');
    await expect(
      v.evaluate(() => (window as unknown as TestWindow).testSamePage === true),
    ).resolves.toBe(true);
    expect(viewerLoads).toBe(2);
    await expect(v.locator('[data-ws-connection="online"]').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });
});
