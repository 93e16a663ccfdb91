// A `page` that fails its test on any console error, uncaught exception, failed or
// 4xx/5xx request, request to anything but our own loopback server, or content security
// policy violation.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test as base, expect } from '@playwright/test';

/** The file:// URL of the one-file build, dist/wirewalk.html. */
export const ONE_FILE_URL = pathToFileURL(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'wirewalk.html'),
).href;

export const test = base.extend({
  // Tests that provoke an error on purpose give a RegExp of what they expect here.
  allowedErrors: [null, { option: true }],
  page: async ({ page, allowedErrors }, use) => {
    const problems = [];
    const allowed = (text) => allowedErrors !== null && allowedErrors.test(text);
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !allowed(msg.text())) problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => {
      if (!allowed(String(err))) problems.push(`page error: ${err}`);
    });
    page.on('requestfailed', (req) => {
      // ERR_ABORTED is a request cancelled by our own navigation or reload, not a failure.
      const why = req.failure()?.errorText ?? '';
      if (why !== 'net::ERR_ABORTED' && !allowed(`request failed: ${req.url()} ${why}`)) problems.push(`request failed: ${req.url()} ${why}`);
    });
    page.on('request', (req) => {
      const u = new URL(req.url());
      const loopback = ['http:', 'https:'].includes(u.protocol) && u.hostname === '127.0.0.1';
      // file: only for the one-file build itself (dist/wirewalk.html), nothing else on disk.
      const oneFile = u.protocol === 'file:' && u.href.split('#')[0] === ONE_FILE_URL;
      if (!loopback && !oneFile && !['data:', 'blob:'].includes(u.protocol)) {
        problems.push(`third-party request: ${req.url()}`);
      }
    });
    page.on('response', (res) => {
      if (res.status() >= 400 && !allowed(`HTTP ${res.status()}: ${res.url()}`)) problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    // Any content security policy violation fails the test (Chromium also logs most of
    // them as console errors; this catches the rest, e.g. report-only cases).
    await page.exposeFunction('__wwCspViolation', (v) => problems.push(`CSP violation: ${v}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__wwCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
      });
      // For checks of where lines break, inside page.evaluate: the characters of an
      // element's text in order, each with the first box a Range over it gives (its top
      // rounded to a pixel). A character with no box (collapsed white space) is left out;
      // a zero-width one (a word joiner) keeps its box of width 0.
      window.__wwChars = (el) => {
        const out = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (let i = 0; i < n.textContent.length; i++) {
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + 1);
            const box = r.getClientRects()[0];
            if (box) out.push({ ch: n.textContent[i], top: Math.round(box.top), width: box.width });
          }
        }
        return out;
      };
      // Inside page.evaluate: the box around an element's text as laid out (the lines'
      // boxes a Range over its contents gives, empty ones left out), rounded to pixels.
      window.__wwInk = (el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        const rects = [...r.getClientRects()].filter((x) => x.height > 0);
        const edge = (f, side) => Math.round(f(...rects.map((x) => x[side])));
        return { top: edge(Math.min, 'top'), bottom: edge(Math.max, 'bottom'), left: edge(Math.min, 'left'), right: edge(Math.max, 'right') };
      };
      // Inside page.evaluate: reads `read()` once a frame until `ok` holds for what it
      // read, for at most `ms`; gives the last reading either way (the caller's
      // expectations then say what differed).
      window.__wwUntil = async (read, ok, ms = 5_000) => {
        const t0 = performance.now();
        let got = read();
        while (!ok(got) && performance.now() - t0 < ms) {
          await new Promise((r) => requestAnimationFrame(r));
          got = read();
        }
        return got;
      };
      // For contrast checks inside page.evaluate (WCAG 2.1: relative luminance, contrast
      // ratio), the one copy the specs share. `ink(el, 'stroke' | 'fill', bg)` is the ratio
      // of a line's or a text's colour against `bg` (by default the first opaque background
      // up the tree), drawn with its colour's alpha, its stroke-/fill-opacity and the
      // opacity of it and every ancestor, as the eye sees it over that background.
      window.__wwContrast = (() => {
        const rgba = (s) => {
          const m = /rgba?\(([^)]+)\)/.exec(s || '');
          if (!m) return null;
          const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
          return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
        };
        const lum = ({ r, g, b }) => {
          const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const ratio = (x, y) => { const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
        const blend = (fg, bg, a) => ({ r: fg.r * a + bg.r * (1 - a), g: fg.g * a + bg.g * (1 - a), b: fg.b * a + bg.b * (1 - a) });
        const opacity = (el) => { let o = 1; for (let e = el; e && e.nodeType === 1; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; };
        const background = (el) => {
          for (let e = el; e; e = e.parentElement) {
            const c = rgba(getComputedStyle(e).backgroundColor);
            if (c && c.a > 0.99) return c;
          }
          return { r: 255, g: 255, b: 255, a: 1 };
        };
        const ink = (el, prop, bg = background(el)) => {
          const cs = getComputedStyle(el);
          const fg = rgba(cs[prop]);
          if (!fg) return null;
          const a = fg.a * opacity(el) * Number(prop === 'stroke' ? cs.strokeOpacity : cs.fillOpacity);
          return ratio(blend(fg, bg, a), bg);
        };
        return { rgba, ratio, blend, opacity, background, ink };
      })();
    });
    await use(page);
    expect(problems, 'console errors / failed or foreign requests').toEqual([]);
  },
});

export { expect };

/** Opens a route (e.g. '#/tcp?lang=en') in a fresh document, as a visitor would, and
 * waits until the scene is rendered. (A hash-only goto would stay in the old document,
 * still "ready" with the old scene, while the app reloads for another scene's bundle.) */
export async function open(page, route = '') {
  if (page.url() !== 'about:blank') await page.goto('about:blank');
  await page.goto(route);
  await page.locator('main[data-ready="true"]').waitFor();
  // A long scene mounts its lower part in the next task (src/widgets/later.rs).
  await page.locator('.ww-later').waitFor({ state: 'detached' });
}

/** True when the page is wider than the viewport (something overflows sideways). */
export async function overflowsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** A phone's ladder draws a few rows around the current frame (widgets::ladder::PHONE_ROWS):
 *  its "show all" button draws every frame, for the checks that look at all of them.
 *  Does nothing where the ladder is whole already (desktop, projector). */
export async function wholeLadder(page) {
  const all = page.locator('.ww-ladder-all[data-all="false"]');
  if (await all.count()) {
    await all.click();
    await expect(page.locator('.ww-ladder-all')).toHaveAttribute('data-all', 'true');
  }
}

/** Presses the player's "next" button in the page (one round trip, not Playwright's
 *  several for a click) and waits until the player shows `step`. */
export async function nextStep(page, step) {
  const shown = await page.evaluate(async (step) => {
    document.querySelector('.ww-pbtn[data-act="next"]').click();
    return window.__wwUntil(() => document.querySelector('.ww-scrub').value, (at) => at === String(step));
  }, step);
  expect(shown, `the player moved on to step ${step}`).toBe(String(step));
}
