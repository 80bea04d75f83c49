/**
 * The workshop API as a real browser (Chromium) sees it from a page of another origin: the 403
 * `origin` refusal is readable there, so the app can say "origin not allowed" instead of
 * "server unreachable".
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from './helpers/api';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

let f: ApiFixture;
let page: Server;
let pageOrigin: string;
let browser: Browser;

beforeAll(async () => {
  f = await startApiFixture();
  // Another port is another origin, which the server does not allow.
  page = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>muu sivusto</title>');
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => page?.close(resolve));
  await f?.close();
});

/** Run `fetch(url, init)` in a page of the foreign origin; the status and body, or the error. */
async function fetchFromForeignPage(url: string, init: RequestInit = {}) {
  const tab = await browser.newPage();
  try {
    await tab.goto(pageOrigin);
    return await tab.evaluate(
      async ([target, options]) => {
        try {
          const response = await fetch(target, options);
          return { status: response.status, body: (await response.json()) as unknown };
        } catch (error) {
          return { error: String(error) };
        }
      },
      [url, init] as const,
    );
  } finally {
    await tab.close();
  }
}

describe('workshop API from a foreign origin in a browser', () => {
  it('lets the page read the 403 origin refusal', async () => {
    expect(new URL(f.test.server.url).origin).not.toBe(pageOrigin);
    const answer = await fetchFromForeignPage(
      `${f.test.server.url}/api/v1/documents/${f.id}/participants`,
    );
    expect(answer).toEqual({
      status: 403,
      body: { error: 'origin', message: 'This origin may not use the workshop API.' },
    });
  });

  it('lets the page read the refusal of a request that needs a preflight', async () => {
    const answer = await fetchFromForeignPage(`${f.test.server.url}/api/v1/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'AAAA-AAAA', name: 'Vieras' }),
    });
    expect(answer).toEqual({
      status: 403,
      body: { error: 'origin', message: 'This origin may not use the workshop API.' },
    });
  });
});
