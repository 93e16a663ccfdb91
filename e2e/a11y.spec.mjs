// Accessibility: axe-core (npm, pinned in package-lock.json; its source is injected into
// the page, no CDN) over every scene and its main variants, in zh and en, at desktop
// and phone sizes: no violation of a WCAG 2.0/2.1 A or AA rule.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, open } from './fixtures.mjs';
import { nativeTrace } from './engine.mjs';
import { ROUTES } from './routes.mjs';
import { goSameScene } from './hashnav.mjs';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SIZES = [[1280, 800], [390, 844]];

/** Runs axe on the page (its source injected once per document); returns the violations
 *  as short readable lines. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary.split('\n').slice(1, 2).join('').trim()}`));
}

for (const lang of ['zh', 'en']) {
  for (const [w, h] of SIZES) {
    test(`axe finds no WCAG 2.1 A/AA violation in any scene (${lang}, ${w}×${h})`, async ({ page }) => {
      test.slow(); // 14 routes, each a full axe run
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const found = [];
      const scene = (route) => route.split('?')[0];
      for (const [i, route] of ROUTES.entries()) {
        // A scene's first route is a fresh load; its other routes (each naming what differs)
        // a move by the hash, which shows the same document (e2e/hashnav.mjs).
        const url = `${route}${route.includes('?') ? '&' : '?'}lang=${lang}`;
        if (i > 0 && scene(ROUTES[i - 1]) === scene(route)) await goSameScene(page, url);
        else await open(page, url);
        for (const v of await axeViolations(page)) found.push(`${route} ${v}`);
      }
      expect(found).toEqual([]);
    });
  }
}

// One test per theme or mode: six axe runs each, well inside the slow timeout on a busy machine.
for (const extra of ['theme=projector', 'theme=dark&lang=en', 'embed=1&lang=en']) {
  test(`axe finds no violation with ${extra}`, async ({ page }) => {
    test.slow();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const found = [];
    for (const route of ['#/tcp?step=14', '#/lan?view=switch&step=12', '#/encapsulation?step=6', '#/layers', '#/architecture', '#/addresses']) {
      await open(page, `${route}${route.includes('?') ? '&' : '?'}${extra}`);
      for (const v of await axeViolations(page)) found.push(`${route} ${extra} ${v}`);
    }
    expect(found).toEqual([]);
  });
}

// The drawings' text alternative: a table of the frames sent so far, following the
// player, the latest marked aria-current; compared with the native engine's trace.
const framesSent = (json, step) => json.events.slice(0, step).filter((e) => e.kind === 'frame').map((e) => json.frames[e.frame]);

test('the ladder\'s text alternative lists the engine\'s frames as the player steps, the latest marked', async ({ page }) => {
  const { json } = nativeTrace('tcp');
  await open(page, '#/tcp?lang=en');
  const list = page.locator('.ww-tcp-ladder .ww-frame-list');
  await expect(list).toHaveAttribute('aria-label', 'Ladder diagram: every frame between client and server (as text)');
  await expect(list).toContainText('No frame sent yet.');
  // Visually hidden, but in the accessibility tree.
  expect(await list.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  const who = (n) => ({ client: 'Client', server: 'Server' })[n];
  for (let step = 1; step <= 24; step++) {
    await page.keyboard.press('ArrowRight');
    const sent = framesSent(json, step);
    if (sent.length === 0) continue;
    const last = sent[sent.length - 1];
    const want = {
      rows: sent.length,
      caption: `${sent.length} of ${json.frames.length} frames sent`,
      frame: String(last.index),
      time: (last.time_us / 1e6).toFixed(3),
      path: `${who(last.from)} → ${who(last.to)}`,
      what: last.summary.protocol === 'TCP' ? `#${last.index + 1} ${last.summary.tcp_flags_text}` : null,
    };
    // One round trip per step: wait (as the expects did, up to 5 s) until the list shows
    // it all, then read it (whitespace normalised, as toHaveText/toContainText do).
    const got = await list.evaluate(async (l, want) => {
      const norm = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const read = () => {
        const cur = [...l.querySelectorAll('tr[aria-current="step"]')];
        const td = cur.length === 1 ? [...cur[0].querySelectorAll('td')] : [];
        return {
          rows: l.querySelectorAll('tbody tr').length, caption: norm(l.querySelector('caption')), current: cur.length,
          frame: cur[0]?.getAttribute('data-frame') ?? null, time: norm(td[0]), path: norm(td[1]), what: norm(td[2]),
        };
      };
      const ok = (g) => g.rows === want.rows && g.caption === want.caption && g.current === 1 && g.frame === want.frame
        && g.time === want.time && g.path === want.path && (want.what === null || g.what.includes(want.what));
      return window.__wwUntil(read, ok);
    }, want);
    expect(got.rows, `step ${step}: rows`).toBe(want.rows);
    expect(got.caption, `step ${step}`).toBe(want.caption);
    expect(got.current, `step ${step}: one current row`).toBe(1);
    expect(got.frame, `step ${step}`).toBe(want.frame);
    expect(got.time, `step ${step}`).toBe(want.time);
    expect(got.path, `step ${step}`).toBe(want.path);
    if (want.what !== null) expect(got.what, `step ${step}`).toContain(want.what);
  }
  // The zh text too.
  await open(page, '#/tcp?lang=zh&step=8');
  await expect(page.locator('.ww-frame-list caption')).toHaveText(`已发出 ${framesSent(json, 8).length} 帧（共 ${json.frames.length} 帧）`);
});

test('the LAN topology\'s text alternative follows the player and stays short in a storm', async ({ page }) => {
  const { json } = nativeTrace('storm');
  const step = json.events.length;
  await open(page, `#/lan?lang=en&view=storm&step=${step}`);
  const list = page.locator('.ww-lan-stage .ww-frame-list');
  const sent = framesSent(json, step);
  expect(sent.length).toBeGreaterThan(40);
  await expect(list.locator('caption')).toHaveText(`${sent.length} of ${json.frames.length} frames sent`);
  await expect(list.locator('tbody tr[data-frame]')).toHaveCount(40);
  await expect(list.locator('tbody tr').first()).toHaveText(`(${sent.length - 40} earlier frames not listed)`);
  await expect(list.locator('tr[aria-current="step"]')).toHaveAttribute('data-frame', String(sent[sent.length - 1].index));
  // Switch view: names as the drawing gives them (PC1…, Switch).
  await open(page, '#/lan?lang=en&view=switch&step=12');
  await expect(page.locator('.ww-lan-stage .ww-frame-list tbody tr').first()).toContainText(/^[\d.]+PC\d\s→ Switch#1\s/);
});
