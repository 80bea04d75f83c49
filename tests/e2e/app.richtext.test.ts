/** Rich-text fields in the built web app: formatting, lists, paste cleaning and undo/redo. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser';
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
let browser: Browser;

beforeAll(async () => {
  server = await serveApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function freshDocument(): Promise<{ page: Page; vision: string; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = trackErrors(page);
  await createDocument(page, server.url, 'elinvoimaohjelma');
  return { page, vision: `${await sectionId(page, 'vision')}-body`, errors };
}

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{color:red}</style></head><body>
<p class=MsoNormal style="font-family:Calibri;color:#ff0000;text-align:center"><b>Lihava</b> ja <span style="font-style:italic">kursiivi</span><o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Eka kohta</p>
<p class=MsoListParagraphCxSpLast style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;</span></span>Toka kohta</p>
<table><tr><td>Solu A</td><td>Solu B</td></tr></table>
<img src="https://example.com/x.png"><script>window.__pwned = true</script>
<p><a href="javascript:window.__pwned=true">vaarallinen</a> ja <a href="https://example.fi/">turvallinen</a></p>
<h5 style="font-size:40px">Syvä otsikko</h5></body></html>`;

async function paste(page: Page, editor: ReturnType<Page['locator']>, html: string) {
  await editor.evaluate((el, h) => {
    const data = new DataTransfer();
    data.setData('text/html', h);
    data.setData('text/plain', 'fallback');
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, html);
}

describe('authoring app: rich text', () => {
  it('keeps bold text and a bulleted list after a reload', async () => {
    const { page, vision, errors } = await freshDocument();
    const editor = await field(page, vision);
    await editor.click();
    // Bold on, type, bold off: the shortcut applies to what is typed next.
    await page.keyboard.press('Control+b');
    await expect
      .poll(() =>
        page.getByRole('button', { name: 'Lihavointi (Ctrl+B)' }).getAttribute('aria-pressed'),
      )
      .toBe('true');
    await page.keyboard.type('Tärkeä');
    await expect.poll(() => editor.locator('.rt-bold').allInnerTexts()).toEqual(['Tärkeä']);
    await page.keyboard.press('Control+b');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Luettelo', exact: true }).click();
    await page.keyboard.type('kohta yksi');
    await page.keyboard.press('Enter');
    await page.keyboard.type('kohta kaksi');
    await expect.poll(() => editor.locator('ul li').count()).toBe(2);
    await waitSaved(page);
    await reload(page);
    const after = await field(page, vision);
    await expect.poll(() => after.locator('.rt-bold').allInnerTexts()).toEqual(['Tärkeä']);
    await expect
      .poll(() => after.locator('ul li').allInnerTexts())
      .toEqual(['kohta yksi', 'kohta kaksi']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('makes a link with Ctrl+K, refuses a javascript: address, and keeps the link after a reload', async () => {
    const { page, vision, errors } = await freshDocument();
    const editor = await typeInField(page, vision, 'Kuusiseudun sivut');
    await page.keyboard.press('Shift+Home');
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.toString()))
      .toBe('Kuusiseudun sivut');
    // Lexical reads the new selection from the next selectionchange event: let a frame pass.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    await page.keyboard.press('Control+k');
    const address = page.getByRole('textbox', { name: 'Linkin osoite (https://… tai mailto:…)' });
    await address.fill('javascript:alert(1)');
    await address.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('https://');
    await address.fill('https://www.kuusiseutu.fi/');
    await address.press('Enter');
    await expect
      .poll(() => editor.locator('a').getAttribute('href'))
      .toBe('https://www.kuusiseutu.fi/');
    await waitSaved(page);
    await reload(page);
    const after = await field(page, vision);
    await expect
      .poll(() => after.locator('a').getAttribute('href'))
      .toBe('https://www.kuusiseutu.fi/');
    await expect(after.locator('a').innerText()).resolves.toBe('Kuusiseudun sivut');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('cleans pasted Word HTML to paragraphs, lists, headings, safe links and bold/italic, and keeps it after a reload', async () => {
    const { page, vision, errors } = await freshDocument();
    const editor = await field(page, vision);
    await editor.click();
    await paste(page, editor, WORD_HTML);
    await expect.poll(() => editor.innerText()).toContain('Syvä otsikko');
    await waitSaved(page);
    await reload(page);
    const el = await field(page, vision);
    await expect.poll(() => el.innerText()).toContain('Syvä otsikko');
    const report = await el.evaluate((root) => ({
      styled: Array.from(root.querySelectorAll('[style]')).map((e) => e.getAttribute('style')),
      bullets: Array.from(root.querySelectorAll('ul li')).map((li) => li.textContent),
      h3: Array.from(root.querySelectorAll('h3')).map((h) => h.textContent),
      bold: Array.from(root.querySelectorAll('.rt-bold')).map((b) => b.textContent),
      italic: Array.from(root.querySelectorAll('.rt-italic')).map((b) => b.textContent),
      links: Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href')),
      images: root.querySelectorAll('img').length,
      text: root.textContent,
      pwned: (window as unknown as { __pwned?: boolean }).__pwned === true,
    }));
    expect(report.styled.filter((s) => s && /color|font|text-align/.test(s))).toEqual([]);
    expect(report.bullets).toEqual(['Eka kohta', 'Toka kohta']);
    expect(report.h3).toEqual(['Syvä otsikko']);
    expect(report.bold).toContain('Lihava');
    expect(report.italic).toContain('kursiivi');
    expect(report.links).toEqual(['https://example.fi/']);
    expect(report.images).toBe(0);
    expect(report.text).toContain('Solu A – Solu B');
    expect(report.text).toContain('vaarallinen');
    expect(report.text).not.toContain('·');
    expect(report.pwned).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps each field’s text to itself when typing in several fields in turn, also after a reload', async () => {
    const { page, vision, errors } = await freshDocument();
    const target = `${await sectionId(page, 'targetState')}-body`;
    await typeInField(page, vision, 'Visio yksi.');
    await typeInField(page, target, 'Tavoitetila yksi.');
    await typeInField(page, vision, ' Visio kaksi.');
    await typeInField(page, target, ' Tavoitetila kaksi.');
    for (const reloadFirst of [false, true]) {
      if (reloadFirst) {
        await waitSaved(page);
        await reload(page);
      }
      await expect
        .poll(async () => (await field(page, vision)).innerText())
        .toBe('Visio yksi. Visio kaksi.');
      await expect
        .poll(async () => (await field(page, target)).innerText())
        .toBe('Tavoitetila yksi. Tavoitetila kaksi.');
      await expect((await field(page, vision)).locator('p').count()).resolves.toBe(1);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('undoes and redoes text and structure edits in order with Ctrl+Z and Ctrl+Shift+Z', async () => {
    const { page, vision, errors } = await freshDocument();
    const editor = await typeInField(page, vision, 'Alfa');
    const themes = await sectionId(page, 'themes');
    await page.locator(`section[data-item="${themes}"] .themes > button.btn-add`).click();
    const theme = page.locator('.card-theme').first();
    await theme.waitFor();
    const themeId = (await theme.getAttribute('data-item')) ?? '';
    await fillBound(page, themeId, 'title', 'Beeta');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Gamma');
    await expect.poll(() => editor.innerText()).toBe('Alfa Gamma');

    const title = page.locator(`[data-bound="${themeId}.title"]`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => editor.innerText()).toBe('Alfa');
    await page.keyboard.press('Control+z');
    await expect.poll(() => title.inputValue()).toBe('');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.card-theme').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await editor.innerText()).trim()).toBe('');

    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => editor.innerText()).toBe('Alfa');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('.card-theme').count()).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await expect
      .poll(() => page.locator(`[data-bound="${themeId}.title"]`).inputValue())
      .toBe('Beeta');
    // The toolbar buttons do the same.
    await page.getByRole('button', { name: 'Tee uudelleen' }).click();
    await expect.poll(async () => (await field(page, vision)).innerText()).toBe('Alfa Gamma');
    await page.getByRole('button', { name: 'Kumoa' }).click();
    await expect.poll(async () => (await field(page, vision)).innerText()).toBe('Alfa');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
