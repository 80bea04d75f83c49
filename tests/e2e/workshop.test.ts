/**
 * The workshop in the browser: a real `linjaus serve` (port 0, --web dist/web) serves the built
 * app; two Chromium contexts (two people, separate storage) host and join one document, type in
 * the same field and in different sections, see each other (participant list, section dots,
 * a remote caret), one goes offline, both keep typing, and after reconnecting both show the same
 * text with "saved" meaning stored on the server.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe';
import { launchBrowser } from './helpers/browser';
import { createDocument, field, sectionId, trackErrors, waitSaved } from './helpers/app';
import { DIST } from './helpers/server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin/linjaus.js');
const run = promisify(execFile);

interface Serve {
  url: string;
  dataDir: string;
  child: ChildProcess;
}

async function startServe(): Promise<Serve> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'linjaus-ws-e2e-'));
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--data', dataDir, '--web', DIST],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1].replace(/\/?$/, '/'));
    });
    child.once('exit', (code) => reject(new Error(`linjaus serve exited ${code}: ${err}`)));
  });
  return { url, dataDir, child };
}

/** Mint a token with the real command line, as a server administrator would. */
async function mint(dataDir: string, doc: string, label: string): Promise<string> {
  const { stdout } = await run(process.execPath, [
    CLI,
    'token',
    '--data',
    dataDir,
    '--doc',
    doc,
    '--role',
    'editor',
    '--label',
    label,
  ]);
  return stdout.trim();
}

const fieldText = async (page: Page, fieldId: string) => (await field(page, fieldId)).innerText();

async function typeAtEnd(page: Page, fieldId: string, text: string): Promise<void> {
  const editor = await field(page, fieldId);
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Open the workshop dialog and start hosting; returns the join link and code shown. */
async function hostWorkshop(
  page: Page,
  name: string,
  token: string,
  guestToken?: string,
): Promise<{ link: string; code: string }> {
  await page.locator('[data-ws="open"]').click();
  await page.locator('[data-ws="name"]').fill(name);
  await page.locator('[data-ws="token"]').fill(token);
  if (guestToken) await page.locator('[data-ws="guest-token"]').fill(guestToken);
  await page.locator('[data-ws="start"]').click();
  await page.locator('[data-ws-connection="online"]').waitFor();
  return {
    link: await page.locator('[data-ws="join-link"]').inputValue(),
    code: await page.locator('[data-ws="join-code"]').inputValue(),
  };
}

describe('workshop in the browser', () => {
  let serve: Serve;
  let browser: Browser;
  let host: BrowserContext;
  let guest: BrowserContext;

  beforeAll(async () => {
    serve = await startServe();
    browser = await launchBrowser();
    host = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    guest = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    if (serve) {
      const exited = new Promise((r) => serve.child.once('exit', r));
      serve.child.kill('SIGTERM');
      await exited;
      await rm(serve.dataDir, { recursive: true, force: true });
    }
  });

  it('lets two participants co-edit through the server, see each other, and converge after one was offline', async () => {
    const a = await host.newPage();
    const b = await guest.newPage();
    const errors = [...trackErrors(a), ...trackErrors(b)];

    // Host: a new document, connected to the server with minted tokens.
    const docId = await createDocument(a, serve.url, 'elinvoimaohjelma');
    const hostToken = await mint(serve.dataDir, docId, 'Aino');
    const guestToken = await mint(serve.dataDir, docId, 'vieraat');
    await a.locator('[data-ws="open"]').click();
    await a.locator('[data-ws="name"]').fill('Aino');
    expect(await seriousViolations(a)).toEqual([]);
    await a.locator('[data-ws="token"]').fill(hostToken);
    await a.locator('[data-ws="guest-token"]').fill(guestToken);
    await a.locator('[data-ws="start"]').click();
    await a.locator('[data-ws-connection="online"]').waitFor();
    const link = await a.locator('[data-ws="join-link"]').inputValue();
    expect(link).toBe(`${serve.url}#join=${docId}&t=${encodeURIComponent(guestToken)}`);
    await a.locator('[data-ws="qr"]').waitFor();
    expect(await a.locator('[data-ws="join-code"]').inputValue()).toBe(`${docId}.${guestToken}`);
    expect(await seriousViolations(a)).toEqual([]);
    await a.keyboard.press('Escape');
    await a.locator('[role="dialog"]').waitFor({ state: 'detached' });

    // Guest: opens the link, gives a name, gets the document from the server.
    await b.goto(link);
    await b.locator('[data-ws="join-name"]').waitFor();
    expect(b.url()).not.toContain(guestToken);
    expect(await seriousViolations(b)).toEqual([]);
    await b.locator('[data-ws="join-name"]').fill('Bertil');
    await b.locator('[data-ws="join"]').click();
    await b.locator('.doc-h1').waitFor();
    expect(b.url()).toContain(`#/d/${docId}`);
    await b.locator('[data-ws-connection="online"]').waitFor();

    // Presence: each sees the other in the participant strip.
    await a.locator('[data-ws="presence"] [data-participant="Bertil"]').waitFor();
    await b.locator('[data-ws="presence"] [data-participant="Aino"]').waitFor();

    const vision = `${await sectionId(a, 'vision')}-body`;
    const target = await sectionId(a, 'targetState');
    const themes = await sectionId(a, 'themes');

    // The same field: both type, both see both.
    await typeAtEnd(a, vision, 'Aino kirjoittaa visiota. ');
    await typeAtEnd(b, vision, 'Bertil jatkaa. ');
    for (const page of [a, b]) {
      await expect
        .poll(() => fieldText(page, vision))
        .toMatch(/(?=.*Aino kirjoittaa visiota\.)(?=.*Bertil jatkaa\.)/s);
    }
    // Bertil's caret, with his name, is drawn in Aino's copy of the field.
    await a
      .locator(`[data-field-wrap="${vision}"] .rt-cursors span`, { hasText: 'Bertil' })
      .first()
      .waitFor();

    // Different sections: each sees where the other is.
    await typeAtEnd(a, `${target}-body`, 'Tavoitetila: Aino. ');
    await typeAtEnd(b, `${themes}-body`, 'Teemat: Bertil. ');
    await a.locator(`[data-ws-dots="${themes}"]`).waitFor();
    await b.locator(`[data-ws-dots="${target}"]`).waitFor();
    await a
      .locator(`[data-ws="presence"] [data-participant="Bertil"]`)
      .filter({
        hasText: await a
          .locator(`#h-${themes}`)
          .innerText()
          .then((s) => s.replace(/^\d+\s*/, '')),
      })
      .waitFor();
    await expect.poll(() => fieldText(b, `${target}-body`)).toContain('Tavoitetila: Aino.');
    await expect.poll(() => fieldText(a, `${themes}-body`)).toContain('Teemat: Bertil.');

    if (process.env.LINJAUS_WORKSHOP_SCREENSHOT) {
      await typeAtEnd(b, vision, 'Yhdessä. ');
      await expect.poll(() => a.locator('.status-words').innerText()).not.toMatch(/^0\b/);
      await a
        .locator(`[data-field-wrap="${vision}"] .rt-cursors span`, { hasText: 'Bertil' })
        .first()
        .waitFor();
      await a.screenshot({ path: process.env.LINJAUS_WORKSHOP_SCREENSHOT });
      await a.locator('[data-ws="open"]').click();
      await a.locator('[data-ws="qr"]').waitFor();
      await a.screenshot({
        path: process.env.LINJAUS_WORKSHOP_SCREENSHOT.replace(/\.png$/, '-dialog.png'),
      });
      await a.keyboard.press('Escape');
      await a.locator('[role="dialog"]').waitFor({ state: 'detached' });
    }

    // Offline: the guest's network goes; both keep typing.
    await guest.setOffline(true);
    await b.locator('[data-ws-connection="offline"]').waitFor();
    await typeAtEnd(b, vision, 'Bertil ilman verkkoa. ');
    await typeAtEnd(b, `${themes}-body`, 'Offline-teema. ');
    await typeAtEnd(a, vision, 'Aino samaan aikaan. ');
    await b.locator('[data-ws-waiting]').waitFor();
    expect(
      Number(await b.locator('[data-ws-waiting]').getAttribute('data-ws-waiting')),
    ).toBeGreaterThan(0);
    await b.locator('[data-save-state="offline"]').waitFor();

    // Back online: merged with no prompt, the same text on both, stored on the server.
    await guest.setOffline(false);
    await b.locator('[data-ws-connection="online"]').waitFor();
    for (const id of [vision, `${target}-body`, `${themes}-body`]) {
      await expect
        .poll(async () => (await fieldText(a, id)) === (await fieldText(b, id)))
        .toBe(true);
    }
    const merged = await fieldText(a, vision);
    for (const s of [
      'Aino kirjoittaa visiota.',
      'Bertil jatkaa.',
      'Bertil ilman verkkoa.',
      'Aino samaan aikaan.',
    ])
      expect(merged).toContain(s);
    expect(await fieldText(a, `${themes}-body`)).toContain('Offline-teema.');
    await waitSaved(a);
    await waitSaved(b);

    // A reload keeps the guest in the workshop (this tab remembers it) with everything there.
    await b.reload();
    await b.locator('[data-ws-connection="online"]').waitFor();
    await expect.poll(() => fieldText(b, vision)).toBe(merged);
    await a.locator('[data-ws="presence"] [data-participant="Bertil"]').waitFor();
    expect(errors).toEqual([]);
  });

  it('joins by a code pasted on the start screen, refuses bad codes and tokens with a reason, and shuts out a revoked participant', async () => {
    const a = await host.newPage();
    const docId = await createDocument(a, serve.url, 'hankesuunnitelma');
    const { code: sharedCode } = await hostWorkshop(
      a,
      'Aino',
      await mint(serve.dataDir, docId, 'Aino'),
    );
    expect(sharedCode.startsWith(`${docId}.lj1.`)).toBe(true);

    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const c = await other.newPage();
      const errors = trackErrors(c);
      await c.goto(serve.url);
      // By keyboard: the dialog opens with focus in its first field, Escape gives focus back.
      const focused = () => c.evaluate(() => document.activeElement?.getAttribute('data-ws'));
      await c.locator('[data-ws="join-open"]').focus();
      await c.keyboard.press('Enter');
      await c.locator('[data-ws="join-input"]').waitFor();
      expect(await focused()).toBe('join-input');
      expect(await seriousViolations(c)).toEqual([]);
      await c.keyboard.press('Escape');
      await c.locator('[role="dialog"]').waitFor({ state: 'detached' });
      expect(await focused()).toBe('join-open');
      await c.keyboard.press('Enter');
      await c.locator('[data-ws="join-input"]').waitFor();

      // Not a link or code: said so, nothing attempted.
      await c.keyboard.type('hello');
      await c.keyboard.press('Tab');
      expect(await focused()).toBe('join-name');
      await c.keyboard.type('Cecilia');
      await c.keyboard.press('Enter');
      await c.getByRole('alert').filter({ hasText: 'ei ole liittymislinkki' }).waitFor();

      // A real token of another document: refused by the server (which does not say more).
      const elsewhere = await mint(serve.dataDir, 'toinen-asiakirja', 'x');
      await c.locator('[data-ws="join-input"]').fill(`${docId}.${elsewhere}`);
      await c.locator('[data-ws="join"]').click();
      await c.getByRole('alert').filter({ hasText: 'tunniste ei kelpaa' }).waitFor();

      // Her own token: joins and edits.
      const own = await mint(serve.dataDir, docId, 'Cecilia');
      await c.locator('[data-ws="join-input"]').fill(`${docId}.${own}`);
      await c.locator('[data-ws="join"]').click();
      await c.locator('[data-ws-connection="online"]').waitFor();
      await a.locator('[data-ws="participants"] [data-participant="Cecilia"]').waitFor();
      const body = `${await sectionId(c, 'richText')}-body`;
      await typeAtEnd(c, body, 'Cecilia kirjoittaa. ');
      await expect.poll(() => fieldText(a, body)).toContain('Cecilia kirjoittaa.');

      // The host's revoke button names her token; the administrator revokes it on the server.
      await a.locator('[data-participant="Cecilia"]').getByRole('button').click();
      const command = await a.locator('[data-participant="Cecilia"] code').innerText();
      const tokenId = own.split('.')[1]!;
      expect(command).toBe(`linjaus token revoke --id ${tokenId}`);
      await run(process.execPath, [
        CLI,
        'token',
        'revoke',
        '--data',
        serve.dataDir,
        '--id',
        tokenId,
      ]);
      await c
        .locator('[data-ws-connection="denied"]')
        .filter({ hasText: 'pääsy on poistettu' })
        .waitFor();
      await a
        .locator('[data-ws="participants"] [data-participant="Cecilia"]')
        .waitFor({ state: 'detached' });

      // The host ends the workshop (its dialog is still open) and can host again.
      await a.locator('[data-ws="end"]').click();
      await a.locator('[data-ws-connection]').waitFor({ state: 'detached' });
      await waitSaved(a);
      await hostWorkshop(a, 'Aino', await mint(serve.dataDir, docId, 'Aino 2'));
      await a.locator('[data-ws="participants"] [data-participant="Aino"]').waitFor();
      await a.keyboard.press('Escape');
      await typeAtEnd(a, `${await sectionId(a, 'richText')}-body`, 'Uudelleen. ');
      await waitSaved(a);

      // The same strings in Swedish.
      await c.locator('.lang-btn[lang="sv"]').click();
      await c
        .locator('[data-ws-connection="denied"]')
        .filter({ hasText: 'åtkomsten har återkallats' })
        .waitFor();
      expect(errors).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
