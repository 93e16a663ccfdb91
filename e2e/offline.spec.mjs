// The hosted copy works offline after one visit: the service worker (scripts/offline.mjs)
// caches the build, answers for it with the network off, and a changed build replaces the
// cache as a whole. The build is served from a copy in a temporary folder, by its own
// server with `Cache-Control: no-store`, so only the service worker can answer offline.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.mjs';
import { PORT, BASE_PATH } from './playwright.config.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SW_PORT = PORT + 100;
const SITE = `http://127.0.0.1:${SW_PORT}${BASE_PATH}`;
let dir;
let server;
// One server, one worker: the tests share the folder and its port.
test.describe.configure({ mode: 'serial' });
// The suite blocks service workers (e2e/playwright.config.mjs); these tests are about one.
test.use({ serviceWorkers: 'allow' });

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wirewalk-offline-'));
  fs.cpSync(path.join(root, 'dist'), dir, { recursive: true });
  server = spawn('node', ['scripts/static-server.mjs', '--dir', dir, '--port', String(SW_PORT), '--base', BASE_PATH,
    '--max-seconds', '600', '--cache', 'no-store'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => (String(d).includes('serving') ? resolve() : null));
    server.on('exit', (code) => reject(new Error(`static server exited: ${code}`)));
  });
});

test.afterAll(() => {
  server?.kill();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('wirewalk-')));
const swVersion = () => fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const CACHE = '([^']+)'/)[1];

test('after one visit, a fresh page on another scene opens offline; a new build replaces the cache', async ({ page, context }) => {
  test.slow();
  const first = await page.goto(`${SITE}#/tcp?lang=en`);
  expect(first.headers()['cache-control']).toBe('no-store');
  await page.locator('main[data-ready="true"]').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(await cacheNames(page)).toEqual([swVersion()]);
  // The scope is the app's own folder, under its sub-path.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(SITE);

  await context.setOffline(true);
  const off = await context.newPage();
  await off.goto(`${SITE}#/lan?lang=zh`);
  await off.locator('main[data-ready="true"]').waitFor();
  await expect(off.locator('main')).toHaveAttribute('data-scene', 'lan');
  expect(await off.locator('main').innerText()).toMatch(/[\u4e00-\u9fff]/);
  // Only the build's own files are answered: anything else still needs the network.
  expect(await off.evaluate(() => fetch('./not-in-the-build.txt').then(() => 'answered', () => 'failed'))).toBe('failed');
  await off.close();
  await context.setOffline(false);

  // A new deploy: a changed index.html, and the hook run again gives a new sw.js.
  const old = swVersion();
  const indexFile = path.join(dir, 'index.html');
  const changed = fs.readFileSync(indexFile, 'utf8').replace('</title>', '</title><meta name=ww-build content=second>');
  expect(changed).toContain('ww-build');
  fs.writeFileSync(indexFile, changed);
  execFileSync('node', ['scripts/offline.mjs', dir], { cwd: root, stdio: 'ignore' });
  expect(swVersion()).not.toBe(old);
  // The next visit is answered from the old cache and finds the new worker, which
  // installs the new build and deletes the old cache; the visit after shows the new build.
  const next = await context.newPage();
  await next.goto(`${SITE}#/layers?lang=en`);
  await next.locator('main[data-ready="true"]').waitFor();
  await expect.poll(() => cacheNames(next), { timeout: 20_000 }).toEqual([swVersion()]);
  await next.close();
  const after = await context.newPage();
  await after.goto(`${SITE}#/layers?lang=en`);
  await after.locator('main[data-ready="true"]').waitFor();
  await expect(after.locator('meta[name="ww-build"]')).toHaveCount(1);
  await after.close();
});

test('the service worker is registered only once the app has started', async ({ page }) => {
  // Its install fetches every file of the build: registered at the page's load event, it
  // competed with the app's own start-up (the wasm's compile and the first render).
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...a) {
      window.__wwRegistered = { at: performance.now(), ready: !!document.querySelector('main[data-ready="true"]') };
      return register.apply(this, a);
    };
  });
  await page.goto(`${SITE}#/tcp?lang=en`);
  await page.locator('main[data-ready="true"]').waitFor();
  await page.waitForFunction(() => window.__wwRegistered !== undefined, null, { timeout: 10_000 });
  expect(await page.evaluate(() => window.__wwRegistered.ready)).toBe(true);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
});

test('the manifest makes the app installable from its own folder', async ({ page }) => {
  const res = await page.request.get(`${SITE}manifest.webmanifest`);
  expect(res.headers()['content-type']).toBe('application/manifest+json');
  const manifest = await res.json();
  expect(manifest.start_url).toBe('./');
  expect(manifest.icons.map((i) => i.type)).toEqual(['image/svg+xml', 'image/png']);
  for (const icon of manifest.icons) expect(fs.existsSync(path.join(dir, icon.src))).toBe(true);
});
