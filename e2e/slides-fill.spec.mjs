// Slides: each drawing takes its box (no band of blank around it) in the frames where its
// shape and the box's differ most: a 4:3 projector (1024×768) and the large 16:9 slide
// (1280×720). Split from e2e/slides.spec.mjs (600-line limit).
import { test } from './fixtures.mjs';
import { collisions } from './geometry.mjs';
import { forEachSlide, drawingFill } from './slidekit.mjs';

// Issue 16, 1024×768 (a 4:3 projector): the slide's drawings were bound by their columns'
// widths in boxes taller than they are: 100 px blank above and below the ladder, 60-85
// above and below the state machine, 40-80 above and below the storm's chart, the ladder's
// labels 11-12 px. Both languages and themes: nothing scrolls, the ladder and the chart
// leave under 40 px blank above and below their marks (the state machine under 90 px in
// all), every text at least 12 px, no label on another.
test('a 4:3 frame (1024×768): the ladder, the state machine and the storm\'s chart fill their boxes', async ({ page }) => {
  test.slow();
  const slides = [
    ['tcp-fill', '#/tcp?step=14', ['.ww-ladder', '.ww-sd svg']],
    ['tcp-fill-step30', '#/tcp?step=30', ['.ww-ladder', '.ww-sd svg']],
    ['lan-storm-fill', '#/lan?view=storm&step=40', ['.ww-lan-chart svg']],
  ];
  await forEachSlide(page, slides, async ({ frame, inner, name, extra: [sels], fail, shot }) => {
    const se = await frame.locator('html').evaluate(() => { const s = document.scrollingElement; return { sh: s.scrollHeight, ch: s.clientHeight, sw: s.scrollWidth, cw: s.clientWidth }; });
    if (se.sh > se.ch || se.sw > se.cw) fail(`scrolls (${se.sw}×${se.sh} in ${se.cw}×${se.ch})`);
    for (const d of await drawingFill(inner, sels)) {
      if (d.missing) { fail(`no ${d.sel}`); continue; }
      // The state machine, bound by its column's width, stands in a box whose height
      // follows the narration's length: together under 90 px (was 132-183).
      if (d.sel === '.ww-sd svg' ? d.above + d.below >= 90 : d.above >= 40 || d.below >= 40) fail(`${d.sel}: ${d.above} px blank above, ${d.below} px below`);
      if (d.above < -1 || d.below < -1) fail(`${d.sel} runs out of its box (${d.above}, ${d.below})`);
      if (d.texts < 3) fail(`${d.sel}: only ${d.texts} texts`);
      if (d.small.length) fail(`${d.sel}: type under 12 px ${JSON.stringify(d.small.slice(0, 3))}`);
    }
    for (const c of await collisions(inner, '.ww-ladder, .ww-sd svg')) fail(JSON.stringify(c));
    if (!name.endsWith('step30')) await shot();
  }, { sizes: [[1024, 768]] });
});

// Issue 16, 1024×768: the switch's wide drawing stood 60-90 px under the top of its box
// (40 units of nothing above the switch). At the first, the slides' and the last step, in
// both languages and themes: under 40 px blank above and below the drawing, nothing cut.
test('a 4:3 frame (1024×768): no blank band above the switch', async ({ page }) => {
  test.slow();
  const steps = [0, 12, 35].map((s) => [`lan-switch-top-step${s}`, `#/lan?view=switch&step=${s}`]);
  await forEachSlide(page, steps, async ({ inner, name, fail, shot }) => {
    const [d] = await drawingFill(inner, ['.ww-lan-topo']);
    if (d.above >= 40 || d.below >= 40) fail(`${d.above} px blank above, ${d.below} px below the switch's drawing`);
    if (d.above < -1 || d.below < -1) fail(`the drawing runs out of its box (${d.above}, ${d.below})`);
    if (d.small.length) fail(`type under 12 px ${JSON.stringify(d.small.slice(0, 3))}`);
    if (name.endsWith('step12')) await shot();
  }, { sizes: [[1024, 768]] });
});

/** The blank (px) between the marks of the drawing `sel` and the box it is given
 * (`box`, an ancestor), on each side, and whether any of them runs out of the frame. */
async function blankInBox(inner, sel, box) {
  return inner.evaluate(([sel, box]) => {
    const svg = document.querySelector(sel);
    if (!svg) return null;
    const b = svg.closest(box).getBoundingClientRect();
    const shown = (e) => !e.closest('defs, marker, .is-future') && getComputedStyle(e).opacity !== '0' && !e.classList.contains('ww-lan-cable-hit');
    const rs = [...svg.querySelectorAll('text, rect, circle, path, line, polyline')].filter(shown)
      .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 || r.height > 0);
    const s = svg.getBoundingClientRect();
    const r = (v) => Math.round(v);
    return {
      above: r(Math.min(...rs.map((q) => q.top)) - b.top), below: r(b.bottom - Math.max(...rs.map((q) => q.bottom))),
      left: r(Math.min(...rs.map((q) => q.left)) - b.left), right: r(b.right - Math.max(...rs.map((q) => q.right))),
      cut: r(Math.min(...rs.map((q) => Math.min(q.top - s.top, s.bottom - q.bottom, q.left - s.left, s.right - q.right)))),
      bottom: r(b.bottom), vh: innerHeight,
    };
  }, [sel, box]);
}

// Issue 16, 1280×720: the storm's slide drawing (400×310 units), bound by the height of a
// box shortened by the en explanation under it, left 80 px blank on each side of it (en);
// a wider one filled en but left zh, whose explanation is shorter, 52 px above and below.
// The broad drawing (452×292) leaves under 40 px on every side of its box in both
// languages and themes, at the slide's step and later in the storm; nothing scrolls or
// is cut, its type at least 14 px (as every 1280×720 slide's topology).
// Failed on main: en 80 px left and right (light and projector).
test('a large slide (1280×720): the storm\'s drawing takes its box on every side', async ({ page }) => {
  test.slow();
  const slides = [['lan-storm-broad', '#/lan?view=storm&step=40'], ['lan-storm-broad-step200', '#/lan?view=storm&step=200']];
  await forEachSlide(page, slides, async ({ frame, inner, name, fail, shot }) => {
    const se = await frame.locator('html').evaluate(() => { const s = document.scrollingElement; return { sh: s.scrollHeight, ch: s.clientHeight, sw: s.scrollWidth, cw: s.clientWidth }; });
    if (se.sh > se.ch || se.sw > se.cw) fail(`scrolls (${se.sw}×${se.sh} in ${se.cw}×${se.ch})`);
    const b = await blankInBox(inner, '.ww-lan-topo', '.ww-lan-scroll');
    if (!b) return fail('no topology');
    for (const side of ['above', 'below', 'left', 'right']) if (b[side] >= 40) fail(`${b[side]} px blank ${side} the drawing`);
    if (b.cut < -1) fail(`a mark runs ${-b.cut} px out of the drawing`);
    const [d] = await drawingFill(inner, ['.ww-lan-topo']);
    const small = (await inner.evaluate(() => {
      const svg = document.querySelector('.ww-lan-topo');
      const k = svg.getScreenCTM().a;
      return [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() && t.getClientRects().length)
        .map((t) => ({ text: t.textContent.trim().slice(0, 16), px: Math.round(parseFloat(getComputedStyle(t).fontSize) * k * 10) / 10 }));
    })).filter((t) => t.px < 14);
    if (d.texts < 4) fail(`only ${d.texts} texts`);
    if (small.length) fail(`type under 14 px ${JSON.stringify(small.slice(0, 3))}`);
    for (const c of await collisions(inner, '.ww-lan-topo')) if (c.what !== 'text/own line') fail(JSON.stringify(c));
    if (name === 'lan-storm-broad') await shot();
  }, { sizes: [[1280, 720]] });
});

// Issue 16, 1024×768: the state machine, bound by its column's width, stood in the middle
// of a box whose height follows the narration: 45-57 px blank between the top of its card
// and the diagram (zh, step 30 the worst). It starts at the card's top now: under 30 px
// there at steps 0, 14, 30 and 60 in both languages and themes, nothing scrolls, the card
// stays in the frame, the diagram is not cut and its type stays >= 12 px.
// Failed on main: 45-57 px above at step 30 (zh and en), 30-40 at other steps.
test('a 4:3 frame (1024×768): no blank band above the state machine', async ({ page }) => {
  test.slow();
  const steps = [0, 14, 30, 60].map((s) => [`tcp-sd-top-step${s}`, `#/tcp?step=${s}`]);
  await forEachSlide(page, steps, async ({ frame, inner, name, fail, shot }) => {
    const se = await frame.locator('html').evaluate(() => { const s = document.scrollingElement; return { sh: s.scrollHeight, ch: s.clientHeight }; });
    if (se.sh > se.ch) fail(`scrolls (${se.sh} > ${se.ch})`);
    const b = await blankInBox(inner, '.ww-sd svg', '.ww-sd');
    if (!b) return fail('no state diagram');
    if (b.above >= 30) fail(`${b.above} px blank above the state machine`);
    if (b.cut < -1) fail(`a mark runs ${-b.cut} px out of the diagram`);
    if (b.bottom > b.vh + 0.5) fail(`the card ends at ${b.bottom} of ${b.vh} px`);
    const [d] = await drawingFill(inner, ['.ww-sd svg']);
    if (d.small.length) fail(`type under 12 px ${JSON.stringify(d.small.slice(0, 3))}`);
    if (name.endsWith('step30')) await shot();
  }, { sizes: [[1024, 768]] });
});
