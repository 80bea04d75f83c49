/** Driving the built web app as a user would: start screen, fields, outline, save state. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Open the start screen and create a document from a template; resolves on the editor. */
export async function createDocument(
  page: Page,
  baseUrl: string,
  templateId: string,
  options: { example?: boolean } = {},
): Promise<string> {
  await page.goto(baseUrl);
  const card = page.locator(`[data-template="${templateId}"]`);
  await card
    .getByRole('button')
    .nth(options.example ? 1 : 0)
    .click();
  await page.locator('.doc-h1').waitFor();
  await waitSaved(page);
  const id = /#\/d\/(.+)$/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on a document page: ${page.url()}`);
  return id;
}

/** Wait until the status line says every edit is persisted. */
export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-save-state="saved"]').waitFor();
}

/** The editable surface of a rich-text field (mounting it if it is still a static preview). */
export async function field(page: Page, fieldId: string): Promise<Locator> {
  const wrap = page.locator(`[data-field-wrap="${fieldId}"]`);
  await wrap.scrollIntoViewIfNeeded();
  const editor = wrap.locator('[contenteditable="true"]');
  if ((await editor.count()) === 0) await wrap.locator('[role="textbox"]').click();
  await editor.waitFor();
  return editor;
}

/** Click into a field and type at its end. */
export async function typeInField(page: Page, fieldId: string, text: string): Promise<Locator> {
  const editor = await field(page, fieldId);
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  return editor;
}

/** The id of the first section of a kind, read from the DOM. */
export async function sectionId(page: Page, kind: string): Promise<string> {
  const id = await page.locator(`section.section-${kind}`).first().getAttribute('data-item');
  if (!id) throw new Error(`no ${kind} section`);
  return id;
}

/** Ids of the items rendered as cards / rows of one kind inside a container, in order. */
export async function itemIds(scope: Locator, selector: string): Promise<string[]> {
  return scope
    .locator(selector)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-item') ?? ''));
}

/** Reload and wait for the document to be shown again. */
export async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.locator('.doc-h1').waitFor();
}

/** Fill a bound text input (title, name …) of an item. */
export async function fillBound(
  page: Page,
  itemId: string,
  fieldName: string,
  value: string,
): Promise<void> {
  const input = page.locator(`[data-bound="${itemId}.${fieldName}"]`);
  await input.fill(value);
  await expect.poll(() => input.inputValue()).toBe(value);
}

/** Collect uncaught page errors so a test can assert there were none. */
export function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
