// The one-file build, dist/wirewalk.html, opened straight from disk (file://): every
// scene in both languages, deep links, language, theme, embed mode and the downloads,
// with no request leaving the file (the fixture fails the test on any other request).
import fs from 'node:fs';
import { test, expect, open, ONE_FILE_URL } from './fixtures.mjs';
import { directives, inlineScripts, policyOf, problems } from '../scripts/csp.mjs';

const SCENES = ['architecture', 'layers', 'encapsulation', 'lan', 'tcp', 'addresses', 'capture'];

async function openFile(page, route) {
  await page.goto(`${ONE_FILE_URL}${route}`);
  await page.locator('main[data-ready="true"]').waitFor();
}

test('wirewalk.html is one file: no relative link, the wasm inside', () => {
  const html = fs.readFileSync(new URL(ONE_FILE_URL), 'utf8');
  expect(html).not.toMatch(/\s(src|href)=["']?(\.\/|[\w-]+\.(js|wasm|css|svg))/);
  expect(html).not.toMatch(/\bimport\s*(\(|[\w{*][^;]*from\s*['"])/);
  expect(html).not.toMatch(/integrity=/);
  expect(html).toMatch(/<html data-onefile/);
  // Its own inline scripts and styles are hashed in its policy (checked by scripts/csp.mjs,
  // not by the step that wrote them), and WebAssembly may compile.
  expect(problems(html)).toEqual([]);
  const scripts = directives(policyOf(html)).get('script-src');
  expect(scripts).toContain("'wasm-unsafe-eval'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts.filter((h) => h.startsWith("'sha256-")).length).toBe(new Set(inlineScripts(html)).size);
});

test('every scene renders from file:// in both languages', async ({ page }) => {
  test.slow();
  for (const lang of ['zh', 'en']) {
    for (const s of SCENES) {
      await openFile(page, `#/${s}?lang=${lang}`);
      await expect(page.locator('main')).toHaveAttribute('data-scene', s);
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
      const text = await page.locator('main').innerText();
      expect(text.trim().length, `${s} (${lang}) is empty`).toBeGreaterThan(40);
      if (lang === 'zh') expect(text, `${s} has no Chinese`).toMatch(/[\u4e00-\u9fff]/);
    }
  }
  // The navigation works inside the file as well.
  await page.locator('.ww-nav a[data-scene="layers"]').click();
  await expect(page.locator('main')).toHaveAttribute('data-scene', 'layers');
  expect(new URL(page.url()).protocol).toBe('file:');
});

test('a deep link with step, language and theme, and embed mode, work from file://', async ({ page }) => {
  await openFile(page, '#/tcp?step=4&lang=en&theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('main')).toHaveAttribute('data-scene', 'tcp');
  await page.locator('button[data-lang="zh"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The other language's words are inside the file too (no strings file to fetch).
  await expect(page.locator('#scene-title')).toHaveText(/[\u4e00-\u9fff]/);
  await expect(page.locator('main')).not.toContainText('scene.tcp.');
  await openFile(page, '#/lan?embed=1&lang=en');
  await expect(page.locator('.ww-nav')).toHaveCount(0);
  await expect(page.locator('footer')).toHaveCount(0);
  expect((await page.locator('main').innerText()).trim().length).toBeGreaterThan(40);
});

test('pcap, SVG and PNG downloads work from file://', async ({ page }) => {
  await openFile(page, '#/tcp?lang=en&variant=tcp_loss');
  const [pcap] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="pcap"]').click()]);
  const bytes = fs.readFileSync(await pcap.path());
  // The classic pcap magic, either byte order.
  expect(['d4c3b2a1', 'a1b2c3d4']).toContain(bytes.subarray(0, 4).toString('hex'));
  expect(bytes.length).toBeGreaterThan(24 + 16 * 3);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="svg"]').click()]);
  expect(fs.readFileSync(await svg.path(), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="png"]').click()]);
  expect(fs.readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');
});

test('the hosted copy links the one-file build for offline use; the file itself and embeds do not', async ({ page }) => {
  await open(page, '#/tcp?lang=zh');
  const link = page.locator('.ww-footer-offline a');
  await expect(link).toBeVisible();
  await expect(link).toHaveText(/离线/);
  const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(dl.suggestedFilename()).toBe('wirewalk.html');
  expect(fs.readFileSync(await dl.path()).equals(fs.readFileSync(new URL(ONE_FILE_URL)))).toBe(true);
  await open(page, '#/tcp?lang=en&embed=1');
  await expect(page.locator('.ww-footer-offline')).toHaveCount(0);
  await openFile(page, '#/tcp?lang=en');
  await expect(page.locator('footer')).toBeVisible();
  await expect(page.locator('.ww-footer-offline')).toBeHidden();
});
