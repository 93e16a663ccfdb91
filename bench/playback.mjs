// Playback smoothness of the TCP scene: plays at 1× for N seconds and reports the
// median and p95 interval between animation frames, long tasks (> 50 ms), and script
// time per animation frame (from the DevTools Performance domain). Prints JSON.
//   node bench/playback.mjs [--seconds 10] [--runs 3]
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const seconds = arg('seconds', 10);
const runs = arg('runs', 3);
const port = 4900 + Math.floor(Math.random() * 90);
const base = '/course/wirewalk/';
const server = spawn('node', ['scripts/static-server.mjs', '--dir', 'dist', '--port', String(port), '--base', base, '--max-seconds', '900'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await chromium.launch({
  executablePath: process.env.WIREWALK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quantile(xs, 0.5);
const round = (x) => Math.round(x * 100) / 100;
const results = [];
try {
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${port}${base}#/tcp?lang=en`);
    await page.waitForSelector('main[data-ready="true"] .ww-ladder');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
    await page.evaluate(() => {
      window.__frames = [];
      window.__long = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
      const tick = (t) => { window.__frames.push(t); requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
    const script0 = await metric('ScriptDuration');
    await page.locator('[data-act="play"]').click();
    await page.waitForTimeout(seconds * 1000);
    const script1 = await metric('ScriptDuration');
    const { frames, long, step } = await page.evaluate(() => ({
      frames: window.__frames, long: window.__long, step: document.querySelector('.ww-step-count')?.textContent,
    }));
    const intervals = frames.slice(1).map((t, i) => t - frames[i]);
    results.push({
      frames: frames.length,
      interval_ms_median: round(median(intervals)),
      interval_ms_p95: round(quantile(intervals, 0.95)),
      long_tasks: long.length,
      long_task_ms_max: round(Math.max(0, ...long)),
      script_ms_per_frame: round(((script1 - script0) * 1000) / Math.max(1, frames.length)),
      reached: step,
    });
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(JSON.stringify({
  scene: 'tcp', speed: '1x', seconds, runs,
  interval_ms_median: median(results.map((r) => r.interval_ms_median)),
  interval_ms_p95_median: median(results.map((r) => r.interval_ms_p95)),
  long_tasks_median: median(results.map((r) => r.long_tasks)),
  script_ms_per_frame_median: median(results.map((r) => r.script_ms_per_frame)),
  runs_detail: results,
}, null, 2));
