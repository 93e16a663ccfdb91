// One wasm per scene (issue 9): the page fetches only the bundle of the scene its URL
// names (scripts/loader.js, scripts/bundles.mjs); going to another scene reloads the
// page, which then fetches that scene's bundle. The bundle's words are not in its wasm:
// the page fetches the strings file of its language alongside (src/i18n/strings.rs), and
// the other language's only when the visitor switches.
import { test, expect, open, ONE_FILE_URL } from './fixtures.mjs';

/** Records the bundle files (ww-<scene>-<hash>.js / _bg.wasm / .css), strings files
 * (ww-<scene>-<lang>-<hash>.txt, recorded as <scene>.<lang>.txt) and whole pre-rendered
 * pages (ww-pre-<lang>-<scene>-full-<hash>.html, as <scene>.<lang>.full.html) the page
 * requests. */
function bundleRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    const m = path.match(/\/(ww-([a-z]+)-[0-9a-f]+(\.js|_bg\.wasm|\.css))$/);
    if (m) seen.push(`${m[2]}${m[3]}`);
    const w = path.match(/\/ww-pre-([a-z]+)-([a-z]+)-full-[0-9a-f]+\.html$/);
    if (w) seen.push(`${w[2]}.${w[1]}.full.html`);
    const t = path.match(/\/ww-([a-z]+)-([a-z]+)-[0-9a-f]+\.txt$/);
    if (t) seen.push(`${t[1]}.${t[2]}.txt`);
  });
  // The full app (Trunk's wirewalk-<hash>) is only in the one-file build.
  page.on('request', (r) => {
    if (/\/wirewalk-[0-9a-f]+(\.js|_bg\.wasm)$/.test(new URL(r.url()).pathname)) seen.push(`full: ${r.url()}`);
  });
  return seen;
}

const only = (scene, lang = 'en') => [`${scene}.js`, `${scene}_bg.wasm`, `${scene}.css`, `${scene}.${lang}.txt`];

test('#/tcp fetches only the TCP bundle, and the ladder plays', async ({ page }) => {
  const seen = bundleRequests(page);
  await open(page, '#/tcp?step=4&lang=en');
  await expect(page.locator('.ww-host main')).toHaveAttribute('data-scene', 'tcp');
  await expect(page.locator('.ww-ladder').first()).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).hash).toMatch(/step=5\b/);
  expect([...new Set(seen)].sort()).toEqual(only('tcp').sort());
});

test('the landing page fetches only the default scene\'s bundle and is usable', async ({ page }) => {
  const seen = bundleRequests(page);
  await open(page, '?lang=en');
  await expect(page.locator('.ww-host main')).toHaveAttribute('data-scene', 'architecture');
  await expect(page.locator('#scene-title')).toBeVisible();
  expect([...new Set(seen)].sort()).toEqual(only('architecture').sort());
});

test('an unknown or malformed route gets the default scene\'s bundle', async ({ page }) => {
  for (const route of ['#/nope?lang=en', '#/t%ZZcp', '#/tcp+', '#//']) {
    // A fresh document each time (a hash change alone is no page load).
    await page.goto('about:blank');
    const seen = bundleRequests(page);
    await open(page, route);
    await expect(page.locator('.ww-host main')).toHaveAttribute('data-scene', 'architecture');
    await expect(page.locator('.ww-loading')).toHaveCount(0);
    expect([...new Set(seen)].sort(), route).toEqual(only('architecture').sort());
    page.removeAllListeners('request');
  }
});

test('a route the app reads case-insensitively gets its own bundle', async ({ page }) => {
  const seen = bundleRequests(page);
  await open(page, '#/%2FTCP/?lang=en');
  await expect(page.locator('.ww-host main')).toHaveAttribute('data-scene', 'tcp');
  await expect(page.locator('.ww-loading')).toHaveCount(0);
  // The TCP scene's default page: its whole pre-rendered page too (scripts/prepaint-picker.js).
  expect([...new Set(seen)].sort()).toEqual([...only('tcp'), 'tcp.en.full.html'].sort());
});

test('a nav click loads the other scene\'s bundle, which works, and back goes back', async ({ page }) => {
  const seen = bundleRequests(page);
  await open(page, '#/tcp?lang=en');
  await page.locator('.ww-host .ww-nav a[data-scene="lan"]').click();
  await expect(page.locator('main[data-ready="true"]')).toHaveAttribute('data-scene', 'lan');
  await expect(page.locator('.ww-loading')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).hash).toBe('#/lan?lang=en');
  // The LAN scene works: its player moves on.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).hash).toMatch(/step=/);
  expect(seen).toEqual(expect.arrayContaining(only('lan')));
  await page.goBack();
  await expect(page.locator('main[data-ready="true"]')).toHaveAttribute('data-scene', 'tcp');
  await expect(page.locator('.ww-ladder').first()).toBeVisible();
  expect(seen.filter((s) => s.startsWith('full'))).toEqual([]);
  expect([...new Set(seen)].sort()).toEqual([...only('tcp'), 'tcp.en.full.html', ...only('lan')].sort());
});

test('an edited hash to another scene loads that scene with its words', async ({ page }) => {
  await open(page, '#/architecture?lang=zh');
  await page.evaluate(() => { location.hash = '#/addresses?lang=zh'; });
  await expect(page.locator('main[data-ready="true"]')).toHaveAttribute('data-scene', 'addresses');
  await expect(page.locator('.ww-loading')).toHaveCount(0);
  // No raw key (a word the bundle lacks would show as `scene.addresses.…`).
  await expect(page.locator('.ww-host main')).not.toContainText('scene.addresses.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the page fetches its own language\'s strings file only: from the URL, the stored choice, the browser', async ({ page, browser }) => {
  let seen = bundleRequests(page);
  await open(page, '#/tcp?step=2&lang=zh');
  await expect(page.locator('#scene-title')).toHaveText(/[\u4e00-\u9fff]/);
  expect([...new Set(seen)].sort()).toEqual(only('tcp', 'zh').sort());
  // ?lang= before the hash counts as well.
  await page.goto('about:blank');
  page.removeAllListeners('request');
  seen = bundleRequests(page);
  await open(page, '?lang=zh#/layers');
  expect([...new Set(seen)].sort()).toEqual(only('layers', 'zh').sort());
  // The stored choice, then the browser's languages.
  for (const [locale, stored, want] of [['en-US', 'zh', 'zh'], ['zh-CN', null, 'zh'], ['zh-CN', 'en', 'en'], ['fr-FR', null, 'en']]) {
    const context = await browser.newContext({ locale });
    const p = await context.newPage();
    if (stored) await p.addInitScript((l) => localStorage.setItem('wirewalk.lang', l), stored);
    const s = bundleRequests(p);
    await open(p, '#/layers');
    await expect(p.locator('html'), `${locale} ${stored}`).toHaveAttribute('lang', want === 'zh' ? 'zh-CN' : 'en');
    expect([...new Set(s)].sort(), `${locale} ${stored}`).toEqual(only('layers', want).sort());
    await context.close();
  }
});

test('the whole pre-rendered TCP page is fetched on the plain TCP route only, in its language', async ({ page }) => {
  for (const [route, want] of [['#/tcp?lang=zh', ['tcp.zh.full.html']], ['#/tcp?lang=en&theme=dark', ['tcp.en.full.html']],
    ['#/tcp?step=3&lang=en', []], ['#/tcp?embed=1&lang=en', []], ['#/lan?lang=en', []], ['?lang=en', []]]) {
    await page.goto('about:blank');
    const seen = bundleRequests(page);
    await open(page, route);
    await expect(page.locator('.ww-loading')).toHaveCount(0);
    expect(seen.filter((s) => s.endsWith('.full.html')), route).toEqual(want);
    page.removeAllListeners('request');
  }
});

// Each route's page loads the shell's CSS and its bundle's style sheet only
// (scripts/css-bundles.mjs); the one-file build has every style sheet. Every element of
// the page must look the same in both: the same computed style, property by property.
const PROPS = ['display', 'position', 'box-sizing', 'width', 'height', 'margin', 'padding', 'border', 'border-radius',
  'font-family', 'font-size', 'font-weight', 'line-height', 'color', 'background-color', 'overflow-wrap', 'white-space',
  'grid-template-columns', 'flex-direction', 'gap', 'align-items', 'justify-content', 'visibility', 'fill', 'stroke',
  'text-anchor', 'cursor', 'list-style-type', 'text-align', 'max-width', 'min-height', 'overflow'];
// (Not opacity: an element fading in is caught at different moments.)
async function styles(page) {
  // The header and the scene's content (the footer differs: the one-file build hides its
  // download link, so a short scene's main, which fills the window, is taller there).
  return page.evaluate((props) => [...document.querySelectorAll('header, header *, main *')]
    .filter((e) => !['SCRIPT', 'STYLE', 'TEMPLATE', 'LINK'].includes(e.tagName))
    .map((e) => {
      const cs = getComputedStyle(e);
      return `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${props.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';')}`;
    }), PROPS);
}
for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`every route's page is styled as in the one-file build (${size.width}x${size.height})`, async ({ page }) => {
    test.slow();
    await page.setViewportSize(size);
    for (const route of ['#/architecture?lang=en', '#/layers?lang=zh', '#/encapsulation?lang=en', '#/lan?lang=zh',
      '#/tcp?lang=en', '#/addresses?lang=zh', '#/capture?lang=en', '#/lan?lang=en&embed=1']) {
      await open(page, route);
      await page.waitForTimeout(200);
      const hosted = await styles(page);
      await page.goto(`${ONE_FILE_URL}${route}`);
      await page.locator('main[data-ready="true"]').waitFor();
      await page.waitForTimeout(200);
      const oneFile = await styles(page);
      expect(hosted.length, route).toBe(oneFile.length);
      const differ = hosted.map((h, i) => [h, oneFile[i]]).filter(([h, o]) => h !== o);
      expect(differ.slice(0, 3), `${route}: ${differ.length} elements styled differently`).toEqual([]);
    }
  });
}

test.describe('strings over the network', () => {
// The offline cache (sw.js) would answer these requests before the test's routes could.
test.use({ serviceWorkers: 'block' });

test('switching language fetches the other strings file once, shows the loading line meanwhile, then the words', async ({ page }) => {
  const seen = bundleRequests(page);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/ww-tcp-zh-[0-9a-f]+\.txt$/, async (route) => {
    await held;
    await route.continue();
  });
  await open(page, '#/tcp?step=4&lang=en');
  const title = await page.locator('#scene-title').innerText();
  await page.locator('button[data-lang="zh"]').click();
  // While the file is on its way: the loading line (in the words that are loaded), not ready.
  await expect(page.locator('.ww-loading[data-loading-lang="zh"]')).toHaveText('Loading the Chinese words…');
  await expect(page.locator('.ww-host main')).toHaveAttribute('data-ready', 'false');
  await expect(page.locator('#scene-title')).toHaveText(title);
  release();
  await expect(page.locator('.ww-host main')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('.ww-loading')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#scene-title')).toHaveText(/[\u4e00-\u9fff]/);
  await expect(page.locator('body')).not.toContainText('scene.tcp.');
  await expect.poll(() => new URL(page.url()).hash).toBe('#/tcp?step=4&lang=zh');
  // Back to English and to Chinese again: both are loaded, nothing is fetched again.
  await page.locator('button[data-lang="en"]').click();
  await expect(page.locator('#scene-title')).toHaveText(title);
  await page.locator('button[data-lang="zh"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(seen.filter((f) => f.endsWith('.txt')).sort()).toEqual(['tcp.en.txt', 'tcp.zh.txt']);
  // A link to the other language (an edited hash, no reload) works the same way.
  await page.evaluate(() => { location.hash = '#/tcp?step=1&lang=en'; });
  await expect(page.locator('#scene-title')).toHaveText(title);
});

test.describe('a failed fetch', () => {
// The failure this test provokes (and the browser's console line about it).
test.use({ allowedErrors: /HTTP 503: .*ww-tcp-zh-[0-9a-f]+\.txt|status of 503/ });
test('a failed strings fetch is told in the loaded language, the page keeps working, and a retry works', async ({ page }) => {
  let fail = true;
  await page.route(/ww-tcp-zh-[0-9a-f]+\.txt$/, (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
  await open(page, '#/tcp?step=4&lang=en');
  const title = await page.locator('#scene-title').innerText();
  await page.locator('button[data-lang="zh"]').click();
  const alert = page.locator('.ww-strings-error[role="alert"]');
  await expect(alert).toContainText('Could not load the Chinese words (HTTP 503)');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#scene-title')).toHaveText(title);
  await expect(page.locator('.ww-host main')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('button[data-lang="en"]')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => new URL(page.url()).hash).toBe('#/tcp?step=4&lang=en');
  // Still working: the player moves on.
  await page.locator('.ww-pbtn[data-act="next"]').first().click();
  await expect.poll(() => new URL(page.url()).hash).toMatch(/step=5\b/);
  await alert.locator('button').click();
  await expect(alert).toHaveCount(0);
  fail = false;
  await page.locator('button[data-lang="zh"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#scene-title')).toHaveText(/[\u4e00-\u9fff]/);
});
});

test('a strings file of another bundle is refused with a translated error box, not a panic', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The LAN bundle's English file where the TCP bundle's should be.
  const lan = await (async () => {
    const html = await (await page.request.get('index.html')).text();
    return html.match(/"lan":\{[^}]*"en":"([^"]+)"/)[1];
  })();
  const body = await (await page.request.get(lan)).text();
  await page.route(/ww-tcp-en-[0-9a-f]+\.txt$/, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body }));
  await page.goto('#/tcp?lang=en');
  const box = page.locator('#ww-panic[role="alert"]');
  await expect(box.locator('.ww-panic-title')).toHaveText('The page\'s words could not be loaded');
  await expect(box.locator('.ww-panic-body')).toContainText('does not belong to this version of the app');
  await expect(box.locator('.ww-panic-reload')).toHaveText('Reload');
  expect(errors).toEqual([]);
});
});
