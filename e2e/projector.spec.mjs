// Projector theme: contrast inside the drawings (WCAG AA 4.5:1 for text, 3:1 for lines
// and arrows, against what is behind them, read from computed colours), and the
// large-type layout at 1024×768 with no sideways overflow in any scene.
import { test, expect, open, overflowsSideways } from './fixtures.mjs';
import { ROUTES } from './routes.mjs';
import { blankBlocks } from './geometry.mjs';

/** Low-contrast marks in the page's SVG drawings, as readable lines. */
async function drawingContrastProblems(page) {
  return page.evaluate(() => {
    const { rgba, opacity, background, ink } = window.__wwContrast; // fixtures.mjs
    const out = [];
    for (const svg of document.querySelectorAll('main svg')) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const shapes = [...svg.querySelectorAll('rect, circle, ellipse, path, polygon')].map((s) => ({ s, r: s.getBoundingClientRect(), fill: rgba(getComputedStyle(s).fill) }))
        .filter((x) => x.fill && x.fill.a > 0.99 && opacity(x.s) > 0.99);
      const behind = (el) => {
        const r = el.getBoundingClientRect();
        const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
        let bg = background(svg);
        for (const { s, r: b, fill } of shapes) {
          if (s === el || s.contains(el) || el.contains(s)) continue;
          if (!(s.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
          if (cx >= b.left && cx <= b.right && cy >= b.top && cy <= b.bottom && b.width < box.width * 0.98) bg = fill;
        }
        return bg;
      };
      const name = (el) => `${svg.getAttribute('class') || svg.getAttribute('aria-label')} ${el.tagName}.${el.getAttribute('class') || ''} "${(el.textContent || '').trim().slice(0, 20)}"`;
      for (const el of svg.querySelectorAll('text, line, path, polyline, polygon, circle, rect, ellipse')) {
        if (el.closest('defs, .is-future, [aria-hidden="true"]')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const cs = getComputedStyle(el);
        if (cs.visibility === 'hidden' || cs.display === 'none') continue;
        const o = opacity(el);
        if (o < 0.05) continue;
        const bg = behind(el);
        if (el.tagName === 'text') {
          const fg = rgba(cs.fill);
          if (!fg || fg.a === 0 || !el.textContent.trim()) continue;
          const k = ink(el, 'fill', bg);
          if (k < 4.5) out.push(`${name(el)}: text ${k.toFixed(2)}:1`);
        } else {
          const fg = rgba(cs.stroke);
          if (!fg || fg.a === 0 || parseFloat(cs.strokeWidth) === 0 || cs.stroke === 'none') continue;
          const k = ink(el, 'stroke', bg);
          if (k < 3) out.push(`${name(el)}: line ${k.toFixed(2)}:1`);
        }
      }
    }
    return [...new Set(out)];
  });
}

test('projector: text in the drawings has 4.5:1 and lines and arrows 3:1 against what is behind them', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const found = [];
  for (const route of ROUTES) {
    await open(page, `${route}${route.includes('?') ? '&' : '?'}lang=zh&theme=projector`);
    for (const p of await drawingContrastProblems(page)) found.push(`${route}: ${p}`);
  }
  expect(found).toEqual([]);
});

// Review 5: on the projector the ladder's arrows not played yet were pale lavender
// (opacity 0.13), nearly invisible. Dimmed, they still need 3:1 against the card, in
// every theme; and they stay dimmer than the arrows played (thinner, grey), in the
// lifelines' grey.
for (const theme of ['light', 'dark', 'projector']) {
  test(`the ladder's future arrows keep 3:1 against the card, dimmer than the played ones (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await open(page, `#/tcp?lang=zh&step=30&theme=${theme}`);
    const out = await page.evaluate(() => {
      const { background, ink } = window.__wwContrast; // fixtures.mjs
      const bg = background(document.querySelector('.ww-ladder'));
      const line = (el) => {
        const cs = getComputedStyle(el);
        return { k: ink(el, 'stroke', bg), width: parseFloat(cs.strokeWidth), stroke: cs.stroke };
      };
      const future = [...document.querySelectorAll('.ww-ladder .ww-arrow.is-future .ww-arrow-line')].map(line);
      const played = [...document.querySelectorAll('.ww-ladder .ww-arrow:not(.is-future):not(.is-current) .ww-arrow-line')].map(line);
      const lifelines = [...document.querySelectorAll('.ww-ladder .ww-lifeline')].map(line);
      return { future, played, lifelines };
    });
    // One grey for the lines that carry meaning (--line, styles/tokens.css): the future
    // arrows' --future-line differed from the lifelines' by 0.2-0.5 in contrast (main).
    expect(new Set([...out.future, ...out.lifelines].map((l) => l.stroke)).size).toBe(1);
    expect(out.future.length).toBeGreaterThan(2);
    expect(out.played.length).toBeGreaterThan(2);
    expect(out.future.filter((l) => l.k < 3)).toEqual([]);
    for (const f of out.future) expect(out.played.some((p) => p.stroke === f.stroke && p.width <= f.width)).toBe(false);
  });
}

for (const lang of ['zh', 'en']) {
  test(`projector at 1024×768: no scene overflows sideways (${lang}); screenshots`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const wide = [];
    for (const route of ROUTES) {
      await open(page, `${route}${route.includes('?') ? '&' : '?'}lang=${lang}&theme=projector`);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector');
      if (await overflowsSideways(page)) wide.push(route);
      // Boxes running off the page's right edge count too (not those inside a box that
      // scrolls or clips them: that box is the one checked).
      const cut = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.right <= document.documentElement.clientWidth + 1 || e.closest('.ww-visually-hidden')) return false;
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') return false;
        }
        return true;
      }).map((e) => e.className?.baseVal ?? e.className).slice(0, 3));
      if (cut.length) wide.push(`${route} cut: ${cut.join(', ')}`);
      // No value cut inside its input (the 32-bit binary address showed "…00000001.00001").
      const clipped = await page.evaluate(() => [...document.querySelectorAll('main input:not([type=range]):not([type=radio]):not([type=checkbox])')]
        .filter((e) => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1).map((e) => `#${e.id} ${e.scrollWidth} > ${e.clientWidth}`));
      if (clipped.length) wide.push(`${route} input cut: ${clipped.join(', ')}`);
      // The scene tabs wrap here rather than scroll off, but no tab sits alone on a row
      // (zh put "7 你的抓包" on a second row of its own).
      const rows = await page.evaluate(() => {
        const tops = new Map();
        for (const li of document.querySelectorAll('.ww-host .ww-nav li')) {
          const top = Math.round(li.getBoundingClientRect().top);
          tops.set(top, (tops.get(top) ?? 0) + 1);
        }
        return [...tops.values()];
      });
      if (rows.length > 1 && rows.includes(1)) wide.push(`${route} tabs by row: ${rows.join(' + ')}`);
      const slug = route.slice(2).replace(/[?&=]/g, '-');
      await page.screenshot({ path: `e2e/artifacts/screens/projector-${slug}-${lang}-1024x768.png`, fullPage: true, animations: 'disabled' });
    }
    expect(wide).toEqual([]);
  });
}

// The inspector at 1024×768 (issue 16): the projector's 16-byte hex dump left the field
// tree a 244 px column, 3,700-14,700 px tall, beside a 135 px dump: two-thirds of the card
// blank. The tree must use the width, and the 4-tuple table must fit its card.
for (const lang of ['zh', 'en']) {
  test(`projector at 1024×768: the inspector uses the width, the 4-tuple table fits its card (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const problems = [];
    for (const route of ['#/tcp?step=14', '#/tcp?variant=tcp_loss&step=20', '#/encapsulation?step=6', '#/lan?view=switch&step=12']) {
      await open(page, `${route}&lang=${lang}&theme=projector`);
      const m = await page.locator('.ww-inspector-panes').first().evaluate((panes) => {
        const box = panes.getBoundingClientRect();
        const tree = panes.querySelector('.ww-tree').getBoundingClientRect();
        const hex = panes.querySelector('.ww-hex').closest('.ww-inspector-panes > *').getBoundingClientRect();
        return { w: box.width, tree: { w: tree.width, h: tree.height, top: tree.top, bottom: tree.bottom }, hex: { w: hex.width, h: hex.height, top: hex.top, bottom: hex.bottom } };
      });
      if (m.tree.w < 0.6 * m.w) problems.push(`${route}: field tree ${Math.round(m.tree.w)} of ${Math.round(m.w)} px wide`);
      // Side by side, the shorter pane leaves a blank block under it.
      const beside = m.tree.top < m.hex.bottom - 1 && m.hex.top < m.tree.bottom - 1;
      if (beside && Math.min(m.tree.h, m.hex.h) < 0.5 * Math.max(m.tree.h, m.hex.h)) problems.push(`${route}: panes side by side, ${Math.round(m.tree.h)} and ${Math.round(m.hex.h)} px tall`);
      if (m.hex.w > m.w + 1) problems.push(`${route}: hex dump wider than the inspector`);
    }
    await open(page, `#/addresses?lang=${lang}&theme=projector`);
    // The IPv4 bits: readable cells apart from each other (10 px cells touching).
    const bits = await page.locator('.ww-octet-bits').first().evaluate((o) => {
      const r = [...o.children].map((b) => b.getBoundingClientRect());
      return { w: Math.min(...r.map((x) => x.width)), gap: Math.min(...r.slice(1).map((x, i) => x.left - r[i].right)), px: parseFloat(getComputedStyle(o.children[0]).fontSize) };
    });
    if (bits.w < 1.4 * bits.px || bits.gap < 2 || bits.px < 14) problems.push(`addresses: bit cells ${JSON.stringify(bits)}`);
    // No blank column: the IPv4 card and the card beside it (if any) of similar heights.
    const blanks = await blankBlocks(page, '.ww-addr-grid', { minHeight: 400, minShare: 0.4 });
    if (blanks.length) problems.push(`addresses: blank beside a card ${JSON.stringify(blanks)}`);
    const wrap = page.locator('.ww-addr-tuple .ww-table-wrap');
    const fits = await wrap.evaluate((w) => {
      const card = w.closest('.ww-addr-card').getBoundingClientRect();
      const t = w.querySelector('table').getBoundingClientRect();
      return w.scrollWidth <= w.clientWidth + 1 && t.right <= card.right + 0.5;
    });
    if (!fits) problems.push('addresses: the 4-tuple table overflows its card');
    expect(problems).toEqual([]);
  });
}

// Issue 16, review of CI 7: on the projector the storm's drawing stood in a 250-unit box
// around 150 units of drawing (80 px blank above and below it), and the chart, scaled
// 2.7× across the full width, wrote its axis numbers 32 px tall beside 21 px text.
for (const pulled of [false, true]) {
  test(`projector at 1024×768: the storm's drawing fills its box, the chart's type near the text's${pulled ? ' (cable pulled)' : ''}`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, `#/lan?view=storm&step=${pulled ? 12 : 60}${pulled ? '&storm.pulled=true' : ''}&lang=en&theme=projector`);
    if (pulled) await expect(page.locator('.ww-lan-pulled')).toHaveCount(1);
    const m = await page.evaluate(() => {
      const svg = document.querySelector('svg.ww-lan-topo');
      const box = svg.getBoundingClientRect();
      const parts = [...svg.querySelectorAll('text, rect, circle, path')]
        .filter((e) => getComputedStyle(e).opacity !== '0' && !e.classList.contains('ww-lan-cable-hit'))
        .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 || r.height > 0);
      const chart = document.querySelector('.ww-lan-chart svg');
      const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;
      const tick = document.querySelector('.ww-lan-tick');
      return {
        above: Math.min(...parts.map((r) => r.top)) - box.top,
        below: box.bottom - Math.max(...parts.map((r) => r.bottom)),
        tick: parseFloat(getComputedStyle(tick).fontSize) * scale,
        body: parseFloat(getComputedStyle(document.body).fontSize),
      };
    });
    expect(m.above, 'blank above the drawing (px)').toBeLessThan(40);
    expect(m.above, 'nothing cut off at the top').toBeGreaterThanOrEqual(0);
    expect(m.below, 'blank under the drawing (px)').toBeLessThan(40);
    expect(m.below, 'nothing cut off at the bottom').toBeGreaterThanOrEqual(0);
    expect(m.tick / m.body, `axis type ${m.tick.toFixed(1)} px, text ${m.body} px`).toBeGreaterThan(0.75);
    expect(m.tick / m.body, `axis type ${m.tick.toFixed(1)} px, text ${m.body} px`).toBeLessThan(1.15);
  });
}

// Review (issue 16): in a slide the server's LISTEN mark on the ladder was drawn in the
// accent blue, the client's colour, while all else of the server (its state card, its
// marker in the state machine) is orange. The state just entered takes its host's colour
// in every theme, and keeps 3:1 against the card.
for (const theme of ['light', 'dark', 'projector']) {
  test(`the ladder's current state mark is in its host's colour (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 960, height: 540 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const seen = {};
    // Each step opened from its link, so the page measured is the one rendered whole.
    for (let step = 1; step <= 24 && Object.keys(seen).length < 2; step++) {
      await open(page, `#/tcp?embed=1&lang=en&theme=${theme}&step=${step}`);
      const m = await page.evaluate(() => {
        const mark = document.querySelector('.ww-ladder .ww-state-mark.is-current');
        if (!mark) return null;
        const { rgba, ratio, background } = window.__wwContrast; // fixtures.mjs
        const bg = background(mark.closest('svg'));
        // The host's colour as its state card shows it (the card's left border).
        // Whose mark it is, by the side it is written on (client left, server right).
        const svg = mark.closest('svg').getBoundingClientRect();
        const r = mark.getBoundingClientRect();
        const host = (r.left + r.right) / 2 < (svg.left + svg.right) / 2 ? 'client' : 'server';
        const card = document.querySelector(`.ww-state[data-host="${host}"]`);
        const fill = getComputedStyle(mark).fill;
        // The state machine's edge just taken, lit in the same colour.
        const edge = document.querySelector('.ww-sd-edge.is-lit');
        return { text: mark.textContent.trim(), host, fill, card: card && getComputedStyle(card).borderLeftColor, k: ratio(rgba(fill), bg), edge: edge && getComputedStyle(edge).stroke };
      });
      if (!m || seen[m.host]) continue;
      seen[m.host] = m;
    }
    expect(Object.keys(seen).sort(), JSON.stringify(seen)).toEqual(['client', 'server']);
    for (const m of Object.values(seen)) {
      expect(m.fill, `${m.host}'s ${m.text}`).toBe(m.card);
      expect(m.edge, `${m.host}'s ${m.text}: the lit edge of the state machine`).toBe(m.card);
      expect(m.k, `${m.host}'s ${m.text} against the card`).toBeGreaterThanOrEqual(3);
    }
    expect(seen.server.fill).not.toBe(seen.client.fill);
  });
}

// Review of issue 16 (zh projector, 1024×768): the header's subtitle left "回来" alone on its
// second line on every page, and the layers' detail column broke words inside ("数据/报",
// "电信/号"); the Application row's card (it spans OSI's three upper rows) stood 130-170 px
// blank under its facts. The subtitle's last line holds at least a third of the first's
// characters; a value in the detail column breaks only beside a space or punctuation,
// never between two ideographs; the Application card's content reaches within 80 px of
// its bottom.
for (const lang of ['zh', 'en']) {
  test(`projector at 1024×768: balanced subtitle, whole words and a filled Application card in layers (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, `#/layers?lang=${lang}&theme=projector`);
    const m = await page.evaluate(() => {
      /** The characters of an element's text that take room, each with its line's top (fixtures.mjs). */
      const chars = (el) => window.__wwChars(el).filter((c) => c.width > 0);
      const tagline = chars(document.querySelector('.ww-tagline'));
      const lines = [];
      for (const c of tagline) {
        if (!lines.length || c.top > lines[lines.length - 1].top + 4) lines.push({ top: c.top, n: 0 });
        lines[lines.length - 1].n += 1;
      }
      const han = /\p{Script=Han}/u;
      const broken = [];
      for (const dd of document.querySelectorAll('.ww-layer-details dd')) {
        const cs = chars(dd);
        for (let i = 1; i < cs.length; i++) {
          if (cs[i].top > cs[i - 1].top + 4 && han.test(cs[i - 1].ch) && han.test(cs[i].ch)) broken.push(`${dd.textContent.slice(0, i)}/${dd.textContent.slice(i)}`);
        }
      }
      const app = document.querySelector('.ww-layer-details.lvl-5');
      const box = app.getBoundingClientRect();
      const last = Math.max(...[...app.children].filter((e) => e.getClientRects().length && getComputedStyle(e).position !== 'absolute').map((e) => e.getBoundingClientRect().bottom));
      return { lines: lines.map((l) => l.n), broken, appBlank: Math.round(box.bottom - last) };
    });
    const problems = [];
    if (m.lines.length > 1 && m.lines[m.lines.length - 1] < m.lines[0] / 3) problems.push(`subtitle lines of ${m.lines.join(' + ')} characters`);
    if (m.broken.length) problems.push(`words broken: ${m.broken.join(', ')}`);
    if (m.appBlank > 80) problems.push(`${m.appBlank} px blank in the Application card`);
    // What this test reads, not the whole page again (that was byte-identical to the
    // layers-model-5 screenshot): the header with its subtitle, then the layers grid with
    // its detail column and the Application card.
    await page.locator('.ww-header').screenshot({ path: `e2e/artifacts/screens/projector-layers-words-header-${lang}-1024x768.png`, animations: 'disabled' });
    await page.locator('.ww-layers-grid').screenshot({ path: `e2e/artifacts/screens/projector-layers-words-${lang}-1024x768.png`, animations: 'disabled' });
    expect(problems).toEqual([]);
  });
}

// Review 5 (item 2): in the projector theme the state machine's edge just taken ("the bold
// line") was drawn at 0.75 opacity in its host's colour, a pale tan or light blue, weaker
// than the ordinary dark grey edges (3.9:1 against the card, they 7.2:1): the highlight
// read backwards. In every theme the lit edge is drawn at full strength (4.5:1 at least, the
// text's level) and at least twice as thick as any other. Issue 16: the ordinary edges were
// 1.97:1 in light and 2.43:1 in dark; they and the arrowheads need 3:1 (WCAG 1.4.11).
for (const theme of ['light', 'dark', 'projector']) {
  test(`the state machine's edges and arrowheads keep 3:1, the lit edge at full strength and the thickest line (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await open(page, `#/tcp?lang=en&step=14&theme=${theme}`);
    const m = await page.evaluate(() => {
      const { background, ink } = window.__wwContrast; // fixtures.mjs
      const bg = background(document.querySelector('.ww-sd svg'));
      const line = (el) => ({ edge: el.dataset.edge, k: ink(el, 'stroke', bg), width: parseFloat(getComputedStyle(el).strokeWidth) });
      const lit = document.querySelector('.ww-sd-edge.is-lit');
      const heads = [...document.querySelectorAll('.ww-sd marker path')].map((h) => ({ head: h.getAttribute('class'), k: ink(h, 'fill', bg) }));
      return { lit: lit && line(lit), others: [...document.querySelectorAll('.ww-sd-edge:not(.is-lit)')].map(line), heads };
    });
    expect(m.lit).not.toBeNull();
    expect(m.others.length).toBeGreaterThan(10);
    expect(m.others.filter((o) => o.k < 3), 'edges under 3:1 against the card').toEqual([]);
    expect(m.heads.length).toBeGreaterThan(0);
    expect(m.heads.filter((h) => h.k < 3), 'arrowheads under 3:1 against the card').toEqual([]);
    expect(m.lit.k, `${m.lit.edge} against the card`).toBeGreaterThanOrEqual(4.5);
    expect(m.others.filter((o) => 2 * o.width > m.lit.width), `lit ${JSON.stringify(m.lit)}`).toEqual([]);
  });
}

// Review 5 (item 1): the storm view's MAC addresses, centred under Client and Server, ran
// past both sides of the drawing ("ː2:00:00:00:00:0a", "…:00:1" with no "4"). Every text
// of the LAN drawing lies inside the drawing, in every view, both languages.
for (const lang of ['zh', 'en']) {
  test(`projector at 1024×768: no text of the LAN drawing is cut at its sides (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const cut = [];
    for (const q of ['view=switch&step=12', 'view=storm&step=40', 'view=router&step=16']) {
      await open(page, `#/lan?${q}&lang=${lang}&theme=projector`);
      const out = await page.evaluate(() => {
        const svg = document.querySelector('.ww-lan-topo');
        const b = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => ({ t: t.textContent.trim(), r: t.getBoundingClientRect() }))
          .filter(({ r }) => r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5)
          .map(({ t, r }) => `"${t}" ${Math.round(r.left - b.left)}..${Math.round(r.right - b.left)} of ${Math.round(b.width)}`);
      });
      for (const o of out) cut.push(`${q}: ${o}`);
    }
    expect(cut).toEqual([]);
  });
}

// Review 5 (items 15, 16): at 1024 px the capture intro's tcpdump command broke across two
// lines ("tcpdump / -i any…" en, "my.pcap / port 8080" zh), the full IPv6 address broke after
// "8a2e:", and the exponents of "192×2²⁴ + 168×2¹⁶" took a code cell per digit ("2² ⁴").
for (const lang of ['zh', 'en']) {
  test(`projector at 1024×768: the tcpdump command and the full IPv6 address on one line, exponents kept together (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const lines = (sel) => page.evaluate((s) => {
      const el = document.querySelector(s);
      const r = document.createRange();
      r.selectNodeContents(el);
      return new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top))).size;
    }, sel);
    await open(page, `#/capture?lang=${lang}&theme=projector`);
    expect(await lines('.ww-scene-intro code')).toBe(1);
    await open(page, `#/addresses?lang=${lang}&theme=projector`);
    expect(await lines('.ww-ipv6-full')).toBe(1);
    const exp = await page.evaluate(() => {
      const value = document.querySelector('.ww-ip-value .ww-mono');
      const em = parseFloat(getComputedStyle(value).fontSize);
      // Each superscript digit's advance, as a share of the formula's font size.
      const out = [];
      const walk = document.createTreeWalker(value, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        for (let i = 0; i < n.length; i++) {
          if (!/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(n.data[i])) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          out.push(r.getBoundingClientRect().width / em);
        }
      }
      return out;
    });
    expect(exp.length).toBe(5);
    expect(exp.filter((w) => w > 0.45)).toEqual([]);
  });
}

// Review 5 (items 17, 18): in the frame details the triangles of nested fields (eth.dst,
// ip.flags, tcp.flags) sat about 6 px above their names; the encapsulation's TCP/UDP radio
// buttons and the Predict checkbox were 13 px boxes beside 18-21 px bold labels.
test('projector at 1024×768: field twisties level with their names, radios and checkboxes as tall as their labels', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await open(page, '#/encapsulation?lang=en&step=6&theme=projector');
  const m = await page.evaluate(() => {
    const mid = (r) => (r.top + r.bottom) / 2;
    const twisties = [...document.querySelectorAll('.ww-field-row > .ww-twisty')].map((t) => {
      const id = t.parentElement.querySelector('.ww-field-id');
      return { id: id.textContent, dy: Math.round(mid(t.querySelector('svg').getBoundingClientRect()) - mid(id.getBoundingClientRect())) };
    });
    const boxes = [...document.querySelectorAll('main input[type=radio], main input[type=checkbox]')].filter((i) => i.getBoundingClientRect().width > 0).map((i) => {
      const label = i.closest('label') ?? document.querySelector(`label[for="${i.id}"]`);
      return { name: label?.textContent.trim().slice(0, 20), h: i.getBoundingClientRect().height, font: parseFloat(getComputedStyle(label ?? i.parentElement).fontSize) };
    });
    return { twisties, boxes };
  });
  expect(m.twisties.length).toBeGreaterThan(2);
  expect(m.twisties.filter((t) => Math.abs(t.dy) > 2)).toEqual([]);
  expect(m.boxes.length).toBeGreaterThan(2);
  expect(m.boxes.filter((b) => b.h < 0.8 * b.font)).toEqual([]);
});

// Review 5 (item 20): at 1024 px the en tabs wrapped onto a second row ("6 Addresses &
// ports", "7 Your capture" under the others). All seven on one row, in both languages.
test('projector at 1024×768: the scene tabs take one row (zh, en)', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  for (const lang of ['zh', 'en']) {
    await open(page, `#/tcp?lang=${lang}&theme=projector`);
    const rows = await page.locator('.ww-nav-link').evaluateAll((els) => [...new Set(els.map((a) => Math.round(a.getBoundingClientRect().top)))]);
    expect(rows, lang).toHaveLength(1);
    expect(await overflowsSideways(page), lang).toBe(false);
  }
});

// Review 5 (item 11): with the refused connection's short ladder the projector stacks the
// side column as blocks, and the state cards, the state machine and both programs touched
// (the others keep ~15 px between them). No two of them closer than 8 px.
for (const lang of ['zh', 'en']) {
  test(`projector at 1024×768: the refused connection's panels keep a gap (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await open(page, `#/tcp?lang=${lang}&variant=refused&step=6&theme=projector`);
    const gaps = await page.evaluate(() => {
      const kids = [...document.querySelector('.ww-tcp-side').children].filter((k) => k.getBoundingClientRect().height > 0);
      return kids.slice(1).map((k, i) => ({ after: kids[i].className, gap: Math.round(k.getBoundingClientRect().top - kids[i].getBoundingClientRect().bottom) }));
    });
    expect(gaps.length).toBeGreaterThan(1);
    expect(gaps.filter((g) => g.gap < 8)).toEqual([]);
  });
}

// Issue 16, review of the 1024×768 screenshots: in zh the frame's "FCS 尾部" block sat alone
// on a third row of the PDU (the shorter zh TCP and data blocks left room for Padding beside
// them, not for FCS), where en pairs it with Padding. The trailer's two blocks share a row.
for (const lang of ['zh', 'en']) {
  test(`projector at 1024×768: the FCS block shares its row with Padding (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const q of ['step=6', 'proto=udp&step=6']) {
      await open(page, `#/encapsulation?${q}&lang=${lang}&theme=projector`);
      const m = await page.evaluate(() => {
        const fcs = document.querySelector('.ww-enc-pdu > .blk-fcs');
        const left = fcs.previousElementSibling;
        return { left: left.className, top: Math.round(left.getBoundingClientRect().top), fcs: Math.round(fcs.getBoundingClientRect().top) };
      });
      expect(m.left, q).toContain('blk-padding');
      expect(m.fcs, `${q}: FCS top vs its left neighbour's`).toBe(m.top);
    }
  });
}

// Issue 16 (lines 3:1 in the drawings, checked in light and dark too): the LAN packets'
// envelope flap was drawn in the text colour on the packet's layer colour, light in the
// dark theme: 1.76:1 (storm) and 1.58:1 (router). In every theme the flap keeps 3:1
// against the envelope it is drawn on.
for (const theme of ['light', 'dark', 'projector']) {
  test(`the LAN packets' envelope flap keeps 3:1 against the envelope (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const found = [];
    for (const q of ['view=storm&step=40', 'view=router&step=16']) {
      await open(page, `#/lan?${q}&lang=en&theme=${theme}`);
      const ks = await page.evaluate(() => {
        const { rgba, ink, opacity } = window.__wwContrast; // fixtures.mjs
        // A packet fading in or out (opacity near 0) is no mark on screen: the packets
        // shown, read once the step's packets have come in (on a busy machine they may
        // still be fading in when the page says it is ready).
        const read = () => [...document.querySelectorAll('.ww-lan-packet')].filter((p) => opacity(p) > 0.5).map((p) => {
          const [flap, fill] = [getComputedStyle(p.querySelector('.ww-lan-packet-flap')).stroke, getComputedStyle(p.querySelector('rect')).fill];
          return { k: ink(p.querySelector('.ww-lan-packet-flap'), 'stroke', rgba(fill)), flap, fill };
        });
        return window.__wwUntil(read, (ks) => ks.length > 0);
      });
      if (!ks.length) found.push(`${q}: no packet`);
      for (const k of ks) if (k.k < 3) found.push(`${q}: ${k.k.toFixed(2)}:1 (${k.flap} on ${k.fill})`);
    }
    expect(found).toEqual([]);
  });
}

// Issue 16 (3:1 for lines that carry meaning, WCAG 1.4.11): the ladder's lifelines (each
// host's time line) and the LAN switch's port rings were drawn in the grey --border, 1.2-1.5:1
// against the card in light and dark. In every theme they keep 3:1 against the card (the
// port rings also against the switch box they sit on), the LAN cables and the storm chart's
// axes too; and the ladder's arrows stay the stronger marks: more contrast than the
// lifelines and at least as thick.
for (const theme of ['light', 'dark', 'projector']) {
  test(`the ladder's lifelines, the LAN's port rings, cables and chart axes keep 3:1; arrows stronger than lifelines (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const found = [];
    await open(page, `#/tcp?lang=en&step=30&theme=${theme}`);
    const ladder = await page.evaluate(() => {
      const { background, ink } = window.__wwContrast; // fixtures.mjs
      const bg = background(document.querySelector('.ww-ladder'));
      const line = (el) => ({ k: ink(el, 'stroke', bg), width: parseFloat(getComputedStyle(el).strokeWidth) });
      // Read once the colours have settled (in CI a read right after the page was ready
      // once found every line at 1:1, still at its starting colour).
      return window.__wwUntil(() => ({
        lifelines: [...document.querySelectorAll('.ww-ladder .ww-lifeline')].map(line),
        arrows: [...document.querySelectorAll('.ww-ladder .ww-arrow:not(.is-future) .ww-arrow-line')].map(line),
      }), (r) => r.lifelines.length === 2 && r.arrows.length > 2 && [...r.lifelines, ...r.arrows].every((l) => l.k >= 3));
    });
    expect(ladder.lifelines).toHaveLength(2);
    expect(ladder.arrows.length).toBeGreaterThan(2);
    for (const l of ladder.lifelines) if (l.k < 3) found.push(`tcp: lifeline ${l.k.toFixed(2)}:1`);
    const weakest = Math.min(...ladder.arrows.map((a) => a.k));
    const thinnest = Math.min(...ladder.arrows.map((a) => a.width));
    for (const l of ladder.lifelines) {
      if (l.k >= weakest) found.push(`tcp: lifeline ${l.k.toFixed(2)}:1, not weaker than the arrows (${weakest.toFixed(2)}:1)`);
      if (l.width > thinnest) found.push(`tcp: lifeline ${l.width} wide, thicker than an arrow (${thinnest})`);
    }
    for (const q of ['view=switch&step=12', 'view=storm&step=40', 'view=router&step=16']) {
      await open(page, `#/lan?${q}&lang=en&theme=${theme}`);
      const ks = await page.evaluate(() => {
        const { rgba, background, ink } = window.__wwContrast; // fixtures.mjs
        const svg = document.querySelector('.ww-lan-topo');
        const bg = background(svg);
        // Read once the colours have settled (a cable's stroke is transitioned: read in the
        // frame the theme applies, it still has its starting colour, 1:1).
        return window.__wwUntil(() => {
        const out = [];
        const sw = document.querySelector('.ww-lan-node.is-switch rect');
        for (const c of document.querySelectorAll('.ww-lan-port:not(.is-learned) circle')) {
          out.push({ what: 'port ring', k: ink(c, 'stroke', bg) });
          if (sw) out.push({ what: 'port ring on the switch', k: ink(c, 'stroke', rgba(getComputedStyle(sw).fill)) });
        }
        for (const c of document.querySelectorAll('.ww-lan-link:not(.is-active) .ww-lan-cable:not(.is-pulled)')) out.push({ what: 'cable', k: ink(c, 'stroke', bg) });
        for (const a of document.querySelectorAll('.ww-lan-axis')) out.push({ what: 'chart axis', k: ink(a, 'stroke', background(a.closest('svg'))) });
        return out;
        }, (out) => out.length > 0 && out.every((k) => k.k >= 3));
      });
      if (q.startsWith('view=switch') && !ks.some((k) => k.what === 'port ring')) found.push(`${q}: no port ring`);
      if (q.startsWith('view=storm') && !ks.some((k) => k.what === 'chart axis')) found.push(`${q}: no chart axis`);
      for (const k of ks) if (k.k < 3) found.push(`${q}: ${k.what} ${k.k.toFixed(2)}:1`);
    }
    expect([...new Set(found)]).toEqual([]);
  });
}
