// Values and words broken mid-token (issue 16): at the phone, desktop and projector
// sizes, in zh and en, no text outside the drawings breaks a line inside a number, a
// range, an address, a field name, a word or a Chinese term (geometry.mjs brokenTokens).
import { test, expect, open } from './fixtures.mjs';
import { brokenTokens } from './geometry.mjs';
import { ROUTES } from './routes.mjs';
import { goSameScene } from './hashnav.mjs';

const SIZES = [[390, 844, ''], [1280, 800, ''], [1024, 768, '&theme=projector']];

for (const lang of ['zh', 'en']) {
  for (const [w, h, theme] of SIZES) {
    test(`no value or word broken mid-token, every scene (${lang}, ${w}×${h}${theme ? ', projector' : ''})`, async ({ page }) => {
      test.slow(); // every route
      await page.setViewportSize({ width: w, height: h });
      const found = [];
      const scene = (route) => route.split('?')[0];
      for (const [i, route] of ROUTES.entries()) {
        // A scene's first route is a fresh load; its other routes (each naming what differs)
        // a move by the hash, which shows the same document (e2e/hashnav.mjs).
        const url = `${route}${route.includes('?') ? '&' : '?'}lang=${lang}${theme}`;
        if (i > 0 && scene(ROUTES[i - 1]) === scene(route)) await goSameScene(page, url);
        else await open(page, url);
        for (const b of await brokenTokens(page)) found.push({ route, ...b });
      }
      expect(found).toEqual([]);
    });
  }
}

test('the check sees a range, a number and a Chinese term broken across lines', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '#/addresses?lang=zh');
  expect(await brokenTokens(page)).toEqual([]);
  // The old texts, without word joiners and no-break spaces, ended where a narrow box
  // ended them.
  await page.evaluate(() => {
    const main = document.querySelector('main');
    for (const [a, b] of [['知名端口 0–', '1023'], ['2³² ≈ 4.3 ', '× 10⁹ 个'], ['数据格式、编', '码、加密']]) {
      const p = document.createElement('p');
      p.append(a, document.createElement('br'), b);
      main.append(p);
    }
  });
  const found = (await brokenTokens(page)).map((b) => b.at);
  expect(found.some((a) => /0–\/1023/.test(a)), JSON.stringify(found)).toBe(true);
  expect(found.some((a) => /4\.3\/×|×\/10/.test(a)), JSON.stringify(found)).toBe(true);
  expect(found.some((a) => /编\/码/.test(a)), JSON.stringify(found)).toBe(true);
});
