/**
 * The open document's `DocumentSession`, for tests that must act below the UI (switch read-only
 * on, force a write the UI refuses). The app exposes no test hook: the session is found by
 * walking up React's fiber tree from the editor's root element to the `SessionContext` provider,
 * and kept on `window.testSession` for the test's later `page.evaluate` calls.
 */
import type { Page } from 'playwright-core';

export async function grabSession(page: Page): Promise<void> {
  await page.locator('.editor').waitFor();
  await page.evaluate(() => {
    const root = document.querySelector('.editor');
    if (!root) throw new Error('no editor on the page');
    const key = Object.keys(root).find((k) => k.startsWith('__reactFiber$'));
    type Fiber = { memoizedProps?: { value?: { setReadOnly?: unknown } }; return: Fiber | null };
    let fiber = key ? ((root as unknown as Record<string, Fiber>)[key] ?? null) : null;
    while (fiber) {
      const value = fiber.memoizedProps?.value;
      if (value && typeof value.setReadOnly === 'function') {
        (window as unknown as { testSession: unknown }).testSession = value;
        return;
      }
      fiber = fiber.return;
    }
    throw new Error('no DocumentSession above .editor');
  });
}
