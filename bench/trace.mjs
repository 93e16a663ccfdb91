// Where the start-up's long tasks go: a Chromium trace of one cold load, main thread only.
// For every task over --min ms: its start, length, and the time of its largest kinds of
// work (script, style, layout, paint, parsing, wasm compile), from the trace's own events;
// and, counted over the whole start-up, the font families and strikes the renderer asked
// the browser for (a count is the same in every load of a build: fewer is less layout).
// --cpu N slows the page's CPU N times (Chromium's emulation, as bench/load.mjs's low-end
// condition does with 4), so the tasks that grow past 50 ms on a slow laptop show.
//   node bench/trace.mjs [--dist dist] [--route '#/tcp?lang=en'] [--runs 3] [--min 30] [--cpu 4]
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const dist = arg('dist', 'dist');
const route = arg('route', '#/tcp?lang=en');
const runs = Number(arg('runs', 3));
const min = Number(arg('min', 30));
const cpuRate = Number(arg('cpu', 1));
const quiet = args.includes('--quiet');
const summary = [];
const port = 4950 + Math.floor(Math.random() * 40);
const base = '/course/wirewalk/';
const server = spawn('node', ['scripts/static-server.mjs', '--dir', dist, '--port', String(port), '--base', base, '--max-seconds', '600'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await chromium.launch({
  executablePath: process.env.WIREWALK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink', 'loading', 'toplevel', 'fonts'];
try {
  for (let r = 0; r < runs; r++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    if (cpuRate > 1) await (await ctx.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    if (args.includes('--warm')) {
      // A renderer that has drawn the page once (fonts found and loaded), as in a visitor's
      // browser: the same route loaded before, from a fresh cache-less request.
      await page.goto(`http://127.0.0.1:${port}${base}?warm${route}`);
      await page.locator('main[data-ready="true"]').waitFor({ timeout: 20000 });
      await page.goto('about:blank');
    }
    await browser.startTracing(page, { categories: CATEGORIES });
    // Waits for the app without Playwright's injected script (a locator's), which would
    // otherwise run on the page's main thread, in the trace, as soon as the page loads.
    await page.addInitScript(() => {
      new MutationObserver((_, o) => {
        if (document.querySelector('main[data-ready="true"]')) { o.disconnect(); console.log('__wirewalk_trace_ready'); }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    const ready = page.waitForEvent('console', { predicate: (m) => m.text() === '__wirewalk_trace_ready', timeout: 20000 });
    await page.goto(`http://127.0.0.1:${port}${base}${route}`, { waitUntil: 'commit' });
    await ready;
    await page.waitForTimeout(500);
    const buf = await browser.stopTracing();
    await ctx.close();
    const events = JSON.parse(buf.toString()).traceEvents;
    // The renderer's main thread: the one named CrRendererMain with the most events.
    const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain');
    const count = new Map();
    for (const e of events) {
      if (names.some((n) => n.pid === e.pid && n.tid === e.tid)) count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
    }
    // Prefer the thread that parsed our page (ParseHTML names its URL): on a busy machine
    // the busiest renderer was sometimes another one (custom elements, a browser page).
    const ours = new Set(events.filter((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').includes(`:${port}${base}`))
      .map((e) => `${e.pid}:${e.tid}`).filter((k) => count.has(k)));
    if (!quiet && !ours.size) console.log("(no ParseHTML of our page found; busiest renderer)");
    const main = [...count.entries()].filter(([k]) => !ours.size || ours.has(k)).sort((a, b) => b[1] - a[1])[0][0];
    const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined);
    const nav = events.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main) ?? onMain[0];
    const t0 = nav.ts;
    const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask').filter((e) => e.dur / 1000 >= min);
    const KINDS = ['Layout', 'UpdateLayoutTree', 'FunctionCall', 'wasm.CompileLazy', 'ParseHTML', 'Paint', 'InlineNode::ShapeTextIncludingFirstLine'];
    const sums = Object.fromEntries(KINDS.map((k) => [k, 0]));
    for (const e of onMain) if (k_in(e.name)) sums[e.name] += e.dur / 1000;
    function k_in(n) { return KINDS.includes(n); }
    const longest = tasks.reduce((m, t) => Math.max(m, t.dur / 1000), 0);
    const longest_cpu = tasks.reduce((m, t) => Math.max(m, (t.tdur ?? t.dur) / 1000), 0);
    // The first contentful paint, and the main thread's own CPU time in the tasks that
    // started before it: on a busy machine wall times stretch, this much less.
    const fcpEv = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === Number(main.split(':')[0]));
    const fcp = fcpEv ? (fcpEv.ts - t0) / 1000 : NaN;
    const top = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
    const cpu_before_fcp = fcpEv ? top.filter((e) => e.ts < fcpEv.ts).reduce((a, e) => a + (e.tdur ?? e.dur) / 1000, 0) : NaN;
    // Font lookups before the first paint: the renderer asks the browser for each family it
    // tries and each (font, size, weight) it draws, over synchronous IPC. In a cold renderer
    // they were most of the first paint's layout (about 40 of 49 ms in one slow run: the
    // first DejaVu Sans, then the fallback for the header's "中文" through five families a
    // Linux machine lacks to the 19 MB Noto Sans CJK). Outermost lookups only (they nest).
    let fonts_before_fcp = 0;
    let end = 0;
    for (const e of onMain.filter((x) => x.name === 'FontCache::GetFontPlatformData' && fcpEv && x.ts < fcpEv.ts).sort((a, b) => a.ts - b.ts)) {
      if (e.ts < end) continue;
      fonts_before_fcp += e.dur / 1000;
      end = e.ts + e.dur;
    }
    // The whole start-up's font requests to the browser, counted (the same in every load
    // of a build, so two builds compare exactly even on a busy machine): families looked
    // up (found or not; each once a page) and strikes (a face at a size and weight) whose
    // rendering settings were asked for.
    const asked = (name) => onMain.filter((e) => e.name === name).length;
    const font_families = asked('FontDataManager::onMatchFamilyStyle');
    const font_strikes = asked('WebSandboxSupportLinux::GetWebFontRenderStyleForStrike');
    summary.push({ fcp, cpu_before_fcp, fonts_before_fcp, font_families, font_strikes, longest, longest_cpu, ...sums });
    if (!quiet) console.log(`--- run ${r} ${route}`);
    for (const t of quiet ? [] : tasks) {
      const inside = onMain.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t);
      // Sum every kind of event by name, then report the heaviest (nested kinds overlap).
      const by = new Map();
      for (const e of inside) by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
      const top = [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 9).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ');
      // tdur: the main thread's own CPU time in the task; under load, dur (wall) grows with
      // the time the thread waited for a core, tdur much less.
      const cpu = t.tdur === undefined ? '' : ` (cpu ${(t.tdur / 1000).toFixed(1)})`;
      console.log(`${((t.ts - t0) / 1000).toFixed(0).padStart(5)} ms  ${(t.dur / 1000).toFixed(1).padStart(6)} ms${cpu}  ${top}`);
    }
  }
  const med = (xs) => { const v = [...xs].sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
  console.log(`medians of ${runs} (ms): ` + Object.keys(summary[0]).map((k) => `${k} ${med(summary.map((s) => s[k])).toFixed(1)}`).join(' | '));
} finally {
  await browser.close();
  server.kill();
}
