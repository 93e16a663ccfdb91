// Slides: the helpers shared by the slide specs (e2e/slides*.spec.mjs): the slide-like
// host page, opening an embed in it, the walk over themes, languages and sizes, and
// the blank around a drawing's marks.
import { expect } from './fixtures.mjs';

export const SLIDE_SIZES = [[960, 540], [1280, 720]];
/** The scenes checked in a slide, each with the selector of its drawing. */
export const SLIDE_SCENES = [
  ['tcp', '#/tcp?step=14', '.ww-ladder'],
  ['encapsulation', '#/encapsulation?step=6', '.ww-enc-stage'],
  ['lan', '#/lan?view=switch&step=12', '.ww-lan-topo'],
  // The storm's side column (chart and both MAC tables) ran 56-133 px past the frame
  // (review of issue 16); the router's diff, ARP lists and verdict beside its topology.
  ['lan-storm', '#/lan?view=storm&step=40', '.ww-lan-topo'],
  ['lan-router', '#/lan?view=router&step=16', '.ww-lan-topo'],
];

/** A slide-like page (title bar, then the scene in an iframe) served beside the app. Its
 * heading is in the embed's language ("Lesson 1 · slide" stood over the zh slides), and
 * the slide fills the host's viewport (a dark 12 px band showed under every slide). */
export function slidePage(src, w, h) {
  const zh = /[?&]lang=zh\b/.test(src);
  return `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>slide</title>
<style>html,body{margin:0;background:#fff;font-family:sans-serif}
.slide{box-sizing:border-box;min-height:100vh;display:flex;flex-direction:column;align-items:center;padding:12px 0 0}
.slide h2{margin:0 0 8px;font-size:22px;width:${w}px}
iframe{display:block;width:${w}px;height:${h}px;border:1px solid #999}</style></head>
<body><div class="slide"><h2>${zh ? '第 1 课 · 幻灯片' : 'Lesson 1 · slide'}</h2><iframe src="${src}" title="Wirewalk"></iframe></div></body></html>`;
}

export async function openSlide(page, route, w, h) {
  await page.setViewportSize({ width: w + 60, height: h + 80 });
  await page.route('**/slide.html', (r) => r.fulfill({ contentType: 'text/html', body: slidePage(`./${route}`, w, h) }));
  await page.goto('slide.html');
  const frame = page.frameLocator('iframe');
  await frame.locator('main[data-ready="true"]').waitFor();
  // The host page itself: the slide covers the viewport, nothing scrolls.
  const host = await page.evaluate(() => ({
    slide: document.querySelector('.slide').getBoundingClientRect().bottom, vh: innerHeight,
    sh: document.scrollingElement.scrollHeight, sw: document.scrollingElement.scrollWidth, vw: innerWidth,
  }));
  expect(host.slide, 'the slide reaches the bottom of the host page').toBeGreaterThanOrEqual(host.vh);
  expect(host.sh <= host.vh && host.sw <= host.vw, `host page scrolls: ${JSON.stringify(host)}`).toBe(true);
  return frame;
}

export const THEMES = ['light', 'projector'];
export const LANGS = ['zh', 'en'];

/** Opens each slide in turn (`slides`: [name, route, ...extra]; embed=1, the language and
 * the theme are added to the route), in each theme, language and size (all unless `only`
 * narrows them), and runs `check` on it. `check` gets the slide's frame locator (`frame`)
 * and Frame (`inner`), the slide's name, extra, lang, theme, w and h, `fail(message)`, which
 * notes a problem with where it was seen, and `shot(name = the slide's)`, which saves a
 * screenshot under e2e/artifacts/screens/. The test fails at the end, listing every problem. */
export async function forEachSlide(page, slides, check, only = {}) {
  const { themes = THEMES, langs = LANGS, sizes = SLIDE_SIZES } = only;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const problems = [];
  for (const [name, route, ...extra] of slides) {
    for (const theme of themes) {
      for (const lang of langs) {
        for (const [w, h] of sizes) {
          const frame = await openSlide(page, `${route}&embed=1&lang=${lang}&theme=${theme}`, w, h);
          const inner = page.frames().find((f) => f !== page.mainFrame());
          const fail = (message) => problems.push(`${name} ${lang} ${theme} ${w}×${h}: ${message}`);
          const shot = (file = name) => page.screenshot({ path: `e2e/artifacts/screens/slide-${file}-${theme}-${lang}-${w}x${h}.png`, animations: 'disabled' });
          await check({ frame, inner, name, extra, lang, theme, w, h, fail, shot });
        }
      }
    }
  }
  expect(problems).toEqual([]);
}

/** Each drawing matching `sels` in the frame: the blank (px) between its box and its
 * marks above and below, and its smallest visible type as rendered (font size times the
 * drawing's scale). */
export async function drawingFill(inner, sels) {
  return inner.evaluate((sels) => sels.map((sel) => {
    const svg = document.querySelector(sel);
    if (!svg) return { sel, missing: true };
    const box = svg.getBoundingClientRect();
    const shown = (e) => !e.closest('defs, marker, .is-future') && getComputedStyle(e).opacity !== '0' && !e.classList.contains('ww-lan-cable-hit');
    const rs = [...svg.querySelectorAll('text, rect, circle, path, line, polyline')].filter(shown)
      .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 || r.height > 0);
    const k = svg.getScreenCTM().a;
    const type = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() && t.getClientRects().length && shown(t))
      .map((t) => ({ text: t.textContent.trim().slice(0, 16), px: Math.round(parseFloat(getComputedStyle(t).fontSize) * k * 10) / 10 }));
    return {
      sel, above: Math.round(Math.min(...rs.map((r) => r.top)) - box.top), below: Math.round(box.bottom - Math.max(...rs.map((r) => r.bottom))),
      small: type.filter((t) => t.px < 12), texts: type.length,
    };
  }), sels);
}
