// The first paint before WebAssembly: with the wasm request blocked, every scene still
// shows its header, navigation, title and intro in the visitor's language, and the
// pre-rendered page agrees with what the app then renders for the same URL and browser.
import { test as base, expect } from '@playwright/test';
import { test, open } from './fixtures.mjs';

const SCENES = ['architecture', 'layers', 'encapsulation', 'lan', 'tcp', 'addresses', 'capture'];

/** What a visitor sees of the shell and the scene's opening. */
async function visible(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const text = (sel) => document.querySelector(sel)?.textContent ?? null;
    // Where the title and the header sit: the app, built behind the pre-rendered page,
    // must show up exactly where that page was.
    const box = (sel) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return r ? [r.x, r.y, r.width, r.height].map(Math.round) : null;
    };
    return {
      titleBox: box('#scene-title'),
      headerBox: box('header.ww-header'),
      scene: main?.getAttribute('data-scene') ?? null,
      htmlLang: document.documentElement.getAttribute('lang'),
      theme: document.documentElement.getAttribute('data-theme'),
      header: !!document.querySelector('header.ww-header'),
      current: document.querySelector('.ww-nav-link[aria-current="page"]')?.getAttribute('data-scene') ?? null,
      nav: [...document.querySelectorAll('.ww-nav-link')].map((a) => a.textContent),
      title: text('#scene-title'),
      intro: text('.ww-scene-intro'),
      docTitle: document.title,
    };
  });
}

/** Opens `route` with the wasm request refused and returns what is on screen. */
async function prepainted(page, route) {
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(route);
  await expect(page.locator('#ww-pre main')).toBeAttached();
  const seen = await visible(page);
  expect(await page.locator('main[data-ready="true"]').count()).toBe(0);
  return seen;
}

base.describe('without WebAssembly', () => {
  for (const lang of ['zh', 'en']) {
    base(`every scene shows its header, title and intro (${lang})`, async ({ browser }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      for (const scene of SCENES) {
        const seen = await prepainted(page, `#/${scene}?lang=${lang}`);
        await expect(page.locator('#ww-pre #scene-title')).toBeVisible();
        expect(seen.scene).toBe(scene);
        expect(seen.header).toBe(true);
        expect(seen.current).toBe(scene);
        expect(seen.nav).toHaveLength(SCENES.length);
        expect(seen.htmlLang).toBe(lang === 'zh' ? 'zh-CN' : 'en');
        expect(seen.title?.length).toBeGreaterThan(3);
        expect(seen.intro?.length).toBeGreaterThan(20);
        expect(/[\u4e00-\u9fff]/.test(seen.title + seen.intro)).toBe(lang === 'zh');
      }
      // The TCP scene's default page comes whole (a file of its own, fetched on this route
      // only), styled by its bundle's style sheet: the ladder beside the side column.
      await prepainted(page, `#/tcp?lang=${lang}`);
      await expect(page.locator('#ww-pre svg.ww-ladder')).toBeVisible();
      await expect(page.locator('#ww-pre #scene-title')).toBeVisible();
      expect(await page.locator('#ww-pre .ww-tcp-main').evaluate((e) => getComputedStyle(e).display)).toBe('grid');
      expect((await page.locator('#ww-pre svg.ww-ladder').boundingBox()).width).toBeGreaterThan(400);
      await context.close();
    });
  }
});

// The inline picker follows the app's rules for the URL, the stored choice and the
// browser's languages: for each case, the pre-rendered page equals the app's.
const CASES = [
  { route: '' },
  { route: '', locale: 'zh-CN' },
  { route: '', locale: 'fr-FR' },
  { route: '#/tcp?step=4&lang=en' },
  { route: '#/TCP/?lang=zh-TW' },
  { route: '#/lan?lang=fr&theme=dark', locale: 'zh-CN' },
  { route: '#/warp-drive?lang=en' },
  { route: '#/layers?embed=1&lang=zh&theme=projector' },
  { route: '#/addresses?embed=maybe&lang=en' },
  { route: '?lang=en&theme=light#/encapsulation?lang=zh' },
  { route: '#/architecture?lang=en&lang=xx' },
  { route: '#/tcp', stored: { 'wirewalk.lang': 'en', 'wirewalk.theme': 'dark' }, locale: 'zh-CN' },
  { route: '#/%E0%A4%A?lang=%zz' },
  { route: '#/tcp+?lang=en' },
];
for (const c of CASES) {
  base(`the pre-rendered page matches the app for "${c.route}" ${c.locale ?? ''} ${c.stored ? 'with stored choices' : ''}`, async ({ browser }) => {
    const context = await browser.newContext({ locale: c.locale ?? 'en-US' });
    if (c.stored) {
      await context.addInitScript((stored) => {
        for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, v);
      }, c.stored);
    }
    const before = await prepainted(await context.newPage(), c.route);
    const page = await context.newPage();
    await page.goto(c.route);
    await page.locator('main[data-ready="true"]').waitFor();
    const after = await visible(page);
    // A URL with problems gets the app's notice above the scene, which the pre-rendered
    // page cannot know of: there the scene moves down, and only the words must agree.
    const noticed = (await page.locator('.ww-notice').count()) > 0;
    const words = ({ titleBox, headerBox, ...rest }) => (noticed ? rest : { titleBox, headerBox, ...rest });
    expect(words(before)).toEqual(words(after));
    await context.close();
  });
}

for (const route of ['#/tcp?lang=en', '#/architecture?lang=zh', '#/lan?lang=en&embed=1']) {
  test(`the app takes over the pre-rendered page without moving it (${route})`, async ({ page }) => {
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await open(page, route);
    await page.waitForTimeout(300);
    expect(await page.locator('#ww-pre').count()).toBe(0);
    expect(await page.evaluate(() => window.__shift)).toBeLessThanOrEqual(0.02);
  });
}

// A phone lays the TCP page out in another order (styles/tcp.css: the player and the
// ladder before the settings); the pre-rendered page takes the same order, so the player
// is where the app's will be and nothing moves when the app takes over.
for (const lang of ['zh', 'en']) {
  test(`on a phone the app takes over the pre-rendered TCP page without moving it (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const player = () => page.evaluate(() => document.querySelector('.ww-player')?.getBoundingClientRect().top ?? null);
    // Where the pre-rendered page (the wasm refused) shows the player.
    const p = await page.context().newPage();
    await p.setViewportSize({ width: 390, height: 844 });
    await p.route('**/*.wasm', (r) => r.abort());
    await p.goto(`#/tcp?lang=${lang}`);
    await expect(p.locator('#ww-pre .ww-player')).toBeVisible();
    const pre = await p.evaluate(() => document.querySelector('#ww-pre .ww-player').getBoundingClientRect().top);
    await p.close();
    await open(page, `#/tcp?lang=${lang}`);
    await page.waitForTimeout(300);
    expect(await page.locator('#ww-pre').count()).toBe(0);
    expect(await player()).toBeLessThan(560);
    expect(Math.abs((await player()) - pre)).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => window.__shift)).toBeLessThanOrEqual(0.02);
  });
}

test('the TCP scene builds behind the pre-rendered page in tasks, then shows at once', async ({ page }) => {
  // On a slow CPU (as a busy CI machine is): there a part's render outlasts Yew's 16 ms
  // slice, and two parts asked for at once came in together (widgets::later).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.addInitScript(() => {
    window.__seen = [];
    new MutationObserver(() => {
      const app = document.querySelector('.ww-host .ww-app');
      if (!app) return;
      const now = {
        ladder: !!app.querySelector('svg.ww-ladder'),
        machine: !!app.querySelector('figure.ww-sd'),
        inspector: !!app.querySelector('#tcp-inspector-title'),
        building: app.hasAttribute('data-building') && app.inert && getComputedStyle(app).opacity === '0',
        pre: !!document.getElementById('ww-pre'),
        ready: !!app.querySelector('main[data-ready="true"]'),
      };
      const last = window.__seen.at(-1);
      if (!last || JSON.stringify(last) !== JSON.stringify(now)) window.__seen.push(now);
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await open(page, '#/tcp?lang=en');
  const seen = await page.evaluate(() => window.__seen);
  // Each stage while building: hidden and inert, under the pre-rendered page.
  const building = seen.filter((s) => s.building);
  expect(building.length).toBeGreaterThan(0);
  for (const s of building) expect(s).toMatchObject({ pre: true, ready: false });
  // The ladder comes before the state machine, and that before the inspector.
  const first = (k) => seen.findIndex((s) => s[k]);
  expect(first('ladder')).toBeGreaterThanOrEqual(0);
  expect(first('ladder')).toBeLessThan(first('machine'));
  expect(first('machine')).toBeLessThan(first('inspector'));
  expect(seen[first('inspector')].building).toBe(true);
  // Ready: whole, shown, and the pre-rendered page gone.
  expect(seen.at(-1)).toEqual({ ladder: true, machine: true, inspector: true, building: false, pre: false, ready: true });
  await expect(page.locator('.ww-host .ww-app')).not.toHaveAttribute('inert', /.*/);
});
