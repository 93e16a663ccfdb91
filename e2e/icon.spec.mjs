// The favicon: a 64 px PNG drawn from assets/icon.svg (scripts/icon-png.mjs), so the
// starting page decodes an image instead of building an SVG document; the SVG stays the
// manifest's icon (e2e/offline.spec.mjs).
import fs from 'node:fs';
import { test, expect, open, ONE_FILE_URL } from './fixtures.mjs';
import { drawIcon, SIZE } from '../scripts/icon-png.mjs';

test('the page\'s favicon is the PNG, in the hosted and the one-file build', async ({ page }) => {
  await open(page, '#/tcp?lang=en');
  const hrefs = await page.locator('link[rel=icon]').evaluateAll((ls) => ls.map((l) => l.href));
  expect(hrefs).toHaveLength(1);
  expect(hrefs[0]).toMatch(/\/icon-[0-9a-f]+\.png$/);
  const res = await page.request.get(hrefs[0]);
  expect(res.headers()['content-type']).toBe('image/png');
  const oneFile = fs.readFileSync(new URL(ONE_FILE_URL), 'utf8');
  expect(oneFile.match(/<link rel=icon href="data:([^;]+);/)?.[1]).toBe('image/png');
});

test('the favicon PNG is still the SVG icon drawn at 64 px', async ({ page }) => {
  const drawn = await drawIcon(page);
  const kept = fs.readFileSync(new URL('../assets/icon.png', import.meta.url));
  const diff = await page.evaluate(async ([a, b, size]) => {
    const pixels = async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = size;
      c.height = size;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      return { w: img.naturalWidth, h: img.naturalHeight, data: g.getImageData(0, 0, size, size).data };
    };
    const [p, q] = [await pixels(a), await pixels(b)];
    let sum = 0, max = 0;
    for (let i = 0; i < p.data.length; i++) {
      const d = Math.abs(p.data[i] - q.data[i]);
      sum += d;
      max = Math.max(max, d);
    }
    return { sizes: [p.w, p.h, q.w, q.h], mean: sum / p.data.length, max };
  }, [drawn.toString('base64'), kept.toString('base64'), SIZE]);
  expect(diff.sizes).toEqual([SIZE, SIZE, SIZE, SIZE]);
  // Anti-aliasing may differ by a shade between Chromium versions; a changed drawing
  // (colour, arrows, corners) moves far more.
  expect(diff.mean).toBeLessThan(1);
  expect(diff.max).toBeLessThan(48);
});
