// One wasm per scene (issue 9): the page fetches only the bundle of the scene its URL
// names (scripts/loader.js, scripts/bundles.mjs); going to another scene reloads the
// page, which then fetches that scene's bundle.
import { test, expect, open } from './fixtures.mjs';

/** Records the bundle files (ww-<scene>-<hash>.js / _bg.wasm) the page requests. */
function bundleRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/\/(ww-([a-z]+)-[0-9a-f]+(\.js|_bg\.wasm))$/);
    if (m) seen.push(`${m[2]}${m[3]}`);
  });
  // The full app (Trunk's wirewalk-<hash>) is only in the one-file build.
  page.on('request', (r) => {
    if (/\/wirewalk-[0-9a-f]+(\.js|_bg\.wasm)$/.test(new URL(r.url()).pathname)) seen.push(`full: ${r.url()}`);
  });
  return seen;
}

const only = (scene) => [`${scene}.js`, `${scene}_bg.wasm`];

test('#/tcp fetches only the TCP bundle, and the ladder plays', async ({ page }) => {
  const seen = bundleRequests(page);
  await open(page, '#/tcp?step=4&lang=en');
  await expect(page.locator('main')).toHaveAttribute('data-scene', 'tcp');
  await expect(page.locator('.ww-ladder').first()).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).hash).toMatch(/step=5\b/);
  expect([...new Set(seen)].sort()).toEqual(only('tcp').sort());
});

test('the landing page fetches only the default scene\'s bundle and is usable', async ({ page }) => {
  const seen = bundleRequests(page);
  await open(page, '?lang=en');
  await expect(page.locator('main')).toHaveAttribute('data-scene', 'architecture');
  await expect(page.locator('#scene-title')).toBeVisible();
  expect([...new Set(seen)].sort()).toEqual(only('architecture').sort());
});

test('an unknown or malformed route gets the default scene\'s bundle', async ({ page }) => {
  for (const route of ['#/nope?lang=en', '#/t%ZZcp', '#/tcp+', '#//']) {
    // A fresh document each time (a hash change alone is no page load).
    await page.goto('about:blank');
    const seen = bundleRequests(page);
    await open(page, route);
    await expect(page.locator('main')).toHaveAttribute('data-scene', 'architecture');
    await expect(page.locator('.ww-loading')).toHaveCount(0);
    expect([...new Set(seen)].sort(), route).toEqual(only('architecture').sort());
    page.removeAllListeners('request');
  }
});

test('a route the app reads case-insensitively gets its own bundle', async ({ page }) => {
  const seen = bundleRequests(page);
  await open(page, '#/%2FTCP/?lang=en');
  await expect(page.locator('main')).toHaveAttribute('data-scene', 'tcp');
  await expect(page.locator('.ww-loading')).toHaveCount(0);
  expect([...new Set(seen)].sort()).toEqual(only('tcp').sort());
});

test('a nav click loads the other scene\'s bundle, which works, and back goes back', async ({ page }) => {
  const seen = bundleRequests(page);
  await open(page, '#/tcp?lang=en');
  await page.locator('.ww-nav a[data-scene="lan"]').click();
  await expect(page.locator('main[data-ready="true"]')).toHaveAttribute('data-scene', 'lan');
  await expect(page.locator('.ww-loading')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('#/lan?lang=en');
  // The LAN scene works: its player moves on.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).hash).toMatch(/step=/);
  expect(seen).toEqual(expect.arrayContaining(only('lan')));
  await page.goBack();
  await expect(page.locator('main[data-ready="true"]')).toHaveAttribute('data-scene', 'tcp');
  await expect(page.locator('.ww-ladder').first()).toBeVisible();
  expect(seen.filter((s) => s.startsWith('full'))).toEqual([]);
  expect([...new Set(seen)].sort()).toEqual([...only('tcp'), ...only('lan')].sort());
});

test('an edited hash to another scene loads that scene with its words', async ({ page }) => {
  await open(page, '#/architecture?lang=zh');
  await page.evaluate(() => { location.hash = '#/addresses?lang=zh'; });
  await expect(page.locator('main[data-ready="true"]')).toHaveAttribute('data-scene', 'addresses');
  await expect(page.locator('.ww-loading')).toHaveCount(0);
  // No raw key (a word the bundle lacks would show as `scene.addresses.…`).
  await expect(page.locator('main')).not.toContainText('scene.addresses.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
