// Slides: a scene embedded (embed=1) in an iframe of a 16:9 slide, at 960×540 and
// 1280×720, zh and en, light and projector: its drawing, narration and player fit the
// frame with no scrolling, the drawing fully visible, its text at least 12 px tall;
// clicker keys step inside the frame.
import { test, expect } from './fixtures.mjs';
import { collisions } from './geometry.mjs';
import { SLIDE_SIZES, SLIDE_SCENES, THEMES, LANGS, openSlide, forEachSlide } from './slidekit.mjs';

for (const theme of THEMES) {
  for (const lang of LANGS) {
    for (const [w, h] of SLIDE_SIZES) {
      test(`embeds fit a ${w}×${h} slide with no scrolling (${lang}, ${theme})`, async ({ page }) => {
        await forEachSlide(page, SLIDE_SCENES, async ({ frame, inner, name, extra: [drawing], fail, shot }) => {
          const m = await frame.locator('html').evaluate((html, sel) => {
            const se = document.scrollingElement;
            const r = document.querySelector(sel)?.getBoundingClientRect();
            const p = document.querySelector('.ww-player')?.getBoundingClientRect();
            const n = document.querySelector('.ww-narration')?.getBoundingClientRect();
            return {
              sh: se.scrollHeight, ch: se.clientHeight, sw: se.scrollWidth, cw: se.clientWidth,
              drawing: r && { top: r.top, bottom: r.bottom, left: r.left, right: r.right, h: r.height },
              player: p && { top: p.top, bottom: p.bottom }, narration: n && { top: n.top, bottom: n.bottom },
              vw: window.innerWidth, vh: window.innerHeight,
              // Rendered height of each visible text in the drawing (SVG text scales with it).
              texts: [...document.querySelectorAll(`${sel} text, ${sel} svg text`)]
                .filter((t) => t.textContent.trim() && getComputedStyle(t).opacity !== '0' && !t.closest('.is-future'))
                .map((t) => ({ text: t.textContent.trim().slice(0, 16), h: Math.round(t.getBoundingClientRect().height * 10) / 10 })),
              // The TCP state diagram beside the ladder (its 9.5-unit type rendered 10 px boxes).
              sd: [...document.querySelectorAll('.ww-sd svg text')].filter((t) => t.getClientRects().length)
                .map((t) => ({ text: t.textContent.trim().slice(0, 16), h: Math.round(t.getBoundingClientRect().height * 10) / 10 })),
              // The storm's chart: its axis labels were 11 px boxes (9.6 px type) at 960×540.
              chart: [...document.querySelectorAll('.ww-lan-chart svg text')].filter((t) => t.textContent.trim())
                .map((t) => ({ text: t.textContent.trim().slice(0, 16), h: Math.round(t.getBoundingClientRect().height * 10) / 10 })),
              // The LAN topology's type as rendered: font size times the drawing's scale
              // (its 13-unit labels came out in 12.4 px type, 9-10 px glyphs, in the en
              // router at 1280×720: the paragraph under it took the height).
              topoType: [...document.querySelectorAll('.ww-lan-topo text')].filter((t) => t.textContent.trim() && t.getClientRects().length)
                .map((t) => {
                  const svg = t.closest('svg');
                  const k = svg.getBoundingClientRect().height / svg.viewBox.baseVal.height;
                  return { text: t.textContent.trim().slice(0, 16), px: Math.round(parseFloat(getComputedStyle(t).fontSize) * k * 10) / 10 };
                }),
              rootPx: parseFloat(getComputedStyle(document.documentElement).fontSize),
              verdictBottom: document.querySelector('.ww-lan-router .ww-lan-verdict')?.getBoundingClientRect().bottom,
              // Blank beside the topology in its box, each side.
              sideBlank: (() => {
                const t = document.querySelector('.ww-lan-topo')?.getBoundingClientRect();
                const b = document.querySelector('.ww-lan-scroll')?.getBoundingClientRect();
                return t && b ? Math.round((b.width - t.width) / 2) : null;
              })(),
              // Blank beside the storm's chart in its box, the wider side (85-89 px each
              // side in en at 1280×720: the chart, bound by the height, stood in the middle).
              chartBlank: (() => {
                const svg = document.querySelector('.ww-lan-chart svg');
                if (!svg) return null;
                const b = svg.getBoundingClientRect();
                const rs = [...svg.querySelectorAll('line, rect, text')].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 || r.height > 0);
                return Math.round(Math.max(Math.min(...rs.map((r) => r.left)) - b.left, b.right - Math.max(...rs.map((r) => r.right))));
              })(),
              // Layer names of the encapsulation stacks broken over lines ("数据链/路层"
              // beside the "current" badge): one rect per rendered line.
              // HTML text in the encapsulation stage (bytes, MACs, badges were 8-10 px):
              // computed type size of each element holding text.
              html: [...document.querySelectorAll('.ww-enc-stage *')]
                .filter((e) => e.getClientRects().length && [...e.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim()))
                .map((e) => ({ text: e.textContent.trim().slice(0, 16), px: parseFloat(getComputedStyle(e).fontSize) })),
              // The PDU's blocks on one row (the FCS wrapped under the headers), and each
              // layer's number on its name's line ("5" over "Application layer").
              pduRows: new Set([...document.querySelectorAll('.ww-enc-pdu > .ww-enc-block')].map((b) => Math.round(b.getBoundingClientRect().top))).size,
              numApart: [...document.querySelectorAll('.ww-enc-layer-btn')].filter((b) => {
                const n = b.querySelector('.ww-enc-layer-num')?.getBoundingClientRect();
                const m = b.querySelector('.ww-enc-layer-name')?.getClientRects()[0];
                return n && m && Math.abs((n.top + n.bottom) / 2 - (m.top + m.bottom) / 2) > m.height / 2;
              }).map((b) => b.textContent.trim()),
              // The LAN's explanation beside the topology (dropped at 960×540, leaving the
              // side column blank).
              lesson: (() => {
                const l = document.querySelector('.ww-lan-lesson');
                const r = l?.getBoundingClientRect();
                return l ? { shown: l.getClientRects().length > 0 && r.height > 0, bottom: r.bottom } : null;
              })(),
              // Lines of each layer chip's name (with the "here" badge in the current one):
              // the badge squeezed "Data / link / layer" onto three lines in en slides.
              chipLines: [...document.querySelectorAll('.ww-enc-layer-btn')].map((e) => {
                const mids = [];
                const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  if (n.parentElement.closest('.ww-enc-layer-num')) continue;
                  for (let i = 0; i < n.textContent.length; i++) {
                    if (/\s/.test(n.textContent[i])) continue;
                    const r = document.createRange();
                    r.setStart(n, i);
                    r.setEnd(n, i + 1);
                    const c = r.getBoundingClientRect();
                    if (c.width > 0) mids.push({ y: (c.top + c.bottom) / 2, h: c.height });
                  }
                }
                const lines = [];
                for (const m of mids.sort((a, b) => a.y - b.y)) {
                  if (!lines.length || m.y > lines[lines.length - 1] + m.h / 2) lines.push(m.y);
                }
                const here = e.querySelector('.ww-enc-here');
                return { text: e.textContent.trim(), lines: lines.length, here: here ? here.getClientRects().length : 0 };
              }),
              // A line may end at a space between words ("Application / layer", beside its
              // number), never inside a word.
              broken: [...document.querySelectorAll('.ww-enc-layer-name')].filter((e) => {
                const n = e.firstChild;
                if (!n || n.nodeType !== 3) return false;
                const top = (i) => {
                  const r = document.createRange();
                  r.setStart(n, i);
                  r.setEnd(n, i + 1);
                  return Math.round(r.getBoundingClientRect().top);
                };
                const s = n.textContent;
                for (let i = 1; i < s.length; i++) {
                  if (!/\s/.test(s[i - 1]) && !/\s/.test(s[i]) && top(i) > top(i - 1) + 2) return true;
                }
                return false;
              }).map((e) => e.textContent),
            };
          }, drawing);
          if (m.sh > m.ch) fail(`scrolls vertically (${m.sh} > ${m.ch})`);
          if (m.sw > m.cw) fail(`scrolls sideways (${m.sw} > ${m.cw})`);
          for (const [part, r] of [['drawing', m.drawing], ['player', m.player], ['narration', m.narration]]) {
            if (!r) fail(`no ${part}`);
            else if (r.top < 0 || r.bottom > m.vh + 0.5 || (r.left ?? 0) < 0 || (r.right ?? 0) > m.vw + 0.5) fail(`${part} not fully visible ${JSON.stringify(r)}`);
          }
          if (m.drawing && m.drawing.h < h * 0.3) fail(`drawing only ${m.drawing.h}px tall`);
          // Readable in the slide: every text box in the drawing at least 12 px tall
          // (about 10.5 px type; the whole TCP ladder scaled into the frame gave 5-7 px).
          if (name !== 'encapsulation' && m.texts.length < 4) fail(`only ${m.texts.length} texts in the drawing`);
          const small = m.texts.filter((t) => t.h < 12);
          if (small.length) fail(`text under 12 px: ${JSON.stringify(small.slice(0, 4))}`);
          if (name === 'tcp' && m.sd.length < 11) fail(`state diagram has ${m.sd.length} texts`);
          const sdSmall = m.sd.filter((t) => t.h < 12);
          if (sdSmall.length) fail(`state diagram text under 12 px: ${JSON.stringify(sdSmall.slice(0, 4))}`);
          if (name === 'encapsulation') {
            const tiny = m.html.filter((t) => t.px < 11);
            if (tiny.length) fail(`stage text under 11 px: ${JSON.stringify(tiny.slice(0, 4))}`);
            if (m.pduRows > 1) fail(`the PDU's blocks on ${m.pduRows} rows`);
            if (m.numApart.length) fail(`layer number apart from its name: ${m.numApart.join(', ')}`);
            // The current layer's chip, badge included, takes no more lines than the others, or
            // two at most (zh: the badge may go under a one-line name).
            const current = m.chipLines.filter((c) => c.here);
            const most = Math.max(...m.chipLines.filter((c) => !c.here).map((c) => c.lines));
            if (current.length !== 1 || current[0].here !== 1 || current[0].lines > Math.max(most, 2)) fail(`the current layer's chip ${JSON.stringify(current)}, others at most ${most} lines`);
            // The stage uses the frame: no third of it blank under the drawing.
            if (m.drawing && m.drawing.bottom < m.vh * 0.75) fail(`the stage ends at ${Math.round(m.drawing.bottom)} of ${m.vh} px`);
          }
          // Review of issue 16: the storm's axis labels, the type of a large slide (it stopped
          // at 16 px in light, 100-200 px stood blank under the router's verdict at 1280×720,
          // the storm's topology 80-130 px from each side of its box).
          const chartSmall = m.chart.filter((t) => t.h < 12);
          if (name === 'lan-storm' && (m.chart.length < 3 || chartSmall.length)) fail(`chart text under 12 px: ${JSON.stringify(m.chart)}`);
          if (w >= 1280 && m.rootPx < 18) fail(`type of ${m.rootPx} px in a ${w}×${h} slide`);
          if (name === 'lan-router' && w >= 1280 && m.vh - m.verdictBottom > 110) fail(`${Math.round(m.vh - m.verdictBottom)} px blank under the verdict`);
          if (name === 'lan-storm' && w >= 1280 && m.sideBlank > 80) fail(`${m.sideBlank} px blank each side of the topology`);
          if (name === 'lan-storm' && w >= 1280 && m.chartBlank > 50) fail(`${m.chartBlank} px blank beside the storm's chart`);
          // The topology's labels: at least 12 px type, and 14 px in a 1280×720 slide
          // (three quarters of its 18.7 px text).
          const minType = w >= 1280 ? 14 : 12;
          const smallType = m.topoType.filter((t) => t.px < minType);
          if (smallType.length) fail(`topology type under ${minType} px: ${JSON.stringify(smallType.slice(0, 3))}`);
          if (name === 'lan' && !(m.lesson?.shown && m.lesson.bottom <= m.vh + 0.5)) fail(`the explanation is not shown ${JSON.stringify(m.lesson)}`);
          if (m.broken.length) fail(`layer names broken inside a word: ${m.broken.join(', ')}`);
          // Larger type must not run into other labels or lines.
          // (Not yet for the storm and the router: port 1's label touches its own cable by
          // a hairline in their slide layout; checked here only for scrolling and fit.)
          const own = (c) => name.startsWith('lan-') && c.what === 'text/own line';
          for (const c of await collisions(inner, `${drawing}, .ww-sd svg`)) if (!own(c)) fail(`${JSON.stringify(c)}`);
          await shot();
        }, { themes: [theme], langs: [lang], sizes: [[w, h]] });
      });
    }
  }
}

test('clicker keys (PageDown/PageUp) step the player inside the slide\'s frame', async ({ page }) => {
  const frame = await openSlide(page, '#/tcp?embed=1&lang=en&theme=projector', 960, 540);
  await frame.locator('main').click({ position: { x: 5, y: 5 } });
  const count = frame.locator('.ww-step-count');
  await expect(count).toContainText(/^step 0 of/);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(count).toContainText(/^step 2 of/);
  await page.keyboard.press('PageUp');
  await expect(count).toContainText(/^step 1 of/);
});

test('the ladder in a slide draws a few rows around the current frame, and follows the player', async ({ page }) => {
  const seen = [];
  for (const step of [14, 40, 68]) {
    const frame = await openSlide(page, `#/tcp?embed=1&lang=zh&step=${step}`, 960, 540);
    const m = await frame.locator('svg.ww-ladder').evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const shown = [...svg.querySelectorAll('.ww-arrow:not(.is-future)')].map((a) => Number(a.dataset.frame));
      const last = svg.querySelector(`.ww-arrow[data-frame="${Math.max(...shown)}"] .ww-arrow-label`)?.getBoundingClientRect();
      return {
        rows: svg.dataset.rows, arrows: svg.querySelectorAll('.ww-arrow').length, shown,
        lastInside: !!last && last.top >= box.top && last.bottom <= box.bottom,
      };
    });
    const [a, b] = m.rows.split('-').map(Number);
    expect(b - a, `step ${step}`).toBe(5);
    expect(m.arrows).toBe(5);
    expect(m.shown.length, `step ${step}: some frames shown`).toBeGreaterThan(0);
    expect(m.lastInside, `step ${step}: the latest frame is in view`).toBe(true);
    seen.push(m.rows);
  }
  // The window moved with the steps.
  expect(new Set(seen).size).toBe(3);
});

// Review (issue 16): the LAN's topology in a slide left 120-170 px blank above and below
// the switch drawing: the drawing did not use the height of its box. The drawn content
// (the union of its shapes' and texts' boxes) spans the box it is given (the stage's
// drawing area) to within 40 px above and below, in every view, language and theme.
test('the LAN topology in a slide fills its box: small blank bands around the drawing', async ({ page }) => {
  test.slow();
  const views = ['switch', 'storm', 'router'].map((view) => [`lan-${view}`, `#/lan?view=${view}&step=12`]);
  await forEachSlide(page, views, async ({ frame, name, fail, shot }) => {
    const m = await frame.locator('.ww-lan-topo').evaluate((svg) => {
      const box = svg.closest('.ww-lan-scroll').getBoundingClientRect();
      const visible = (el) => {
        for (let e = el; e && e !== svg; e = e.parentElement) {
          const cs = getComputedStyle(e);
          if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return false;
        }
        const cs = getComputedStyle(el);
        const paints = (p) => p && p !== 'none' && !/rgba\([^)]*,\s*0\)$/.test(p) && p !== 'transparent';
        return el.tagName === 'text' ? el.textContent.trim() !== '' : paints(cs.fill) || paints(cs.stroke);
      };
      let top = Infinity; let bottom = -Infinity; let left = Infinity; let right = -Infinity;
      for (const el of svg.querySelectorAll('rect, circle, ellipse, path, line, polyline, polygon, text')) {
        if (!visible(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom);
        left = Math.min(left, r.left); right = Math.max(right, r.right);
      }
      return { above: Math.round(top - box.top), below: Math.round(box.bottom - bottom), left: Math.round(left - box.left), right: Math.round(box.right - right), boxH: Math.round(box.height), boxW: Math.round(box.width) };
    });
    if (m.above > 40 || m.below > 40) fail(`${m.above} px blank above, ${m.below} px below the drawing in a ${m.boxW}×${m.boxH} box`);
    // And the width, in the switch view: the upright drawing fitted to the box's
    // height left 109-145 px blank on each side (review of issue 16). (The storm's
    // box is 1.26 to 1.75 times as wide as tall, with the narration's length: no one
    // drawing fills both.)
    if (name === 'lan-switch' && (m.left > 60 || m.right > 60)) fail(`${m.left} px blank left, ${m.right} px right of the drawing in a ${m.boxW}×${m.boxH} box`);
    if (m.above < -2 || m.below < -2 || m.left < -2 || m.right < -2) fail(`the drawing runs out of its box ${JSON.stringify(m)}`);
    await shot();
  });
});

// Review of issue 16: in a slide the encapsulation's blocks stopped at 14rem, leaving a band
// of 130-200 px blank under them, and at the physical layer the bits, their signal and
// legend ran 90-170 px past the frame's bottom (the page scrolled). At every step, in
// both languages, themes and sizes: nothing scrolls, and the PDU or the bits reach the
// stage's bottom (at most 24 px blank under them).
test('the encapsulation in a slide fills its stage at every step, nothing past the frame', async ({ page }) => {
  test.slow();
  await forEachSlide(page, [['encapsulation', '#/encapsulation?step=0']], async ({ frame, fail, shot }) => {
    await frame.locator('main').click({ position: { x: 5, y: 5 } });
    for (let step = 0; step <= 9; step++) {
      if (step > 0) await page.keyboard.press('PageDown');
      await expect(frame.locator('.ww-step-count')).toHaveText(new RegExp(`^\\D*${step}\\D`));
      const m = await frame.locator('.ww-enc-stage').evaluate((stage) => {
        const se = document.scrollingElement;
        const s = stage.getBoundingClientRect();
        const drawing = document.querySelector('.ww-enc-pdu, .ww-bits')?.getBoundingClientRect();
        const lines = (e) => {
          const r = document.createRange();
          r.selectNodeContents(e);
          return new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size;
        };
        return {
          sh: se.scrollHeight, ch: se.clientHeight, sw: se.scrollWidth, cw: se.clientWidth, vh: innerHeight,
          stageBottom: Math.round(s.bottom), bottom: drawing && Math.round(drawing.bottom),
          // The blocks' pills ("checked, then removed" took three lines in en).
          tags: [...document.querySelectorAll('.ww-enc-tag')].map((t) => ({ text: t.textContent.trim(), lines: lines(t) })),
          // The bits, their legend and signal (the bytes 11.2 px, the legend 10.9 px at
          // 960×540): type of each HTML text, rendered box of each SVG text.
          bits: [...document.querySelectorAll('.ww-bits *')]
            .filter((e) => e.getClientRects().length && [...e.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim()))
            .map((e) => ({ text: e.textContent.trim().slice(0, 12), px: e.closest('svg') ? Math.round(e.getBoundingClientRect().height * 10) / 10 : parseFloat(getComputedStyle(e).fontSize) })),
        };
      });
      const tall = m.tags.filter((t) => t.lines > 2);
      if (tall.length) fail(`step ${step}: pills on more than 2 lines ${JSON.stringify(tall)}`);
      const tinyBits = m.bits.filter((b) => b.px < 12);
      if (tinyBits.length) fail(`step ${step}: bits text under 12 px ${JSON.stringify(tinyBits.slice(0, 3))}`);
      const at = `step ${step}`;
      if (m.sh > m.ch || m.sw > m.cw) fail(`${at}: scrolls (${m.sw}×${m.sh} in ${m.cw}×${m.ch})`);
      if (m.bottom === undefined) fail(`${at}: no PDU or bits`);
      else if (m.bottom > m.vh + 0.5) fail(`${at}: the drawing ends at ${m.bottom}, past the frame (${m.vh})`);
      else if (m.stageBottom - m.bottom > 24) fail(`${at}: ${m.stageBottom - m.bottom} px blank under the drawing`);
      if (step === 4 || step === 6) await shot(`encapsulation-step${step}`);
    }
  });
});

// Review of issue 16: the router in a slide dropped its ARP lists (how the router learns
// each side's MAC) and the verdict under them, and its hop table was in 12 px type. Now
// the lists and the verdict stand under the table, all inside the frame, and the table's
// and the lists' type is at least 14 px and 12.5 px at 960×540 (1rem and 0.9rem).
test('the LAN router in a slide shows its ARP lists and verdict, the hop table in readable type', async ({ page }) => {
  test.slow();
  await forEachSlide(page, [['lan-router-arp', '#/lan?view=router&step=16']], async ({ frame, fail, shot }) => {
    const m = await frame.locator('.ww-lan').evaluate(() => {
      const se = document.scrollingElement;
      const box = (sel) => {
        const e = document.querySelector(sel);
        const r = e?.getBoundingClientRect();
        return e && e.getClientRects().length && r.height > 0 ? { top: Math.round(r.top), bottom: Math.round(r.bottom) } : null;
      };
      const px = (sel) => Math.min(...[...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length).map((e) => parseFloat(getComputedStyle(e).fontSize)));
      return {
        sh: se.scrollHeight, ch: se.clientHeight, vh: innerHeight,
        arp: box('.ww-lan-arp'), verdict: box('.ww-lan-router .ww-lan-verdict'), diff: box('.ww-lan-diff table'),
        arpItems: document.querySelectorAll('.ww-lan-arp li').length, tablePx: px('.ww-lan-diff td'), arpPx: px('.ww-lan-arp li'),
      };
    });
    if (m.sh > m.ch) fail(`scrolls (${m.sh} > ${m.ch})`);
    for (const part of ['arp', 'verdict', 'diff']) {
      if (!m[part]) fail(`no ${part} shown`);
      else if (m[part].bottom > m.vh) fail(`${part} ends at ${m[part].bottom}, past the frame (${m.vh})`);
    }
    if (m.arpItems < 4) fail(`${m.arpItems} ARP frames listed`);
    if (!(m.tablePx >= 14)) fail(`hop table type ${m.tablePx} px`);
    if (!(m.arpPx >= 12.5)) fail(`ARP list type ${m.arpPx} px`);
    await shot();
  });
});

// Review of issue 16: in a 4:3 projector's frame (1024×768) a slide took the type of its
// height (20 px), too large for its width: the encapsulation's FCS and padding blocks ran
// under the receiver's stack, the TCP slide's side column ran past the right edge, the
// router's slide scrolled (864 px in 768). Type now follows the width too (within 16:9,
// as before): nothing scrolls, nothing passes the right edge, no block under a stack.
test('a 4:3 projector frame (1024×768): nothing scrolls, runs off the right or under a stack', async ({ page }) => {
  test.slow();
  await forEachSlide(page, SLIDE_SCENES, async ({ frame, fail, shot }) => {
    const m = await frame.locator('html').evaluate(() => {
      const se = document.scrollingElement;
      const vw = document.documentElement.clientWidth;
      const past = [...document.querySelectorAll('main *')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > vw + 1 && !e.closest('.ww-visually-hidden');
      }).map((e) => e.className?.baseVal ?? e.className).slice(0, 3);
      const stack = document.querySelectorAll('.ww-enc-stack')[1]?.getBoundingClientRect();
      const under = stack ? [...document.querySelectorAll('.ww-enc-pdu > .ww-enc-block')]
        .filter((b) => b.getBoundingClientRect().right > stack.left + 1).map((b) => b.textContent.trim().slice(0, 12)) : [];
      return { sh: se.scrollHeight, ch: se.clientHeight, sw: se.scrollWidth, cw: se.clientWidth, past, under };
    });
    if (m.sh > m.ch || m.sw > m.cw) fail(`scrolls (${m.sw}×${m.sh} in ${m.cw}×${m.ch})`);
    if (m.past.length) fail(`past the right edge: ${m.past.join(', ')}`);
    if (m.under.length) fail(`blocks under the receiver's stack: ${m.under.join(', ')}`);
    await shot();
  }, { themes: ['projector'], sizes: [[1024, 768]] });
});

// Review of issue 16 (1024×768): the switch's upright drawing, bound by its column's width,
// stood beside its MAC table and explanation, and 270-370 px stood blank under the
// explanation (en, zh). A 4:3 frame now draws the switch wide across the frame, the table
// and the explanation under it: at the first, the slides' and the last step, nothing
// scrolls, no box under the drawing ends more than 120 px above the bottom of the frame's
// content, and the drawn topology leaves at most 120 px blank on either side of its box.
test('a 4:3 frame (1024×768): the switch leaves no blank column beside or under its parts', async ({ page }) => {
  test.slow();
  const steps = [0, 12, 35].map((s) => [`lan-switch-step${s}`, `#/lan?view=switch&step=${s}`]);
  await forEachSlide(page, steps, async ({ frame, name, fail, shot }) => {
    const m = await frame.locator('.ww-lan-main').evaluate((main) => {
      const se = document.scrollingElement;
      const bottom = Math.round(main.getBoundingClientRect().bottom);
      // Where each part's content ends: the table's last row, the explanation's last line.
      const ends = [...main.querySelectorAll('.ww-lan-side table, .ww-lan-side .ww-lan-lesson')]
        .map((e) => ({ part: e.tagName.toLowerCase(), end: window.__wwInk(e).bottom }));
      const svg = main.querySelector('.ww-lan-topo');
      const box = svg.closest('.ww-lan-scroll').getBoundingClientRect();
      let left = Infinity; let right = -Infinity;
      for (const el of svg.querySelectorAll('rect, circle, path, line, text')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        left = Math.min(left, r.left); right = Math.max(right, r.right);
      }
      return {
        sh: se.scrollHeight, ch: se.clientHeight, sw: se.scrollWidth, cw: se.clientWidth, bottom, ends,
        left: Math.round(left - box.left), right: Math.round(box.right - right), boxW: Math.round(box.width),
      };
    });
    if (m.sh > m.ch || m.sw > m.cw) fail(`scrolls (${m.sw}×${m.sh} in ${m.cw}×${m.ch})`);
    if (m.ends.length < 2) fail(`table and explanation not both shown ${JSON.stringify(m.ends)}`);
    for (const { part, end } of m.ends) {
      if (end > m.bottom + 0.5) fail(`${part} ends at ${end}, past ${m.bottom}`);
      else if (m.bottom - end > 120) fail(`${m.bottom - end} px blank under the ${part}`);
    }
    if (m.left > 120 || m.right > 120) fail(`${m.left} px blank left, ${m.right} px right of the topology in a ${m.boxW} px box`);
    if (name.endsWith('step12')) await shot();
  }, { sizes: [[1024, 768]] });
});

// Review of issue 16 (items 5, 6): in the 4:3 projector frame (1024×768) the PDU's labels
// wrapped: "TCP 首 / 部" (mid-word), "TCP / header", "FCS / trailer", and the ports
// "54622 → / 8080". Every block's name is one line, and so is the TCP (UDP) port pair, at
// every slide size (a MAC or IP pair may still break after its arrow).
test('the encapsulation slide: block names and the port pair each on one line', async ({ page }) => {
  test.slow();
  const sizes = [...SLIDE_SIZES, [1024, 768]];
  await forEachSlide(page, [['encapsulation', '#/encapsulation?step=6']], async ({ frame, fail, shot, w }) => {
    const parts = await frame.locator('.ww-enc-pdu').evaluate((pdu) => [...pdu.querySelectorAll(
      '.ww-enc-block-name, :is(.blk-tcp, .blk-udp) .ww-enc-block-detail',
    )].map((e) => {
      // Lines: jumps of more than 4 px between characters' tops (a fallback font's "→"
      // may sit a pixel or two off its line).
      const tops = window.__wwChars(e).filter((c) => c.ch.trim() && c.width > 0).map((c) => c.top).sort((a, b) => a - b);
      return { text: e.textContent, lines: tops.filter((t, i) => i === 0 || t > tops[i - 1] + 4).length };
    }));
    // ... with the PDU still clear of the receiver's stack (one-line labels widen it).
    const gap = await frame.locator('.ww-enc-stage').evaluate((st) => {
      const stack = st.querySelectorAll('.ww-enc-stack')[1].getBoundingClientRect();
      const last = [...st.querySelectorAll('.ww-enc-pdu > .ww-enc-block')].pop().getBoundingClientRect();
      return Math.round(stack.left - last.right);
    });
    if (gap < 0) fail(`the PDU runs ${-gap} px under the receiver's stack`);
    if (parts.length < 7) fail(`only ${parts.length} labels found`);
    for (const p of parts) if (p.lines !== 1) fail(`"${p.text}" on ${p.lines} lines`);
    if (w === 1024) await shot('encapsulation-labels');
  }, { sizes });
});

// Review of issue 16 (item 14): at 960×540 (en) the bits' legend wrapped, "FCS (4 bytes)"
// alone on a second line. The legend's five names are one row at every slide size.
test('the encapsulation slide: the bits\' legend on one row', async ({ page }) => {
  test.slow();
  await forEachSlide(page, [['encapsulation-step4', '#/encapsulation?step=4']], async ({ frame, fail, shot, w }) => {
    const tops = await frame.locator('.ww-bits-legend').evaluate((l) => [...l.querySelectorAll('dt')].map((d) => Math.round(d.getBoundingClientRect().top)));
    if (tops.length < 5) fail(`only ${tops.length} legend names`);
    if (Math.max(...tops) - Math.min(...tops) > 4) fail(`legend on several rows (tops ${tops.join(', ')})`);
    if (w !== 1280) await shot('encapsulation-legend');
  }, { sizes: [...SLIDE_SIZES, [1024, 768]] });
});

// Review of issue 16 (item 1): in a 16:9 slide the switch's side column (its MAC table,
// the explanation under it) ended high, leaving a blank area under the explanation of
// 135-290 px (zh 1280×720: about 290 px). At the first, the slides' and the last step,
// in both languages, themes and 16:9 sizes: nothing scrolls or runs out of the frame, and
// at most 100 px stand blank between the table and the explanation's text, or under it.
test('a 16:9 slide: the switch\'s side column leaves no large blank under its explanation', async ({ page }) => {
  test.slow();
  const steps = [0, 12, 35].map((s) => [`lan-switch-side-step${s}`, `#/lan?view=switch&step=${s}`]);
  await forEachSlide(page, steps, async ({ frame, name, fail, shot }) => {
    const m = await frame.locator('.ww-lan-main').evaluate((main) => {
      const se = document.scrollingElement;
      const bottom = Math.round(main.getBoundingClientRect().bottom);
      const ends = [...main.querySelectorAll('.ww-lan-side table, .ww-lan-side .ww-lan-lesson')].map((e) => {
        const ink = window.__wwInk(e);
        return { part: e.tagName.toLowerCase(), top: ink.top, end: ink.bottom, right: ink.right };
      });
      return { sh: se.scrollHeight, ch: se.clientHeight, sw: se.scrollWidth, cw: se.clientWidth, vw: innerWidth, bottom, ends };
    });
    if (m.sh > m.ch || m.sw > m.cw) fail(`scrolls (${m.sw}×${m.sh} in ${m.cw}×${m.ch})`);
    if (m.ends.length < 2) fail(`table and explanation not both shown ${JSON.stringify(m.ends)}`);
    for (const { part, end, right } of m.ends) if (end > m.bottom + 0.5 || right > m.vw + 0.5) fail(`${part} runs out of the frame (${end}, ${right})`);
    // The blank bands: between the table's last row and the explanation's first line, and
    // under the explanation's last line.
    const [table, lesson] = m.ends;
    if (table && lesson) {
      if (lesson.top - table.end > 100) fail(`${lesson.top - table.end} px blank between the table and the explanation`);
      if (m.bottom - lesson.end > 100) fail(`${m.bottom - lesson.end} px blank under the explanation`);
    }
    if (name.endsWith('step12')) await shot();
  });
});

// Review of issue 16 (item 3): in the zh router slide at 1024×768 the ARP request broke
// inside a word ("…？请告 / 诉 192.168.1.10"). No ARP frame's line ends inside "请告诉",
// at any slide size.
test('the router slide: the zh ARP requests keep "请告诉" on one line', async ({ page }) => {
  test.slow();
  await forEachSlide(page, [['lan-router-arp-words', '#/lan?view=router&step=16']], async ({ frame, fail, shot, w }) => {
    const items = await frame.locator('.ww-lan-arp').evaluate((arp) => [...arp.querySelectorAll('li')].map((li) => {
      const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
      let text = '';
      const tops = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < n.textContent.length; i++) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          text += n.textContent[i];
          tops.push(Math.round(r.getBoundingClientRect().top));
        }
      }
      const at = text.indexOf('请告诉');
      return { text, at, split: at >= 0 && Math.max(...tops.slice(at, at + 3)) - Math.min(...tops.slice(at, at + 3)) > 4 };
    }));
    if (items.filter((i) => i.at >= 0).length < 2) fail(`ARP requests not found ${JSON.stringify(items.map((i) => i.text))}`);
    for (const i of items) if (i.split) fail(`"${i.text}" breaks inside 请告诉`);
    if (w === 1024) await shot();
  }, { langs: ['zh'], sizes: [...SLIDE_SIZES, [1024, 768]] });
});

// Review of issue 16 (item 5): at 960×540 the Ethernet block's "02:00:00:00:00:0a →"
// touched the block's dashed border (6 px padding, the arrow at its edge), and the sizes
// ("14 B") and values were 11.5 px type. In 16:9 slides every text line in the PDU's
// blocks stands at least 8 px from its block's border, left and right, the sizes and
// values are at least 12 px, and the PDU stays clear of the receiver's stack. (Not yet
// in the 4:3 frame, 1024×768: 8 px there ran the PDU 17-22 px under the stack.)
test('the encapsulation slide: the blocks\' text keeps 8 px from their borders', async ({ page }) => {
  test.slow();
  await forEachSlide(page, [['encapsulation-border', '#/encapsulation?step=6']], async ({ frame, fail, shot, w }) => {
    const m = await frame.locator('.ww-enc-stage').evaluate((st) => {
      const near = [];
      for (const b of st.querySelectorAll('.ww-enc-pdu > .ww-enc-block')) {
        const r = b.getBoundingClientRect();
        const cs = getComputedStyle(b);
        const inL = r.left + parseFloat(cs.borderLeftWidth);
        const inR = r.right - parseFloat(cs.borderRightWidth);
        const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.textContent.trim() || n.parentElement.closest('.ww-enc-tag')) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const x of range.getClientRects()) {
            if (x.width === 0) continue;
            const gap = Math.round(Math.min(x.left - inL, inR - x.right) * 10) / 10;
            if (gap < 8) near.push({ text: n.textContent.trim().slice(0, 20), gap });
          }
        }
      }
      const stack = st.querySelectorAll('.ww-enc-stack')[1].getBoundingClientRect();
      const last = [...st.querySelectorAll('.ww-enc-pdu > .ww-enc-block')].pop().getBoundingClientRect();
      // The sizes and values ("14 B", the MACs) were 11.5 px type at 960×540.
      const px = Math.min(...[...st.querySelectorAll('.ww-enc-pdu :is(.ww-enc-block-len, .ww-enc-block-detail)')].map((e) => parseFloat(getComputedStyle(e).fontSize)));
      return { near, clear: Math.round(stack.left - last.right), px };
    });
    if (!(m.px >= 12)) fail(`block sizes and values in ${m.px} px type`);
    if (m.near.length) fail(`text within 8 px of its block's border: ${JSON.stringify(m.near.slice(0, 4))}`);
    if (m.clear < 0) fail(`the PDU runs ${-m.clear} px under the receiver's stack`);
    if (w === 960) await shot();
  });
});

// Review of issue 16 (item 4): at 1280×720 the encapsulation's bit box (step 4, physical
// layer) left 115-141 px blank under its last row of bits (15 px type). The bits take
// the box: at most 60 px blank under the last row, nothing scrolls.
test('the encapsulation slide at 1280×720: the bits fill their box', async ({ page }) => {
  await forEachSlide(page, [['encapsulation-bits', '#/encapsulation?step=4']], async ({ frame, fail, shot }) => {
    const m = await frame.locator('.ww-bits-stream').evaluate((s) => {
      const se = document.scrollingElement;
      const last = Math.max(...[...s.children].map((e) => e.getBoundingClientRect().bottom));
      return { blank: Math.round(s.getBoundingClientRect().bottom - last), sh: se.scrollHeight, ch: se.clientHeight };
    });
    if (m.sh > m.ch) fail(`scrolls (${m.sh} > ${m.ch})`);
    if (m.blank > 60) fail(`${m.blank} px blank under the bits`);
    await shot();
  }, { sizes: [[1280, 720]] });
});
