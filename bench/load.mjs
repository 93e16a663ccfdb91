// Cold-load timings of the release build served on loopback from a sub-path, median of
// N cold loads (a fresh browser context each: no cache). For each route: first
// contentful paint, "ready" (the app mounted: main[data-ready="true"]), the TCP ladder
// visible (TCP routes: in the page, pre-rendered or drawn, and painted), "complete" (ready,
// and the parts a scene mounts in later tasks are in: no .ww-later left), the longest task
// until complete, and the layout shift when the app
// takes over the pre-rendered page. Optionally under Chromium's network and CPU
// emulation (files served uncompressed, as the static server does). Also the floor: the
// same cold load of a one-heading page. Prints JSON.
// Several --dist (say the previous commit's build from a git worktree, and this one's) are
// measured in one run, their loads interleaved (round by round, in alternating order), so
// a machine that slows down or speeds up meanwhile weighs on each alike; the JSON then
// has one entry per build under "builds".
//   node bench/load.mjs [--runs 5] [--route '#/tcp?lang=en' ...] [--condition none|slow|lowend] [--dist dist ...]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const all = (name) => args.flatMap((a, i) => (a === `--${name}` ? [args[i + 1]] : []));
const runs = Number(arg('runs', 5));
const routes = all('route').length ? all('route') : ['#/tcp?lang=en', ''];
const dists = all('dist').length ? all('dist') : ['dist'];
// Named conditions from the first-paint issue: a slow link, and a low-end laptop.
const CONDITIONS = {
  none: null,
  slow: { mbps: 1.6, rttMs: 150, cpu: 1 },
  lowend: { mbps: 10, rttMs: 40, cpu: 4 },
};
const conditionName = arg('condition', 'none');
if (!(conditionName in CONDITIONS)) throw new Error(`unknown condition ${conditionName}`);
const condition = CONDITIONS[conditionName];
const port = 4600 + Math.floor(Math.random() * 300);
const base = '/course/wirewalk/';

const servers = [];
for (const [i, dist] of dists.entries()) {
  const server = spawn('node', ['scripts/static-server.mjs', '--dir', dist, '--port', String(port + i), '--base', base, '--max-seconds', '1800'], { stdio: ['ignore', 'pipe', 'inherit'] });
  servers.push(server);
  await new Promise((resolve) => server.stdout.once('data', resolve));
}

const browser = await chromium.launch({
  executablePath: process.env.WIREWALK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => (x === null ? null : Math.round(x * 10) / 10);

// The bench waits for a console message from its own init script, not with
// page.waitForFunction: that injects Playwright's script (20-40 ms of the main thread
// here) as soon as the page has loaded, and a page whose load event comes before its
// first paint (nothing else requested by then) had it counted in its first paint.
const DONE = '__wirewalk_bench_done';

async function emulate(ctx, page) {
  if (!condition) return;
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: condition.rttMs,
    downloadThroughput: (condition.mbps * 1e6) / 8,
    uploadThroughput: (condition.mbps * 1e6) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
}

async function load(route, port) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await emulate(ctx, page);
  await page.addInitScript((DONE) => {
    window.__m = { longest: 0, shift: 0 };
    const seen = (sel, key) => {
      if (window.__m[key] === undefined && document.querySelector(sel)) window.__m[key] = performance.now();
    };
    new MutationObserver(() => {
      seen('main[data-ready="true"]', 'ready');
      // The ladder counts as visible once it is in the page (pre-rendered or drawn by the
      // app) and something has been painted; see ladder_ms below.
      seen('svg.ww-ladder', 'ladder');
      // Complete: the app is ready and has mounted the parts it renders in later tasks
      // (src/widgets/later.rs); start-up tasks are counted until then.
      if (window.__m.ready !== undefined && !document.querySelector('.ww-later')) seen('main[data-ready="true"]', 'complete');
      said();
    }).observe(document, { childList: true, subtree: true, attributes: true });
    new PerformanceObserver(() => {
      window.__m.painted = performance.getEntriesByName('first-contentful-paint').length > 0;
      said();
    }).observe({ type: 'paint', buffered: true });
    // Tells the bench it may read the figures (see DONE below).
    function said() {
      if (window.__m.painted && window.__m.complete !== undefined && !window.__m.said) {
        window.__m.said = true;
        console.log(DONE);
      }
    }
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        if (window.__m.complete === undefined || e.startTime < window.__m.complete + 1) {
          window.__m.longest = Math.max(window.__m.longest, e.duration);
        }
      }
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (!e.hadRecentInput) window.__m.shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  }, DONE);
  const done = page.waitForEvent('console', { predicate: (msg) => msg.text() === DONE, timeout: 60_000 });
  await page.goto(`http://127.0.0.1:${port}${base}${route}`, { waitUntil: 'commit' });
  await done;
  await page.waitForTimeout(300);
  const m = await page.evaluate(() => ({
    fcp_ms: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    ready_ms: window.__m.ready,
    complete_ms: window.__m.complete,
    ladder_ms: window.__m.ladder === undefined ? null
      : Math.max(window.__m.ladder, performance.getEntriesByName('first-contentful-paint')[0].startTime),
    longest_task_ms: window.__m.longest,
    layout_shift: window.__m.shift,
  }));
  await ctx.close();
  return m;
}

// The browser's own floor: the same cold load of a page with one heading and nothing
// else, served the same way (a fresh context starts a renderer, which costs this machine
// about 100 ms before any page can paint). Our figures are read against it: it is loaded
// once in every round, beside the builds, and each build's first paint is also given as
// its excess over the floor's in the same round (a median of those differences), to
// read it against the machine of the moment (in the first runs it was no steadier than
// the first paint itself).
function startFloor() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-floor-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang=en><head><meta charset=utf-8><title>floor</title></head><body><h1>Floor</h1></body></html>');
  const fport = port + 301;
  const fserver = spawn('node', ['scripts/static-server.mjs', '--dir', dir, '--port', String(fport), '--base', base, '--max-seconds', '1800'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const up = new Promise((resolve) => fserver.stdout.once('data', resolve));
  return {
    up,
    close() {
      fserver.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    async load() {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      await emulate(ctx, page);
      await page.addInitScript((DONE) => {
        new PerformanceObserver(() => {
          if (performance.getEntriesByName('first-contentful-paint').length) console.log(DONE);
        }).observe({ type: 'paint', buffered: true });
      }, DONE);
      const done = page.waitForEvent('console', { predicate: (msg) => msg.text() === DONE, timeout: 60_000 });
      await page.goto(`http://127.0.0.1:${fport}${base}`, { waitUntil: 'commit' });
      await done;
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
      await ctx.close();
      return fcp;
    },
  };
}

const out = { condition: conditionName, ...(condition ? { emulated: condition } : {}), runs };
const builds = dists.map(() => ({}));
const floor = startFloor();
const floors = [];
try {
  await floor.up;
  // A first load warms the browser up (its first context is slower); it is not counted.
  await floor.load();
  for (const route of routes) {
    const samples = dists.map(() => []);
    const mineFloor = [];
    for (let i = 0; i < runs; i++) {
      mineFloor.push(await floor.load());
      for (let j = 0; j < dists.length; j++) {
        const k = i % 2 ? dists.length - 1 - j : j;
        samples[k].push(await load(route, port + k));
      }
    }
    floors.push(...mineFloor);
    for (const [k, mine] of samples.entries()) {
      const med = (key) => round(median(mine.map((s) => s[key])));
      builds[k][route || '(landing)'] = {
        fcp_ms_median: med('fcp_ms'),
        fcp_over_floor_ms_median: round(median(mine.map((s, i) => s.fcp_ms - mineFloor[i]))),
        ready_ms_median: med('ready_ms'),
        complete_ms_median: med('complete_ms'),
        ladder_ms_median: med('ladder_ms'),
        longest_task_ms_median: med('longest_task_ms'),
        layout_shift_max: Math.max(...mine.map((s) => s.layout_shift)),
        samples: mine.map((s) => Object.fromEntries(Object.entries(s).map(([key, v]) => [key, key === 'layout_shift' ? v : round(v)]))),
      };
    }
  }
  out.floor = { fcp_ms_median: round(median(floors)), samples: floors.map(round) };
} finally {
  await browser.close();
  floor.close();
  for (const server of servers) server.kill();
}
if (dists.length === 1) Object.assign(out, { dist: dists[0], routes: builds[0] });
else out.builds = Object.fromEntries(dists.map((d, k) => [d, { routes: builds[k] }]));
console.log(JSON.stringify(out, null, 2));
