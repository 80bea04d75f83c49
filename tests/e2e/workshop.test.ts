/**
 * The workshop in the browser: a real `linjaus serve` (port 0, --web dist/web) serves the built
 * app. The host starts with one host token (minted with `linjaus token --host`, as an
 * administrator would), the app shows the short code, link and QR; participants in other
 * Chromium contexts (separate storage) join by typing the code or opening the link, with a name.
 * They type in the same field and in different sections, see each other (participant list,
 * section dots, a remote caret), one goes offline and comes back, and "saved" means stored on
 * the server. The host removes a participant's access, gives viewers a read-only code, and ends
 * the workshop for everyone.
 */
import { execFile, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe';
import { launchBrowser } from './helpers/browser';
import { createDocument, field, sectionId, trackErrors, waitSaved } from './helpers/app';
import {
  CLI,
  mintHost,
  serveApp,
  startServe,
  type Serve,
  type StaticServer,
} from './helpers/server';
import { createWorkshopHost, type WorkshopChannel } from '../../electron/main/workshop/host';
import type { FromWorkshop } from '../../electron/main/workshop/protocol';
import { connectDesktopPage } from '../fixtures/electron/desktopPage';
import { createInProcessDesktop } from '../fixtures/electron/inProcessDesktop';

const run = promisify(execFile);

const fieldText = async (page: Page, fieldId: string) => (await field(page, fieldId)).innerText();

async function typeAtEnd(page: Page, fieldId: string, text: string): Promise<void> {
  const editor = await field(page, fieldId);
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Open the workshop dialog and start hosting with a host token; returns the code shown. */
async function hostWorkshop(page: Page, token: string): Promise<string> {
  await page.locator('[data-ws="open"]').click();
  await page.locator('[data-ws="name"]').fill('Aino');
  await page.locator('[data-ws="token"]').fill(token);
  await page.locator('[data-ws="start"]').click();
  await page.locator('[data-ws-connection="online"]').waitFor();
  return page.locator('[data-ws="code"]').innerText();
}

/** Join from the start screen's dialog by typing a code (or a link) and a name. */
async function joinByTyping(page: Page, url: string, code: string, name: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-ws="join-open"]').click();
  await page.locator('[data-ws="join-input"]').fill(code);
  await page.locator('[data-ws="join-name"]').fill(name);
  await page.locator('[data-ws="join"]').click();
  await page.locator('[data-ws-connection="online"]').waitFor();
}

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

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
      rmSync(serve.dataDir, { recursive: true, force: true });
    }
  });

  it('lets a guest join by typing the host’s code, co-edit, see each other, and converge after being offline', async () => {
    const a = await host.newPage();
    const b = await guest.newPage();
    const errors = [...trackErrors(a), ...trackErrors(b)];

    // Host: a new document; the dialog shows the command that mints the host token for it.
    const docId = await createDocument(a, serve.url, 'elinvoimaohjelma');
    await a.locator('[data-ws="open"]').click();
    expect(await a.locator('[data-ws="mint-command"]').innerText()).toContain(
      `linjaus token --doc ${docId} --role editor --host`,
    );
    expect(await a.locator('[data-ws="server"]').inputValue()).toBe(serve.url.replace(/\/$/, ''));
    await a.locator('[data-ws="name"]').fill('Aino K');
    expect(await seriousViolations(a)).toEqual([]);

    // A token that is not a host token is refused with the reason, before anything connects.
    const { stdout: plain } = await run(process.execPath, [
      CLI,
      'token',
      '--data',
      serve.dataDir,
      '--doc',
      docId,
      '--role',
      'editor',
    ]);
    await a.locator('[data-ws="token"]').fill(plain.trim());
    await a.locator('[data-ws="start"]').click();
    await a
      .locator('[data-ws="host-error"]')
      .filter({ hasText: 'ei ole tämän asiakirjan järjestäjän tunniste' })
      .waitFor();

    // The host token: the code (big), the #code= link and its QR; the token's label is the name.
    const hostToken = await mintHost(serve.dataDir, docId, 'Aino');
    await a.locator('[data-ws="token"]').fill(hostToken);
    await a.locator('[data-ws="start"]').click();
    await a.locator('[data-ws-connection="online"]').waitFor();
    const code = await a.locator('[data-ws="code"]').innerText();
    expect(code).toMatch(CODE);
    expect(await a.locator('[data-ws="join-link"]').inputValue()).toBe(
      `${serve.url}#code=${code.replace('-', '')}`,
    );
    await a.locator('[data-ws="qr"]').waitFor();
    await a.getByText('Nimesi työpajassa on ”Aino”').waitFor();
    await a.locator('[data-ws="participants"] [data-participant="Aino"]').waitFor();
    expect(await seriousViolations(a)).toEqual([]);
    await a.keyboard.press('Escape');
    await a.locator('[role="dialog"]').waitFor({ state: 'detached' });

    // Guest: types the code from the projector, in lower case without the dash, and a name.
    await joinByTyping(b, serve.url, code.replace('-', '').toLowerCase(), 'Bertil');
    expect(b.url()).toContain(`#/d/${docId}`);
    expect(await b.locator('[data-readonly-status]').count()).toBe(0);

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
    const themesTitle = (await a.locator(`#h-${themes}`).innerText()).replace(/^\d+\s*/, '');
    await a
      .locator(`[data-ws="presence"] [data-participant="Bertil"]`)
      .filter({ hasText: themesTitle })
      .waitFor();
    await expect.poll(() => fieldText(b, `${target}-body`)).toContain('Tavoitetila: Aino.');
    await expect.poll(() => fieldText(a, `${themes}-body`)).toContain('Teemat: Bertil.');

    // The host's list (server + presence): Bertil, an editor, in the themes section.
    await a.locator('[data-ws="open"]').click();
    const bertilRow = a.locator('[data-ws="participants"] [data-participant="Bertil"]');
    await bertilRow.filter({ hasText: themesTitle }).waitFor();
    await bertilRow.filter({ hasText: 'muokkaaja' }).waitFor();
    if (process.env.LINJAUS_WORKSHOP_SCREENSHOT) {
      await a.screenshot({
        path: process.env.LINJAUS_WORKSHOP_SCREENSHOT.replace(/\.png$/, '-dialog.png'),
      });
    }
    await a.keyboard.press('Escape');
    await a.locator('[role="dialog"]').waitFor({ state: 'detached' });
    if (process.env.LINJAUS_WORKSHOP_SCREENSHOT) {
      await typeAtEnd(b, vision, 'Yhdessä. ');
      await a
        .locator(`[data-field-wrap="${vision}"] .rt-cursors span`, { hasText: 'Bertil' })
        .first()
        .waitFor();
      await expect.poll(() => fieldText(a, vision)).toContain('Yhdessä.');
      await a.screenshot({ path: process.env.LINJAUS_WORKSHOP_SCREENSHOT });
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

    // The administrator revokes the host token: the workshop cannot be ended any more, so the
    // host may leave without ending, keeps the document, and a reload does not reconnect.
    await run(process.execPath, [
      CLI,
      'token',
      'revoke',
      '--data',
      serve.dataDir,
      '--id',
      hostToken.split('.')[1] ?? '',
    ]);
    await a.locator('[data-ws-connection="denied"]').waitFor();
    await a.locator('[data-ws="open"]').click();
    await a.getByText('Työpajaa ei voi lopettaa palvelimella').waitFor();
    await a.getByRole('button', { name: 'Poistu lopettamatta', exact: true }).click();
    await a.locator('[data-ws-connection]').waitFor({ state: 'detached' });
    await waitSaved(a);
    await a.reload();
    await expect.poll(() => fieldText(a, vision)).toBe(merged);
    await waitSaved(a);
    expect(await a.locator('[data-ws-connection]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('explains refused codes, removes a participant’s access, gives viewers a read-only code, and ends for everyone', async () => {
    const a = await host.newPage();
    const docId = await createDocument(a, serve.url, 'hankesuunnitelma');
    const code = await hostWorkshop(a, await mintHost(serve.dataDir, docId, 'Aino'));
    const body = `${await sectionId(a, 'richText')}-body`;

    const people = [
      await browser.newContext({ viewport: { width: 1280, height: 800 } }),
      await browser.newContext({ viewport: { width: 1280, height: 800 } }),
    ] as const;
    try {
      const c = await people[0].newPage();
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

      // Not a code: said so, nothing attempted. A well-formed code the server does not know:
      // the server's answer, in words.
      await c.keyboard.type('hello');
      await c.keyboard.press('Tab');
      expect(await focused()).toBe('join-name');
      await c.keyboard.type('Cecilia');
      await c.keyboard.press('Enter');
      await c.getByRole('alert').filter({ hasText: 'ei ole liittymiskoodi' }).waitFor();
      await c.locator('[data-ws="join-input"]').fill('ZZZZ-ZZZZ');
      await c.locator('[data-ws="join"]').click();
      await c.getByRole('alert').filter({ hasText: 'Koodia ei tunneta' }).waitFor();

      // Behind a proxy that swallows the WebSocket, the join waits with Cancel at hand; Cancel
      // gives the form back, with focus on Join.
      const stuck = await people[0].newPage();
      await stuck.routeWebSocket(/.*/, () => undefined);
      await stuck.goto(`${serve.url}#code=${code.replace('-', '')}`);
      await stuck.locator('[data-ws="join-name"]').fill('Xaver');
      await stuck.locator('[data-ws="join"]').click();
      await stuck.locator('[data-ws="join"]').filter({ hasText: 'Liitytään…' }).waitFor();
      expect(await stuck.locator('[data-ws="join"]').isDisabled()).toBe(true);
      await stuck.getByRole('button', { name: 'Peruuta', exact: true }).focus();
      await stuck.keyboard.press('Enter');
      await stuck
        .locator('[data-ws="join"]')
        .filter({ hasText: /^Liity$/ })
        .waitFor();
      expect(await stuck.locator('[data-ws="join"]').isEnabled()).toBe(true);
      expect(await stuck.evaluate(() => document.activeElement?.getAttribute('data-ws'))).toBe(
        'join',
      );
      expect(await stuck.locator('[data-ws-connection]').count()).toBe(0);
      await stuck.close();

      // The link (as the QR code carries it) opens the join screen with the code shown.
      await c.goto(`${serve.url}#code=${code.replace('-', '')}`);
      await c.locator('[data-ws="join-code-shown"]').filter({ hasText: code }).waitFor();
      expect(c.url()).not.toContain(code.replace('-', ''));
      await c.locator('[data-ws="join-name"]').fill('Cecilia');
      await c.locator('[data-ws="join"]').click();
      await c.locator('[data-ws-connection="online"]').waitFor();
      await typeAtEnd(c, body, 'Cecilia kirjoittaa. ');
      await expect.poll(() => fieldText(a, body)).toContain('Cecilia kirjoittaa.');

      // The host removes her access (after confirming): she is shut out at once.
      const ceciliaRow = a.locator('[data-ws="participants"] [data-participant="Cecilia"]');
      // By keyboard: each row's button is named after the participant, and focus follows the
      // button into the confirmation and back out of it.
      const hostFocus = () => a.evaluate(() => document.activeElement?.getAttribute('data-ws'));
      const revokeCecilia = a.getByRole('button', { name: 'Poista pääsy: Cecilia', exact: true });
      await revokeCecilia.focus();
      await a.keyboard.press('Enter');
      await ceciliaRow.getByText('Poistetaanko osallistujan Cecilia pääsy?').waitFor();
      await expect.poll(hostFocus).toBe('revoke-confirm');
      await a.keyboard.press('Tab');
      expect(await hostFocus()).toBe('revoke-cancel');
      await a.keyboard.press('Enter');
      await expect.poll(hostFocus).toBe('revoke');
      await a.keyboard.press('Enter');
      await expect.poll(hostFocus).toBe('revoke-confirm');
      await a.keyboard.press('Enter');
      await c
        .locator('[data-ws-connection="denied"]')
        .filter({ hasText: 'pääsy on poistettu' })
        .waitFor();
      await ceciliaRow.waitFor({ state: 'detached' });
      // What she types now stays with her.
      await typeAtEnd(c, body, 'Poistettu kirjoittaa. ');

      // Viewers: the host switches the invite to a read-only code; Dora joins with it.
      await a.locator('[data-ws="invite-viewer"]').check();
      await a.locator('[data-ws="code"][data-role="viewer"]').waitFor();
      const viewerCode = await a.locator('[data-ws="code"]').innerText();
      expect(viewerCode).toMatch(CODE);
      expect(viewerCode).not.toBe(code);
      const d = await people[1].newPage();
      errors.push(...trackErrors(d));
      await joinByTyping(d, serve.url, viewerCode, 'Dora');
      await a
        .locator('[data-ws="participants"] [data-participant="Dora"]')
        .filter({ hasText: 'katselija' })
        .waitFor();
      // Her copy is read-only: the field does not take typing; the host's text arrives.
      await d.locator('[data-readonly-status]').waitFor();
      const wrap = d.locator(`[data-field-wrap="${body}"]`);
      await wrap.scrollIntoViewIfNeeded();
      if ((await wrap.locator('.rt-editor').count()) === 0)
        await wrap.locator('[role="textbox"]').click();
      const viewerField = wrap.locator('.rt-editor');
      await expect.poll(() => viewerField.getAttribute('contenteditable')).toBe('false');
      await expect.poll(() => viewerField.innerText()).toContain('Cecilia kirjoittaa.');
      await viewerField.click();
      await d.keyboard.type('Dora yrittää. ');
      await a.keyboard.press('Escape');
      await a.locator('[role="dialog"]').waitFor({ state: 'detached' });
      await typeAtEnd(a, body, 'Aino lopettaa. ');
      await expect.poll(() => viewerField.innerText()).toContain('Aino lopettaa.');
      expect(await viewerField.innerText()).not.toContain('Dora yrittää.');
      await waitSaved(a);
      const hostText = await fieldText(a, body);
      expect(hostText).not.toContain('Dora yrittää.');
      expect(hostText).not.toContain('Poistettu kirjoittaa.');

      // The host ends the workshop for everyone (after confirming) and is back to local saving.
      await a.locator('[data-ws="open"]').click();
      await a.locator('[data-ws="end"]').click();
      await a.locator('[data-ws="end-confirm"]').click();
      await a.locator('[data-ws-connection]').waitFor({ state: 'detached' });
      // The viewer is told the workshop ended, not that her access was removed.
      await d
        .locator('[data-ws-connection="denied"]')
        .filter({ hasText: 'Työpaja on päättynyt.' })
        .waitFor();
      await waitSaved(a);
      await typeAtEnd(a, body, 'Työpajan jälkeen. ');
      await waitSaved(a);

      // The same strings in Swedish.
      await c.locator('.lang-btn[lang="sv"]').click();
      await c
        .locator('[data-ws-connection="denied"]')
        .filter({ hasText: 'åtkomsten har återkallats' })
        .waitFor();
      await d.locator('.lang-btn[lang="sv"]').click();
      await d
        .locator('[data-ws-connection="denied"]')
        .filter({ hasText: 'Workshopen har avslutats.' })
        .waitFor();
      expect(errors).toEqual([]);
    } finally {
      await Promise.all(people.map((p) => p.close()));
    }
  });
});

/**
 * The desktop app's workshop paths: the renderer in Chromium with `window.linjaus` over the real
 * main side in Node (tests/fixtures/electron), the embedded workshop server as main runs it (the
 * worker entry as a child process behind main's workshop host). `workshopSetServer` reloads the
 * page with `?workshop=<address>` as main does; the page is served from a plain HTTP origin, so
 * the window's CSP itself is not part of this test (tests/unit/electronSecurity.test.ts).
 */
describe('workshop in the desktop app', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'linjaus-ws-desktop-'));
  const WORKER = fileURLToPath(new URL('../../electron/main/workshop/worker.ts', import.meta.url));
  const children: ReturnType<typeof fork>[] = [];
  let app: StaticServer;
  let browser: Browser;
  let host: ReturnType<typeof createWorkshopHost>;

  beforeAll(async () => {
    app = await serveApp();
    browser = await launchBrowser();
    host = createWorkshopHost(
      (): WorkshopChannel => {
        const child = fork(WORKER, [], {
          execArgv: ['--import', 'tsx'],
          serialization: 'advanced',
          stdio: 'pipe',
        });
        children.push(child);
        return {
          postMessage: (m) => child.send(m),
          onMessage: (l) => child.on('message', (m) => l(m as FromWorkshop)),
          onExit: (l) => child.on('exit', (code) => l(code ?? -1)),
          kill: () => child.kill('SIGKILL'),
        };
      },
      {
        bindHost: '127.0.0.1',
        dataDir: path.join(dir, 'server'),
        webDir: null,
        allowedHosts: [],
        // The desktop renderer's origin: `app://linjaus` in the app, the static server here.
        allowedOrigins: [new URL(app.url).origin],
      },
    );
  });

  afterAll(async () => {
    await host?.stop();
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A desktop window: its own main side (data folder) and the embedded workshop host. */
  async function desktopWindow(name: string) {
    const desktop = await createInProcessDesktop(path.join(dir, name));
    const api = desktop.apiFor(1);
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    const { emit } = await connectDesktopPage(page, {
      ...api,
      workshopHost: async ({ documentId, name: hostName }) => {
        const session = await host.host(documentId, hostName ?? '');
        return {
          port: session.port,
          localUrl: `ws://127.0.0.1:${session.port}`,
          lanUrls: [`http://127.0.0.1:${session.port}`],
          hostToken: session.hostToken,
        };
      },
      workshopEnd: async ({ documentId }) => host.end(documentId),
      // As main's windows.setWorkshopServer: reload the window with the server in its address.
      workshopSetServer: async (address) => {
        const url = new URL(page.url());
        url.search = '';
        if (address) url.searchParams.set('workshop', new URL(address).href);
        void page.goto(url.href);
        return true;
      },
    });
    /** A native menu command, as main sends it to this window. */
    const menu = (command: string) => emit('menuCommand', { command });
    return { page, menu };
  }

  it('hosts on the embedded server with one host token and lets another desktop join by the full link', async () => {
    const { page: a, menu } = await desktopWindow('host');
    const { page: b } = await desktopWindow('guest');
    const errors = [...trackErrors(a), ...trackErrors(b)];
    const docId = await createDocument(a, app.url, 'kuntastrategia');

    // Host: on this computer's network; the window reloads to allow the server, the dialog
    // comes back with the code created through the API.
    await a.locator('[data-ws="open"]').click();
    await a.locator('[data-ws="name"]').fill('Aino');
    await a.getByRole('button', { name: 'Järjestä tämän tietokoneen lähiverkossa' }).click();
    await a.locator('[data-ws="code"]').waitFor();
    expect(new URL(a.url()).searchParams.get('workshop')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await a.locator('[data-ws-connection="online"]').waitFor();
    const link = await a.locator('[data-ws="join-link"]').inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#code=[0-9A-Z]{8}$/);
    await a.locator('[data-ws="participants"] [data-participant="Aino"]').waitFor();
    await a.keyboard.press('Escape');

    // Guest: a bare code means nothing to the desktop app; the whole link does.
    await b.goto(app.url);
    await b.locator('[data-ws="join-open"]').click();
    await b.locator('[data-ws="join-input"]').fill(link.split('#code=')[1]!);
    await b.locator('[data-ws="join-name"]').fill('Bertil');
    await b.locator('[data-ws="join"]').click();
    await b.getByRole('alert').filter({ hasText: 'Anna koko liittymislinkki' }).waitFor();
    await b.locator('[data-ws="join-input"]').fill(link);
    await b.locator('[data-ws="join"]').click();
    // The window reloads with the server allowed, and the join carries on by itself.
    await b.locator('[data-ws-connection="online"]').waitFor();
    expect(b.url()).toContain(`#/d/${docId}`);
    expect(new URL(b.url()).searchParams.get('workshop')).toBe(new URL(link).origin + '/');

    await a.locator('[data-ws="presence"] [data-participant="Bertil"]').waitFor();
    const body = `${await sectionId(a, 'vision')}-body`;
    await typeAtEnd(b, body, 'Bertil työpöydältä. ');
    await expect.poll(() => fieldText(a, body)).toContain('Bertil työpöydältä.');
    await waitSaved(b);

    // The host ends it for everyone from the Workshop menu (asked first, in the dialog).
    await menu('workshop.end');
    await a.locator('[data-ws="end-confirm"]').click();
    await b
      .locator('[data-ws-connection="denied"]')
      .filter({ hasText: 'Työpaja on päättynyt.' })
      .waitFor();
    await a.locator('[data-ws-connection]').waitFor({ state: 'detached' });
    // Main reloads the host's window without the server (as useWorkshopServer(null) asks).
    await a.waitForURL((url) => !url.searchParams.has('workshop'));
    await waitSaved(a);
    expect(await a.locator('[data-ws-connection]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
