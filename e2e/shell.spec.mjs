// The shell: navigation, URL as state, language, themes, embed mode, bad URLs, the
// panic overlay, and screenshots of every scene at both sizes in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, open, overflowsSideways } from './fixtures.mjs';
import { goSameScene } from './hashnav.mjs';

const SCENES = ['architecture', 'layers', 'encapsulation', 'lan', 'tcp', 'addresses', 'capture'];
const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts', 'screens');

test('the app loads from the sub-path with every scene in the navigation', async ({ page }) => {
  await open(page, '#/architecture?lang=en');
  await expect(page.locator('.ww-name')).toHaveText('Wirewalk');
  await expect(page.locator('.ww-host .ww-nav a')).toHaveCount(SCENES.length);
  for (const s of SCENES) await expect(page.locator(`.ww-host .ww-nav a[data-scene="${s}"]`)).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/course/wirewalk/');
});

test('navigation changes the scene and the URL, and back goes back', async ({ page }) => {
  await open(page, '#/architecture?lang=en');
  for (const s of SCENES) {
    await page.locator(`.ww-host .ww-nav a[data-scene="${s}"]`).click();
    await expect(page.locator('.ww-host main')).toHaveAttribute('data-scene', s);
    await expect(page.locator(`.ww-host .ww-nav a[data-scene="${s}"]`)).toHaveAttribute('aria-current', 'page');
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/${s}?lang=en`);
  }
  await page.goBack();
  await expect(page.locator('.ww-host main')).toHaveAttribute('data-scene', SCENES[SCENES.length - 2]);
});

test('a deep link reproduces the same screen on reload', async ({ page }) => {
  await open(page, '#/tcp?step=4&lang=en&theme=dark');
  await expect(page.locator('.ww-host main')).toHaveAttribute('data-scene', 'tcp');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(() => new URL(page.url()).hash).toBe('#/tcp?step=4&lang=en&theme=dark');
  const title = await page.locator('#scene-title').textContent();
  await page.reload();
  await page.locator('main[data-ready="true"]').waitFor();
  await expect(page.locator('#scene-title')).toHaveText(title);
  await expect.poll(() => new URL(page.url()).hash).toBe('#/tcp?step=4&lang=en&theme=dark');
});

test.describe('language', () => {
  test.describe('a Chinese browser', () => {
    test.use({ locale: 'zh-CN' });
    test('gets Chinese by default', async ({ page }) => {
      await open(page);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.locator('.ww-host .ww-nav a[data-scene="layers"]')).toContainText('分层');
    });
  });
  test.describe('an English browser', () => {
    test.use({ locale: 'en-US' });
    test('gets English, and a switch to Chinese is remembered', async ({ page }) => {
      await open(page);
      await expect(page.locator('.ww-host .ww-nav a[data-scene="layers"]')).toContainText('Layers');
      await page.locator('button[data-lang="zh"]').click();
      await expect(page.locator('.ww-host .ww-nav a[data-scene="layers"]')).toContainText('分层');
      await expect(page).toHaveTitle(/软件开发架构/);
      // A fresh visit without ?lang= remembers the choice (localStorage).
      await page.goto('./');
      await page.locator('main[data-ready="true"]').waitFor();
      await expect(page.locator('button[data-lang="zh"]')).toHaveAttribute('aria-pressed', 'true');
    });
  });
  test('?lang= before the hash is honoured', async ({ page }) => {
    await page.goto('?lang=en#/lan');
    await page.locator('main[data-ready="true"]').waitFor();
    await expect(page.locator('#scene-title')).toContainText('LAN');
  });
});

test.describe('themes', () => {
  test('auto follows prefers-color-scheme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(page, '#/layers?lang=en');
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(dark).not.toBe(light);
    expect(dark).toBe('rgb(15, 18, 22)');
  });
  test('projector is high contrast with large type, and sticks in the URL', async ({ page }) => {
    await open(page, '#/layers?lang=en');
    await page.locator('.ww-theme-select').selectOption('projector');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
    const { bg, fg, size } = await page.evaluate(() => {
      const s = getComputedStyle(document.body);
      return { bg: s.backgroundColor, fg: s.color, size: parseFloat(getComputedStyle(document.documentElement).fontSize) };
    });
    expect([bg, fg]).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    expect(size).toBeGreaterThanOrEqual(20);
    await expect.poll(() => new URL(page.url()).hash).toContain('theme=projector');
  });
  test('reduced motion switches transitions off', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, '#/layers?lang=en');
    const d = await page.locator('.ww-nav-link').first().evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(parseFloat(d)).toBeLessThan(0.001);
  });
});

// Review of issue 16: in the projector theme (en) the select's arrow stood against the end
// of "Projector (high contrast)" (the native select is as wide as its longest option).
// With each theme chosen, in both languages, on the desktop and the 1024×768 projector:
// from the end of the chosen name to the select's right edge, the arrow's room and at
// least 2.2 em (1.74 em before, in the projector's en).
test('the theme select leaves room between its text and its arrow', async ({ page }) => {
  const problems = [];
  for (const [w, h] of [[1280, 800], [1024, 768]]) {
    for (const lang of ['zh', 'en']) {
      await page.setViewportSize({ width: w, height: h });
      await open(page, `#/layers?lang=${lang}`);
      const select = page.locator('.ww-theme-select');
      for (const value of await select.locator('option').evaluateAll((os) => os.map((o) => o.value))) {
        await select.selectOption(value);
        await expect(page.locator('html')).toHaveAttribute('data-theme', value);
        const m = await select.evaluate((s) => {
          const cs = getComputedStyle(s);
          const ctx = document.createElement('canvas').getContext('2d');
          ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
          const text = ctx.measureText(s.selectedOptions[0].textContent).width;
          const r = s.getBoundingClientRect();
          const room = r.width - parseFloat(cs.borderLeftWidth) - parseFloat(cs.paddingLeft) - text - parseFloat(cs.borderRightWidth);
          return { room: Math.round(room * 10) / 10, em: parseFloat(cs.fontSize), text: s.selectedOptions[0].textContent };
        });
        if (m.room < 2.2 * m.em) problems.push(`${w}×${h} ${lang} ${value}: ${m.room} px after "${m.text}" (${(m.room / m.em).toFixed(2)} em)`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test('embed mode shows only the scene, for every scene, at a slide-sized frame', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 360 });
  for (const s of SCENES) {
    await open(page, `#/${s}?embed=1&lang=en`);
    await expect(page.locator('.ww-header')).toHaveCount(0);
    await expect(page.locator('.ww-footer')).toHaveCount(0);
    await expect(page.locator('.ww-host main')).toHaveAttribute('data-scene', s);
    expect((await page.locator('.ww-host main').innerText()).trim().length, `${s} embed is empty`).toBeGreaterThan(40);
    expect(await overflowsSideways(page), `${s} overflows in embed mode`).toBe(false);
  }
});

test('bad URLs show the default scene with a translated notice and keep working', async ({ page }) => {
  for (const [route, lang, word] of [
    ['#/warp-drive?lang=en', 'en', 'warp-drive'],
    ['#/warp-drive?lang=zh', 'zh', '默认场景'],
    ['#/tcp?lang=klingon&step=-3&%ff=1', 'en', 'klingon'],
    ['#/%E4%BD%A0%E5%A5%BD?theme=neon&lang=en', 'en', 'neon'],
  ]) {
    await open(page, route);
    await expect(page.locator('.ww-notice')).toBeVisible();
    await expect(page.locator('.ww-notice')).toContainText(word);
    await expect(page.locator('#scene-title')).toBeVisible();
    if (lang === 'zh') await expect(page.locator('.ww-notice-title')).toHaveText('链接有问题');
  }
  await page.locator('.ww-notice-dismiss').click();
  await expect(page.locator('.ww-notice')).toHaveCount(0);
  await page.locator('.ww-host .ww-nav a[data-scene="lan"]').click();
  await expect(page.locator('.ww-host main')).toHaveAttribute('data-scene', 'lan');
});

test.describe('a panic', () => {
  test.use({ allowedErrors: /Wirewalk panic|unreachable|RuntimeError/ });
  test('replaces the page with a translated error box and a reload link', async ({ page }) => {
    // The probe is a one-shot switch in sessionStorage, which no link can set.
    const armProbe = () => page.evaluate(() => sessionStorage.setItem('wirewalk.panic-probe', '1'));
    await open(page, '#/tcp?lang=en');
    await armProbe();
    await page.reload();
    const box = page.locator('#ww-panic');
    await expect(box).toBeVisible();
    await expect(box.locator('h1')).toHaveText('Wirewalk stopped with an error');
    await expect(box.locator('.ww-panic-reload')).toHaveText('Reload');
    await expect(box.locator('pre')).toContainText('deliberate panic');
    // The reload link reloads (no inline handler) and the switch is spent: the app is back.
    await box.locator('.ww-panic-reload').click();
    await expect(page.locator('main[data-ready="true"] #scene-title')).toBeVisible();
    await expect(page.locator('#ww-panic')).toHaveCount(0);
    await page.goto('#/tcp?lang=zh');
    await armProbe();
    await page.reload();
    await expect(page.locator('#ww-panic h1')).toHaveText('Wirewalk 出错了');
  });
});

test('a shared link cannot crash the app: debug=panic is an unknown key', async ({ page }) => {
  await open(page, '#/tcp?lang=en&debug=panic');
  await expect(page.locator('#ww-panic')).toHaveCount(0);
  await expect(page.locator('#scene-title')).toBeVisible();
  await expect(page.locator('.ww-notice')).toContainText('debug');
});

test.describe('screenshots', () => {
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    for (const lang of ['zh', 'en']) {
      test(`every scene at ${w}x${h} in ${lang} renders without sideways overflow`, async ({ page }) => {
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.setViewportSize({ width: w, height: h });
        for (const s of SCENES) {
          await open(page, `#/${s}?lang=${lang}`);
          await expect(page.locator('#scene-title')).toBeVisible();
          expect(await overflowsSideways(page), `${s} overflows at ${w}px`).toBe(false);
          // capture.spec takes the capture scene's (empty and loaded): a second writer of
          // the same name replaced its loaded screenshot with the empty page.
          if (s !== 'capture') await page.screenshot({ path: path.join(SHOTS, `${s}-${lang}-${w}x${h}.png`), fullPage: true, animations: 'disabled' });
        }
      });
    }
  }
});

test('a flood of junk keys lists five problems, counts the rest, and keeps the page small', async ({ page }) => {
  await open(page, '#/tcp?lang=en&' + Array(50_000).fill('x').join('&'));
  await expect(page.locator('.ww-notice li')).toHaveCount(6);
  await expect(page.locator('.ww-notice-more')).toHaveText('…and 49995 more.');
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThanOrEqual(20_000);
});

test('a backwards embed range is read the other way round, and the notice says so', async ({ page }) => {
  await open(page, '#/tcp?lang=en&embed=1&step=1000000&from=999999&to=3');
  await expect(page.locator('.ww-notice')).toContainText('from=999999 comes after to=3');
  await expect(page).toHaveURL(/from=3&to=999999/);
  await open(page, '#/tcp?lang=zh&embed=1&from=9&to=2');
  await expect(page.locator('.ww-notice')).toContainText('from=9 在 to=2 之后');
});

// A closed <select> shows its chosen option on one line and cuts what does not fit
// ("The first data segmer", "Each connection loses one"). At 1280x800 every select of
// these pages must be wide enough for its chosen option's text (measured with the
// select's own font), plus room for the arrow.
test('at 1280x800 every select shows its whole chosen option (zh and en)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const lang of ['zh', 'en']) {
    // The second and third TCP variants are reached by the hash from the first (measured in
    // zh and en: the same selects, widths, fonts, texts and pixels as a fresh load).
    for (const [route, byHash] of [['#/tcp?variant=tcp_loss', false], ['#/tcp?variant=tcp_loss_twice', true], ['#/tcp?variant=tcp_server_close', true],
      ['#/architecture?net=data', false], ['#/architecture?net=data*2', false]]) {
      if (byHash) await goSameScene(page, `${route}&lang=${lang}`);
      else await open(page, `${route}&lang=${lang}`);
      const cut = await page.locator('main select').evaluateAll((sels) => sels.filter((s) => s.offsetParent).flatMap((s) => {
        const cs = getComputedStyle(s);
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const text = s.selectedOptions[0]?.textContent ?? '';
        const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
        return ctx.measureText(text).width > room ? [`${s.id}: ${text}`] : [];
      }));
      expect(cut, `${route} ${lang}`).toEqual([]);
    }
  }
});
