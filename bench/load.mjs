// Cold-load timings of the release build served on loopback from a sub-path:
// first-contentful-paint and "ready" (the scene's title visible), median of N cold
// loads (a fresh browser context each: no cache). Prints JSON.
//   node bench/load.mjs [--runs 5] [--route '#/tcp?lang=en']
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('runs', 5));
const route = arg('route', '#/tcp?lang=en');
const port = 4600 + Math.floor(Math.random() * 300);
const base = '/course/wirewalk/';

const server = spawn('node', ['scripts/static-server.mjs', '--dir', 'dist', '--port', String(port), '--base', base, '--max-seconds', '600'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));

const browser = await chromium.launch({
  executablePath: process.env.WIREWALK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const samples = [];
try {
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('main[data-ready="true"] #scene-title')) {
          window.__ready = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`http://127.0.0.1:${port}${base}${route}`);
    await page.waitForFunction(() => window.__ready !== undefined);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    samples.push(await page.evaluate(() => ({
      fcp_ms: performance.getEntriesByName('first-contentful-paint')[0].startTime,
      ready_ms: window.__ready,
    })));
    await ctx.close();
  }
} finally {
  await browser.close();
  server.kill();
}
const round = (x) => Math.round(x * 10) / 10;
console.log(JSON.stringify({
  route, runs,
  fcp_ms_median: round(median(samples.map((s) => s.fcp_ms))),
  ready_ms_median: round(median(samples.map((s) => s.ready_ms))),
  samples: samples.map((s) => ({ fcp_ms: round(s.fcp_ms), ready_ms: round(s.ready_ms) })),
}, null, 2));
