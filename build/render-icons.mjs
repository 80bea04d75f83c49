/**
 * Renders build/icon.svg into the PNG icons electron-builder uses (build/icons/<n>x<n>.png and
 * build/icon.png, 1024 px; electron-builder derives .ico and .icns from it). Run after editing the
 * SVG: `node build/render-icons.mjs` (Debian's Chromium through playwright-core).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = fileURLToPath(new URL('./icons', import.meta.url));
const svg = readFileSync(new URL('./icon.svg', import.meta.url), 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
mkdirSync(dir, { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`,
  );
  await page.waitForFunction(() => document.images[0]?.complete);
  await page.screenshot({ path: `${dir}/${size}x${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
copyFileSync(`${dir}/1024x1024.png`, fileURLToPath(new URL('./icon.png', import.meta.url)));
