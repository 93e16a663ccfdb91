// The content security policy: the built page carries a strict one whose hashes match its
// inline scripts and styles (checked by scripts/csp.mjs, independently of the build step
// that writes them), and every scene runs under it (the fixture fails a test on any
// securitypolicyviolation event; this spec also proves the fixture notices one).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, open } from './fixtures.mjs';
import { test as bare } from '@playwright/test';
import { directives, policyOf, problems, inlineScripts, styleHashes } from '../scripts/csp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const html = fs.readFileSync(path.join(root, 'dist', 'index.html'), 'utf8');
const SCENES = ['architecture', 'layers', 'encapsulation', 'lan', 'tcp', 'addresses', 'capture'];

test('the built page has the strict policy, with a hash for each inline script', () => {
  const d = directives(policyOf(html));
  expect(d.get('default-src')).toEqual(["'self'"]);
  expect(d.get('script-src').slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(d.get('script-src')).not.toContain("'unsafe-inline'");
  expect(d.get('script-src')).not.toContain("'unsafe-eval'");
  expect(d.get('style-src')[0]).toBe("'self'");
  for (const h of styleHashes()) expect(d.get('style-src')).toContain(h);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'none'"]);
  expect(inlineScripts(html).length).toBeGreaterThan(0);
  expect(d.get('script-src').filter((s) => s.startsWith("'sha256-")).length).toBe(new Set(inlineScripts(html)).size);
  expect(problems(html)).toEqual([]);
  // A changed inline script would be caught.
  expect(html).toContain('<script id=ww-loader>');
  expect(problems(html.replace('<script id=ww-loader>', '<script id=ww-loader>/*x*/'))).not.toEqual([]);
});

test('every scene and view runs under the policy, styles applied through the CSSOM', async ({ page }) => {
  for (const s of SCENES) {
    await open(page, `#/${s}?lang=en`);
    await expect(page.locator('#scene-title')).toBeVisible();
  }
  for (const v of ['storm', 'router']) await open(page, `#/lan?lang=en&view=${v}`);
  // data-style is applied as the inline style (the layers grid, the encapsulation blocks).
  await open(page, '#/layers?lang=en');
  const placed = await page.locator('[data-style]').evaluateAll((es) => es.map((e) => e.style.cssText !== ''));
  expect(placed.length).toBeGreaterThan(0);
  expect(placed.every(Boolean)).toBe(true);
  await open(page, '#/encapsulation?lang=en');
  await page.keyboard.press('End');
  const grow = await page.locator('.ww-enc-block[data-style]').evaluateAll((es) => es.map((e) => [e.dataset.style, e.style.flexGrow]));
  expect(grow.length).toBeGreaterThan(0);
  for (const [want, got] of grow) expect(want).toBe(`flex-grow:${got}`);
  // The ladder's style comes from its stylesheet, not an inline <style>.
  await open(page, '#/tcp?lang=en');
  await expect(page.locator('.ww-ladder style')).toHaveCount(0);
  expect(await page.locator('.ww-ladder .ww-arrow-line').first().evaluate((e) => getComputedStyle(e).fill)).toBe('none');
});

bare('the fixture would notice a violation', async ({ page }) => {
  const seen = [];
  page.on('console', (m) => { if (m.type() === 'error') seen.push(m.text()); });
  await page.goto('#/tcp?lang=en');
  await page.locator('main[data-ready="true"]').waitFor();
  await page.evaluate(() => {
    const s = document.createElement('style');
    s.textContent = 'body{}';
    document.head.append(s);
    document.body.setAttribute('style', 'color:red');
  });
  await expect.poll(() => seen.filter((t) => /Content Security Policy/.test(t)).length).toBeGreaterThan(0);
});
