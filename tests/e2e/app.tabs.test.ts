/** Two pages of one browser profile on the same document (IndexedDB + BroadcastChannel). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchProfile } from './helpers/browser';
import {
  createDocument,
  field,
  fillBound,
  reload,
  sectionId,
  trackErrors,
  typeInField,
  waitSaved,
} from './helpers/app';
import { serveApp, type StaticServer } from './helpers/server';

let server: StaticServer;
let profile: BrowserContext;
const dir = mkdtempSync(join(tmpdir(), 'linjaus-e2e-profile-'));

beforeAll(async () => {
  server = await serveApp();
  profile = await launchProfile(dir);
});
afterAll(async () => {
  await profile?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('authoring app: two tabs', () => {
  it('keeps two pages of one profile consistent live, undoes only each page’s own edits, and both see the same after a reload', async () => {
    const a = await profile.newPage();
    const errors = trackErrors(a);
    await createDocument(a, server.url, 'elinvoimaohjelma');
    const b = await profile.newPage();
    trackErrors(b).forEach((e) => errors.push(e));
    await b.goto(a.url());
    await b.locator('.doc-h1').waitFor();
    const vision = `${await sectionId(a, 'vision')}-body`;
    const themes = await sectionId(a, 'themes');

    // Both pages bind the same empty field before anyone types: it must stay one paragraph.
    await field(b, vision);
    await typeInField(a, vision, 'Kirjoitettu välilehdellä A.');
    await expect
      .poll(async () => (await field(b, vision)).innerText())
      .toBe('Kirjoitettu välilehdellä A.');
    await expect((await field(a, vision)).locator('p').count()).resolves.toBe(1);
    await expect((await field(b, vision)).locator('p').count()).resolves.toBe(1);

    await b.locator(`section[data-item="${themes}"] .themes > button.btn-add`).click();
    const themeId = (await b.locator('.card-theme').first().getAttribute('data-item')) ?? '';
    await fillBound(b, themeId, 'title', 'Teema välilehdeltä B');
    await expect
      .poll(() => a.locator(`[data-bound="${themeId}.title"]`).inputValue())
      .toBe('Teema välilehdeltä B');
    await expect
      .poll(() => a.locator(`[data-outline="${themeId}"] .tree-label`).innerText())
      .toBe('Teema välilehdeltä B');

    // A's undo removes A's text only; B's theme stays, in both pages.
    await (await field(a, vision)).click();
    await a.keyboard.press('Control+z');
    await expect.poll(async () => (await (await field(a, vision)).innerText()).trim()).toBe('');
    await expect.poll(async () => (await (await field(b, vision)).innerText()).trim()).toBe('');
    await expect(a.locator(`[data-bound="${themeId}.title"]`).inputValue()).resolves.toBe(
      'Teema välilehdeltä B',
    );

    await typeInField(b, vision, 'Lopullinen visio.');
    await expect.poll(async () => (await field(a, vision)).innerText()).toBe('Lopullinen visio.');
    await waitSaved(a);
    await waitSaved(b);
    await reload(a);
    await expect.poll(async () => (await field(a, vision)).innerText()).toBe('Lopullinen visio.');
    await expect(a.locator(`[data-bound="${themeId}.title"]`).inputValue()).resolves.toBe(
      'Teema välilehdeltä B',
    );
    // The reloaded page still syncs with the other one.
    await fillBound(b, themeId, 'title', 'Muutettu B:ssä');
    await expect
      .poll(() => a.locator(`[data-bound="${themeId}.title"]`).inputValue())
      .toBe('Muutettu B:ssä');
    expect(errors).toEqual([]);
  });
});
