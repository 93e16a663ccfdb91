// Draws assets/icon.svg at 64 × 64 in Chromium and writes assets/icon.png, the page's
// favicon. A favicon is decoded on the page's main thread while the app starts: an SVG
// one builds a whole SVG document there (4–31 ms in traces of cold loads on these
// machines), a small PNG is a plain image decode. The SVG stays the manifest's icon (any
// size, for installing). e2e/icon.spec.mjs checks that the PNG is still the SVG's drawing.
// Run after changing the SVG: node scripts/icon-png.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const SIZE = 64;
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The SVG drawn at SIZE × SIZE on a transparent background, as PNG bytes. */
export async function drawIcon(page) {
  const svg = fs.readFileSync(path.join(root, 'assets/icon.svg'));
  await page.setViewportSize({ width: SIZE, height: SIZE });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img width=${SIZE} height=${SIZE} src="data:image/svg+xml;base64,${svg.toString('base64')}">`);
  await page.locator('img').evaluate((img) => img.decode());
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  fs.writeFileSync(path.join(root, 'assets/icon.png'), await drawIcon(page));
  await browser.close();
}
